import { useState } from 'preact/hooks';
import { GALLERY_STATUSES, MAX_SELECTION, MAX_TAGS } from '../../../../shared/features/galleries/constants.ts';
import { type Role, roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { PhotoGrid, TileImage } from '../../components/photos/PhotoGrid.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { ImageIcon } from '../../components/ui/Icons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import type { GalleryRules, StudioGallery, StudioGalleryStatus, StudioImage } from '../../lib/gallery-types.ts';
import { AssigneesCard } from './AssigneesCard.tsx';
import { STUDIO_STATUS } from './studio-status.ts';

export function DetailsTab({
  gallery,
  images,
  onSaved,
  role,
}: {
  gallery: StudioGallery;
  images: StudioImage[];
  onSaved: (g: StudioGallery) => void;
  role: Role;
}) {
  return (
    <div class="details-tab">
      {roleAtLeast(role, 'admin') && <AssigneesCard gallery={gallery} onSaved={onSaved} />}
      <StatusCard gallery={gallery} onSaved={onSaved} />
      <CoverCard gallery={gallery} images={images} onSaved={onSaved} />
      <DetailsForm gallery={gallery} onSaved={onSaved} />
    </div>
  );
}

function StatusCard({ gallery, onSaved }: { gallery: StudioGallery; onSaved: (g: StudioGallery) => void }) {
  const [choice, setChoice] = useState<StudioGalleryStatus>(gallery.status);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    if (busy || choice === gallery.status) return;
    setBusy(true);
    setStatus('');
    setError('');
    try {
      const { gallery: updated } = await call('updateGallery', { params: { galleryId: gallery.galleryId }, body: { status: choice } });
      onSaved(updated);
      setStatus(`The gallery is now ${STUDIO_STATUS[updated.status].label.toLowerCase()}.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="status-heading">
      <form onSubmit={save}>
        <fieldset class="status-steps">
          <legend id="status-heading" class="card-title">
            Status
          </legend>
          <p class="muted small">A gallery usually moves left to right. You can move it back at any time.</p>
          <div class="status-steps__list">
            {GALLERY_STATUSES.map((s, i) => (
              <label key={s} class={`status-step${choice === s ? ' is-chosen' : ''}${gallery.status === s ? ' is-current' : ''}`}>
                <input type="radio" name="status" value={s} checked={choice === s} onChange={() => setChoice(s)} />
                <span class="status-step__name">
                  <span class="status-step__num" aria-hidden="true">
                    {i + 1}
                  </span>
                  {STUDIO_STATUS[s].label}
                  {gallery.status === s && <span class="status-step__now"> (now)</span>}
                </span>
                <span class="status-step__explain">{STUDIO_STATUS[s].explain}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={choice === gallery.status} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {choice === gallery.status ? 'Change status' : `Move to ${STUDIO_STATUS[choice].label}`}
          </button>
        </div>
      </form>
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}

function CoverCard({ gallery, images, onSaved }: { gallery: StudioGallery; images: StudioImage[]; onSaved: (g: StudioGallery) => void }) {
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const ready = images.filter((i) => i.status === 'ready' && i.thumbUrl);
  const cover = images.find((i) => i.imageId === gallery.coverImageId);
  const choose = async (imageId: string | null) => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      const { gallery: updated } = await call('updateGallery', {
        params: { galleryId: gallery.galleryId },
        body: { coverImageId: imageId },
      });
      onSaved(updated);
      setPicking(false);
      setStatus(imageId ? 'Cover image changed.' : 'Cover image removed.');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const src = gallery.coverUrl ?? cover?.thumbUrl ?? null;
  return (
    <section class="card cover-card" aria-labelledby="cover-heading">
      <h2 id="cover-heading" class="card-title">
        Cover image
      </h2>
      <div class="cover-card__body">
        <div class="cover-card__preview">
          {src ? <img src={src} alt={cover ? `Cover: ${cover.fileName}` : 'Cover image'} /> : <ImageIcon />}
        </div>
        <div class="cover-card__text">
          <p class="muted small">Shown on your client’s gallery card. {ready.length ? '' : 'Upload photos first to choose one.'}</p>
          <div class="form-actions">
            <button type="button" class="button button--secondary" disabled={!ready.length} onClick={() => setPicking(true)}>
              Choose cover
            </button>
            {gallery.coverImageId && (
              <button type="button" class="button button--ghost" onClick={() => choose(null)} aria-disabled={busy || undefined}>
                Remove cover
              </button>
            )}
          </div>
        </div>
      </div>
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
      {picking && (
        <Dialog title="Choose the cover image" onClose={() => setPicking(false)} class="modal--wide">
          <Notice role="alert">{error}</Notice>
          <PhotoGrid
            items={ready}
            mode="square"
            label="Photos to choose from"
            renderTile={(image, _i, size) => (
              <button
                type="button"
                class="ptile__open"
                onClick={() => choose(image.imageId)}
                aria-label={`Use ${image.fileName} as the cover`}
                aria-pressed={image.imageId === gallery.coverImageId}
                aria-disabled={busy || undefined}
              >
                <TileImage src={image.thumbUrl as string} width={size.width} height={size.height} />
              </button>
            )}
          />
        </Dialog>
      )}
    </section>
  );
}

type DetailField = 'title' | 'shootDate' | 'deadline' | 'welcomeNote' | 'tags' | 'min' | 'max' | 'watermark';
const ORDER: DetailField[] = ['title', 'shootDate', 'deadline', 'welcomeNote', 'tags', 'min', 'max', 'watermark'];
const FIELD_ID: Record<DetailField, string> = {
  title: 'd-title',
  shootDate: 'd-shoot',
  deadline: 'd-deadline',
  welcomeNote: 'd-note',
  tags: 'd-tags',
  min: 'd-min',
  max: 'd-max',
  watermark: 'd-watermark',
};
/** Where the API's field names point in this form. */
const API_FIELD: Record<string, DetailField> = {
  title: 'title',
  shootDate: 'shootDate',
  deadline: 'deadline',
  welcomeNote: 'welcomeNote',
  tags: 'tags',
  'rules.selection.min': 'min',
  'rules.selection.max': 'max',
  'rules.selection': 'min',
  'rules.watermark': 'watermark',
};

const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

function DetailsForm({ gallery, onSaved }: { gallery: StudioGallery; onSaved: (g: StudioGallery) => void }) {
  const r = gallery.rules;
  const [title, setTitle] = useState(gallery.title);
  const [shootDate, setShootDate] = useState(gallery.shootDate ?? '');
  const [deadline, setDeadline] = useState(gallery.deadline ?? '');
  const [welcomeNote, setWelcomeNote] = useState(gallery.welcomeNote);
  const [tags, setTags] = useState(gallery.tags.join(', '));
  const [selection, setSelection] = useState(r.selection.enabled);
  const [min, setMin] = useState(String(r.selection.min));
  const [max, setMax] = useState(r.selection.max === null ? '' : String(r.selection.max));
  const [favourites, setFavourites] = useState(r.favourites);
  const [comments, setComments] = useState(r.comments);
  const [downloads, setDownloads] = useState<GalleryRules['downloads']>(r.downloads);
  const [viewOnly, setViewOnly] = useState(r.viewOnly);
  const [watermark, setWatermark] = useState(r.watermark ?? '');
  const [problems, setProblems] = useState<Partial<Record<DetailField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const show = (found: Partial<Record<DetailField, string>>) => {
    setProblems(found);
    const first = ORDER.find((k) => found[k]);
    if (first) document.getElementById(FIELD_ID[first])?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setStatus('');
    setError('');
    const tagList = parseTags(tags);
    const minN = Number(min || '0');
    const maxN = max.trim() ? Number(max) : null;
    const found: Partial<Record<DetailField, string>> = {
      title: !title.trim() ? 'Enter a title.' : title.trim().length > 120 ? 'Use at most 120 characters.' : undefined,
      welcomeNote: welcomeNote.trim().length > 2000 ? 'Use at most 2,000 characters.' : undefined,
      tags:
        tagList.length > MAX_TAGS
          ? `Use at most ${MAX_TAGS} tags.`
          : tagList.some((t) => t.length > 30)
            ? 'Keep each tag to 30 characters.'
            : undefined,
      min: !Number.isInteger(minN) || minN < 0 ? 'Enter a whole number, 0 or more.' : undefined,
      max:
        maxN !== null && (!Number.isInteger(maxN) || maxN < 1)
          ? 'Enter a whole number, 1 or more, or leave it empty.'
          : maxN !== null && Number.isInteger(minN) && minN > maxN
            ? 'The maximum can’t be less than the minimum.'
            : undefined,
      watermark: watermark.trim().length > 60 ? 'Use at most 60 characters.' : undefined,
    };
    if (ORDER.some((k) => found[k])) return show(found);
    setProblems({});
    setBusy(true);
    try {
      const { gallery: updated } = await call('updateGallery', {
        params: { galleryId: gallery.galleryId },
        body: {
          title: title.trim(),
          shootDate: shootDate || null,
          deadline: deadline || null,
          welcomeNote: welcomeNote.trim(),
          tags: tagList,
          rules: {
            selection: { enabled: selection, min: minN, max: maxN },
            favourites,
            comments,
            downloads,
            viewOnly,
            watermark: watermark.trim() || null,
          },
        },
      });
      onSaved(updated);
      setTags(updated.tags.join(', '));
      setStatus('Saved. Your client sees the changes the next time they open the gallery.');
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        const mapped: Partial<Record<DetailField, string>> = {};
        for (const [k, v] of Object.entries(err.fields)) {
          const f = API_FIELD[k] ?? API_FIELD[k.replace(/\.\d+$/, '')];
          if (f && !mapped[f]) mapped[f] = v[0];
        }
        show(mapped);
        setError(Object.keys(mapped).length ? 'Please check the highlighted fields.' : messageOf(err));
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="details-form" noValidate onSubmit={submit}>
      <section class="card" aria-labelledby="details-heading">
        <h2 id="details-heading" class="card-title">
          Details
        </h2>
        <div class="form-grid">
          <Field id={FIELD_ID.title} label="Title" maxLength={120} value={title} onValue={setTitle} error={problems.title} />
          <Field id={FIELD_ID.shootDate} label="Shoot date" type="date" optional value={shootDate} onValue={setShootDate} />
          <Field
            id={FIELD_ID.deadline}
            label="Selection deadline"
            type="date"
            optional
            value={deadline}
            onValue={setDeadline}
            error={problems.deadline}
            hintBelow
            hint="After this day your client can no longer change their selection."
          />
          <Field
            id={FIELD_ID.tags}
            label="Tags"
            optional
            value={tags}
            onValue={setTags}
            error={problems.tags}
            hintBelow
            hint="Separate with commas, e.g. ceremony, portraits."
          />
        </div>
        <div class={`field${problems.welcomeNote ? ' field--invalid' : ''}`}>
          <label class="field__label" for={FIELD_ID.welcomeNote}>
            Welcome note <span class="field__optional">(optional)</span>
          </label>
          <textarea
            id={FIELD_ID.welcomeNote}
            class="textarea"
            rows={3}
            maxLength={2000}
            value={welcomeNote}
            onInput={(e) => setWelcomeNote(e.currentTarget.value)}
            aria-describedby="d-note-hint"
          />
          <p class="field__hint" id="d-note-hint">
            Shown at the top of the gallery.
          </p>
          {problems.welcomeNote && <p class="field__error">{problems.welcomeNote}</p>}
        </div>
      </section>

      <section class="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading" class="card-title">
          What your client can do
        </h2>
        <div class="rules-form">
          <Toggle
            id="r-viewonly"
            label="View only"
            hint="Your client can look, nothing else: no favourites, selection or comments."
            checked={viewOnly}
            onChange={setViewOnly}
          />
          <Toggle
            id="r-selection"
            label="Selection"
            hint="Your client picks the photos they want (for editing, an album or prints) and confirms the final set."
            checked={selection}
            onChange={setSelection}
            disabled={viewOnly}
          />
          {selection && !viewOnly && (
            <div class="form-grid form-grid--indent">
              <Field
                id={FIELD_ID.min}
                label="At least"
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_SELECTION}
                value={min}
                onValue={setMin}
                error={problems.min}
                after="photos"
              />
              <Field
                id={FIELD_ID.max}
                label="At most"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_SELECTION}
                optional
                value={max}
                onValue={setMax}
                error={problems.max}
                after="photos"
                hintBelow
                hint="Empty: no limit."
              />
            </div>
          )}
          <Toggle
            id="r-favourites"
            label="Favourites"
            hint="A heart on each photo, for the ones they love (not a commitment)."
            checked={favourites}
            onChange={setFavourites}
            disabled={viewOnly}
          />
          <Toggle
            id="r-comments"
            label="Comments"
            hint="Notes on a photo, such as “Can this be brighter?”."
            checked={comments}
            onChange={setComments}
            disabled={viewOnly}
          />
          <fieldset class="radio-group">
            <legend class="field__label">Downloads</legend>
            {(
              [
                ['off', 'Off', 'Your client can only look.'],
                ['web', 'Web size', 'JPEGs up to 2048 px: for screens and social media.'],
                ['original', 'Originals', 'The files exactly as you uploaded them.'],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} class="radio">
                <input type="radio" name="downloads" value={value} checked={downloads === value} onChange={() => setDownloads(value)} />
                <span>
                  <span class="radio__label">{label}</span>
                  <span class="radio__hint">{hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field
            id={FIELD_ID.watermark}
            label="Watermark text"
            optional
            maxLength={60}
            value={watermark}
            onValue={setWatermark}
            error={problems.watermark}
            hintBelow
            hint="Stamped on the previews your client sees (never on originals). Applies to photos uploaded after the change."
          />
        </div>
      </section>

      <div class="form-actions form-actions--sticky">
        <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
          {busy && <Spinner />}
          {busy ? 'Saving…' : 'Save details and rules'}
        </button>
        <Notice role="status">{status}</Notice>
        <Notice role="alert">{error}</Notice>
      </div>
    </form>
  );
}

function Toggle({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div class={`toggle${disabled ? ' is-disabled' : ''}`}>
      <input
        type="checkbox"
        id={id}
        class="toggle__input"
        checked={checked && !disabled}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={`${id}-hint`}
      />
      <label for={id} class="toggle__label">
        {label}
      </label>
      <p class="toggle__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
