import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Lightbox } from '../../components/photos/Lightbox.tsx';
import { type GridHandle, PhotoGrid, TileImage } from '../../components/photos/PhotoGrid.tsx';
import { ShootFacts } from '../../components/photos/ShootFacts.tsx';
import { PortalFrame, useBranding } from '../../components/portal/PortalFrame.tsx';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { FilterBar, type FilterOption } from '../../components/ui/FilterBar.tsx';
import { BackIcon, CheckCircleIcon, CommentIcon, DownloadIcon, HeartIcon } from '../../components/ui/GalleryIcons.tsx';
import { ClockIcon } from '../../components/ui/Icons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Toast, useToast } from '../../components/ui/Toast.tsx';
import { ApiError, call, goToSignIn, messageOf } from '../../lib/api.ts';
import { deadlineLabel, formatDate } from '../../lib/dates.ts';
import { plural } from '../../lib/format.ts';
import type { ClientGalleryDetail, ClientImage } from '../../lib/gallery-types.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { galleryIdFromPath } from '../../lib/nav.ts';
import type { Branding } from '../../lib/types.ts';
import { ZipDownload } from '../downloads/index.ts';
import { CommentsPanel } from './CommentsPanel.tsx';

const ACCESS_ENDED = new Set(['access_expired', 'access_revoked']);

const STATUS: Record<ClientGalleryDetail['status'], { label: string; tone: BadgeTone }> = {
  proofing: { label: 'Proofing', tone: 'accent' },
  locked: { label: 'Locked', tone: 'neutral' },
  ready: { label: 'Ready', tone: 'success' },
  archived: { label: 'Archived', tone: 'neutral' },
  unavailable: { label: 'Unavailable', tone: 'danger' },
};

type Filter = 'all' | 'favourites' | 'selected' | 'commented' | `tag:${string}`;

/** Images do not carry tags in the API yet; tag filters appear once they do (an optional `tags` field). */
const tagsOf = (image: ClientImage): readonly string[] => (image as ClientImage & { tags?: string[] }).tags ?? [];

/** A fresh answer, keeping the presigned URLs already loaded (new signatures would refetch every photo). */
function mergeImages(old: readonly ClientImage[], fresh: ClientImage[]): ClientImage[] {
  const byId = new Map(old.map((i) => [i.imageId, i]));
  return fresh.map((i) => {
    const was = byId.get(i.imageId);
    return was ? { ...i, thumbUrl: was.thumbUrl, previewUrl: was.previewUrl } : i;
  });
}

export default function ProofingPage() {
  const [studio, setStudio] = useBranding();
  const load = useLoad(() => {
    const id = galleryIdFromPath(location.pathname);
    if (!id) return Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such gallery.' }));
    return Promise.all([call('getClientMe'), call('getClientGallery', { params: { galleryId: id } })]);
  });
  const error = load.state === 'failed' && load.error instanceof ApiError ? load.error : null;

  useEffect(() => {
    if (load.state === 'ready') setStudio(load.data[0].studio);
    if (error?.code === 'wrong_portal') void goToSignIn();
    if (error && error.code !== 'wrong_portal')
      call('getPortal').then(
        (r) => setStudio(r.studio),
        () => {},
      );
  }, [load.state]);
  const title = load.state === 'ready' ? load.data[1].gallery.title : undefined;
  useTitle(title && studio ? `${title} · ${studio.name}` : undefined);

  return (
    <PortalFrame studio={studio} signedIn={load.state === 'ready'}>
      {load.state === 'loading' && <ProofingSkeleton />}
      {load.state === 'failed' && error?.code !== 'wrong_portal' && <Unavailable error={load.error} retry={load.reload} />}
      {load.state === 'ready' && <Proofing studio={load.data[0].studio} initial={load.data[1]} />}
    </PortalFrame>
  );
}

function Unavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const e = error instanceof ApiError ? error : null;
  const missing = e?.status === 404;
  const ended = e && ACCESS_ENDED.has(e.code);
  return (
    <div class="container container--narrow access-ended">
      <div class="card signin-card">
        <h1 class="signin-card__title">
          {missing ? 'Gallery not found' : ended ? 'Your access has ended' : 'We couldn’t open this gallery'}
        </h1>
        <Notice role="alert" tone={missing || ended ? 'info' : 'error'}>
          {missing ? 'This gallery doesn’t exist or isn’t shared with you. Check the link, or open it from your portal.' : messageOf(error)}
        </Notice>
        <div class="stack">
          {!missing && !ended && (
            <button type="button" class="button button--secondary button--block" onClick={retry}>
              Try again
            </button>
          )}
          <a class="button button--primary button--block" href="/">
            Go to your galleries
          </a>
        </div>
      </div>
    </div>
  );
}

function ProofingSkeleton() {
  return (
    <div class="container proof" role="status" aria-live="polite">
      <span class="visually-hidden">Loading the gallery…</span>
      <div class="proof-hero" aria-hidden="true">
        <span class="skeleton skeleton--short" />
        <span class="skeleton skeleton--text" />
      </div>
      <div class="proof-skeleton" aria-hidden="true">
        {Array.from({ length: 12 }, (_, i) => (
          <span key={i} class="skeleton-block" />
        ))}
      </div>
    </div>
  );
}

interface ProofingProps {
  studio: Branding;
  initial: { gallery: ClientGalleryDetail; images: ClientImage[] };
}

function Proofing({ studio, initial }: ProofingProps) {
  const [gallery, setGallery] = useState(initial.gallery);
  const [images, setImages] = useState(initial.images);
  const [count, setCount] = useState(initial.gallery.selectedCount);
  const [filter, setFilter] = useState<Filter>('all');
  const [viewer, setViewer] = useState<{ ids: string[]; index: number } | null>(null);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [zip, setZip] = useState<'all' | 'selected' | null>(null);
  const [toast, say, clearToast] = useToast();
  const grid = useRef<GridHandle | null>(null);
  const galleryId = gallery.galleryId;
  const { can, rules } = gallery;
  const max = rules.selection.max;
  const min = rules.selection.min;
  const selecting = rules.selection.enabled && !rules.viewOnly;

  // Latest request per image and action: an older answer never undoes a newer tap.
  const latest = useRef(new Map<string, number>());
  const seq = useRef(0);
  const countRef = useRef(count);
  countRef.current = count;

  const patch = (imageId: string, change: Partial<ClientImage>) =>
    setImages((list) => list.map((i) => (i.imageId === imageId ? { ...i, ...change } : i)));

  const refresh = async () => {
    try {
      const fresh = await call('getClientGallery', { params: { galleryId } });
      setGallery(fresh.gallery);
      setCount(fresh.gallery.selectedCount);
      setImages((old) => mergeImages(old, fresh.images));
    } catch {
      // The page keeps what it has; the next action will tell if something is wrong.
    }
  };

  // Presigned photo URLs expire (hours): a photo that fails to load reloads the list, once a minute at most.
  const lastStale = useRef(0);
  const onStale = () => {
    if (Date.now() - lastStale.current < 60_000) return;
    lastStale.current = Date.now();
    call('getClientGallery', { params: { galleryId } }).then(
      (fresh) => setImages(fresh.images),
      () => {},
    );
  };

  const fullMessage = () => `You’ve chosen the maximum of ${max}. Unselect a photo to choose another.`;

  const toggleFavourite = async (image: ClientImage) => {
    if (!can.favourite) return;
    const next = !image.favourite;
    const key = `f:${image.imageId}`;
    const mine = ++seq.current;
    latest.current.set(key, mine);
    patch(image.imageId, { favourite: next });
    try {
      await call('setFavourite', { params: { galleryId, imageId: image.imageId }, body: { favourite: next } });
    } catch (e) {
      if (latest.current.get(key) === mine) patch(image.imageId, { favourite: !next });
      say(`We couldn’t ${next ? 'save' : 'remove'} that favourite. ${messageOf(e)}`);
    }
  };

  const toggleSelected = async (image: ClientImage) => {
    if (!can.select) return;
    const next = !image.selected;
    if (next && max !== null && countRef.current >= max) return say(fullMessage(), 'info');
    const key = `s:${image.imageId}`;
    const mine = ++seq.current;
    latest.current.set(key, mine);
    latest.current.set('count', mine);
    patch(image.imageId, { selected: next });
    setCount((c) => c + (next ? 1 : -1));
    try {
      const r = await call('setSelection', { params: { galleryId, imageId: image.imageId }, body: { selected: next } });
      if (latest.current.get('count') === mine) setCount(r.selectedCount);
    } catch (e) {
      if (latest.current.get(key) === mine) patch(image.imageId, { selected: !next });
      setCount((c) => c - (next ? 1 : -1));
      if (e instanceof ApiError && e.code === 'selection_full') say(fullMessage(), 'info');
      else if (e instanceof ApiError && (e.code === 'selection_confirmed' || e.code === 'not_allowed')) {
        say(e.message, 'info');
        void refresh();
      } else say(`We couldn’t ${next ? 'select' : 'unselect'} that photo. ${messageOf(e)}`);
    }
  };

  const download = async (image: ClientImage) => {
    try {
      const { url } = await call('downloadImage', { params: { galleryId, imageId: image.imageId } });
      location.assign(url);
    } catch (e) {
      say(`We couldn’t start that download. ${messageOf(e)}`);
    }
  };

  // The filters, with their counts.
  const filters = useMemo(() => {
    const options: FilterOption<Filter>[] = [{ value: 'all', label: 'All', count: images.length }];
    const favourites = images.filter((i) => i.favourite).length;
    const selected = images.filter((i) => i.selected).length;
    const commented = images.filter((i) => i.comments > 0).length;
    if (can.favourite || favourites) options.push({ value: 'favourites', label: 'Favourites', count: favourites });
    if (selecting || selected) options.push({ value: 'selected', label: 'Selected', count: selected });
    if (can.comment || commented) options.push({ value: 'commented', label: 'Commented', count: commented });
    for (const tag of gallery.tags) {
      const n = images.filter((i) => tagsOf(i).includes(tag)).length;
      if (n) options.push({ value: `tag:${tag}`, label: tag, count: n });
    }
    return options;
  }, [images, can, selecting, gallery.tags]);

  const shown = useMemo(() => {
    if (filter === 'all') return images;
    if (filter === 'favourites') return images.filter((i) => i.favourite);
    if (filter === 'selected') return images.filter((i) => i.selected);
    if (filter === 'commented') return images.filter((i) => i.comments > 0);
    const tag = filter.slice(4);
    return images.filter((i) => tagsOf(i).includes(tag));
  }, [images, filter]);

  // The viewer walks the list as it was when opened: unselecting in "Selected" does not pull the photo away.
  const byId = useMemo(() => new Map(images.map((i) => [i.imageId, i])), [images]);
  const viewerItems = useMemo(
    () => (viewer ? viewer.ids.map((id) => byId.get(id)).filter((i): i is ClientImage => Boolean(i)) : []),
    [viewer, byId],
  );
  const open = (index: number) => setViewer({ ids: shown.map((i) => i.imageId), index });
  const closeViewer = () => {
    const current = viewerItems[viewer?.index ?? 0];
    setViewer(null);
    setCommentsOpen(false);
    // Back to the photo the viewer ended on (its tile may not have been rendered when it opened).
    if (current) requestAnimationFrame(() => grid.current?.reveal(current.imageId, '.ptile__open'));
  };

  const confirmed = Boolean(gallery.confirmedAt);
  const confirmable = can.select && count > 0 && count >= min && (max === null || count <= max);
  const counterText = max !== null ? `${count} of ${max} selected` : `${count} selected`;

  const tileActions = (image: ClientImage) => (
    <div class="ptile__marks">
      {can.favourite ? (
        <button
          type="button"
          class={`mark-button${image.favourite ? ' is-on' : ''}`}
          aria-pressed={image.favourite}
          aria-label={`Favourite ${image.fileName}`}
          onClick={() => toggleFavourite(image)}
        >
          <HeartIcon filled={image.favourite} />
        </button>
      ) : (
        image.favourite && (
          <span class="mark-badge is-on" title="Favourite">
            <HeartIcon filled />
            <span class="visually-hidden">Favourite</span>
          </span>
        )
      )}
      {can.select ? (
        <button
          type="button"
          class={`mark-button mark-button--select${image.selected ? ' is-on' : ''}`}
          aria-pressed={image.selected}
          aria-label={`Select ${image.fileName}`}
          onClick={() => toggleSelected(image)}
        >
          <CheckCircleIcon filled={image.selected} />
        </button>
      ) : (
        image.selected && (
          <span class="mark-badge mark-badge--select is-on" title="Selected">
            <CheckCircleIcon filled />
            <span class="visually-hidden">Selected</span>
          </span>
        )
      )}
    </div>
  );

  const deadline = gallery.deadline ? deadlineLabel(gallery.deadline) : null;
  const closed = gallery.status !== 'proofing' || deadline?.tone === 'passed';
  const status = STATUS[gallery.status];
  const messages = <Toast message={toast} onDismiss={clearToast} />;

  return (
    <div class="proof">
      <header class="proof-hero">
        <div class="container">
          <a class="back-link" href="/">
            <BackIcon />
            All galleries
          </a>
          <div class="proof-hero__head">
            <h1 class="proof-hero__title">{gallery.title}</h1>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          <dl class="proof-meta">
            <ShootFacts shootDate={gallery.shootDate} photos={images.length} />
            {gallery.deadline && deadline && selecting && (
              <div>
                <dt>
                  <ClockIcon />
                  <span class="visually-hidden">Choose by</span>
                </dt>
                <dd>
                  Choose by <time dateTime={gallery.deadline}>{formatDate(gallery.deadline)}</time>{' '}
                  <span class={`chip chip--${closed ? 'passed' : deadline.tone}`}>
                    {closed || confirmed ? 'Selection closed' : deadline.text}
                  </span>
                </dd>
              </div>
            )}
          </dl>
          {gallery.welcomeNote && <p class="proof-hero__note">{gallery.welcomeNote}</p>}
          <StatusNotice gallery={gallery} count={count} studio={studio} />
          {can.download && images.length > 0 && (
            <div class="proof-hero__downloads">
              <button type="button" class="button button--secondary" onClick={() => setZip('all')}>
                <DownloadIcon />
                Download all
              </button>
              {count > 0 && (
                <button type="button" class="button button--secondary" onClick={() => setZip('selected')}>
                  <DownloadIcon />
                  Download selected
                </button>
              )}
            </div>
          )}
        </div>
      </header>

      {images.length > 0 && (
        <div class="proof-toolbar">
          <div class="container proof-toolbar__inner">
            <FilterBar label="Show" options={filters} value={filter} onChange={setFilter} />
          </div>
        </div>
      )}

      <section class="container proof-photos" aria-label="Photos">
        {images.length === 0 ? (
          <div class="empty empty--card">
            <p class="empty__title">No photos here yet</p>
            <p class="muted">{studio.name} hasn’t added photos to this gallery yet. Check back soon.</p>
          </div>
        ) : shown.length === 0 ? (
          <EmptyFilter filter={filter} />
        ) : (
          <PhotoGrid
            items={shown}
            label={`${filters.find((f) => f.value === filter)?.label ?? 'All'} photos, ${shown.length}`}
            handle={grid}
            tileClass={(i) => `${i.selected ? 'is-selected' : ''}${i.favourite ? ' is-favourite' : ''}`}
            renderTile={(image, index, size) => (
              <>
                <button type="button" class="ptile__open" onClick={() => open(index)} aria-label={`Open ${image.fileName}`}>
                  <TileImage src={image.thumbUrl} width={size.width} height={size.height} onError={onStale} />
                </button>
                {tileActions(image)}
                {image.comments > 0 && (
                  <span class="ptile__comments">
                    <CommentIcon />
                    {image.comments}
                    <span class="visually-hidden"> {image.comments === 1 ? 'comment' : 'comments'}</span>
                  </span>
                )}
              </>
            )}
          />
        )}
      </section>

      {selecting && (
        <div class="proof-bar">
          <div class="container proof-bar__inner">
            <p class="proof-bar__counter" data-testid="selected-counter" aria-live="polite">
              <strong>{counterText}</strong>
              {can.select && min > 0 && count < min && <span class="proof-bar__hint"> · choose at least {min} to confirm</span>}
              {confirmed && <span class="proof-bar__hint"> · confirmed</span>}
            </p>
            {confirmable && (
              <button type="button" class="button button--primary" onClick={() => setConfirming(true)}>
                Confirm final set
              </button>
            )}
          </div>
        </div>
      )}

      {!viewer && messages}

      {viewer && viewerItems.length > 0 && (
        <Lightbox
          items={viewerItems}
          index={Math.min(viewer.index, viewerItems.length - 1)}
          onIndex={(index) => setViewer({ ...viewer, index })}
          onClose={closeViewer}
          messages={messages}
          onEscape={() => {
            if (!commentsOpen) return false;
            setCommentsOpen(false);
            return true;
          }}
          onKey={(key, image) => {
            if (key === 'f' && can.favourite) void toggleFavourite(image);
            else if (key === 's' && can.select) void toggleSelected(image);
            else return false;
            return true;
          }}
          actions={(image) => (
            <>
              {can.favourite && (
                <button
                  type="button"
                  class={`lb-action lb-action--favourite${image.favourite ? ' is-on' : ''}`}
                  aria-pressed={image.favourite}
                  onClick={() => toggleFavourite(image)}
                  title="Favourite (F)"
                >
                  <HeartIcon filled={image.favourite} />
                  <span class="lb-action__label">Favourite</span>
                </button>
              )}
              {can.select && (
                <button
                  type="button"
                  class={`lb-action lb-action--select${image.selected ? ' is-on' : ''}`}
                  aria-pressed={image.selected}
                  onClick={() => toggleSelected(image)}
                  title="Select (S)"
                >
                  <CheckCircleIcon filled={image.selected} />
                  <span class="lb-action__label">Select</span>
                </button>
              )}
              {(can.comment || image.comments > 0) && (
                <button
                  type="button"
                  class={`lb-action${commentsOpen ? ' is-on' : ''}`}
                  aria-expanded={commentsOpen}
                  aria-controls="comments-panel"
                  onClick={() => setCommentsOpen((o) => !o)}
                >
                  <CommentIcon />
                  <span class="lb-action__label">Comments</span>
                  {image.comments > 0 && <span class="lb-action__count">{image.comments}</span>}
                </button>
              )}
              {can.download && (
                <button type="button" class="lb-action" onClick={() => download(image)}>
                  <DownloadIcon />
                  <span class="lb-action__label">Download</span>
                </button>
              )}
            </>
          )}
          panel={
            commentsOpen && viewerItems[viewer.index] ? (
              <CommentsPanel
                galleryId={galleryId}
                image={viewerItems[viewer.index] as ClientImage}
                canComment={can.comment}
                onClose={() => setCommentsOpen(false)}
                onAdded={(imageId) =>
                  setImages((list) => list.map((i) => (i.imageId === imageId ? { ...i, comments: i.comments + 1 } : i)))
                }
              />
            ) : undefined
          }
        />
      )}

      {confirming && (
        <ConfirmDialog
          galleryId={galleryId}
          count={count}
          studio={studio}
          onClose={() => setConfirming(false)}
          onConfirmed={(at) => {
            setConfirming(false);
            setGallery((g) => ({ ...g, confirmedAt: at, status: 'locked', can: { ...g.can, select: false, confirm: false } }));
            say(`Thank you! Your final set of ${plural(count, 'photo')} is with ${studio.name}.`, 'success');
            void refresh();
            // The button that opened the dialog is gone: the focus goes to what replaced it.
            requestAnimationFrame(() => {
              const note = document.getElementById('gallery-status');
              note?.focus({ preventScroll: true });
              note?.scrollIntoView({ block: 'center', behavior: 'smooth' });
            });
          }}
          onStale={refresh}
        />
      )}

      {zip && <ZipDownload galleryId={galleryId} scope={zip} onClose={() => setZip(null)} />}
    </div>
  );
}

function StatusNotice({ gallery, count, studio }: { gallery: ClientGalleryDetail; count: number; studio: Branding }) {
  if (gallery.confirmedAt) {
    return (
      <div class="notice notice--success proof-status" role="note" id="gallery-status" tabIndex={-1}>
        <CheckCircleIcon filled />
        <div class="notice__body">
          <strong>
            Selection confirmed on <time dateTime={gallery.confirmedAt}>{formatDate(gallery.confirmedAt)}</time>.
          </strong>{' '}
          {studio.name} has your final set of {plural(count, 'photo')}; it can no longer change.
        </div>
      </div>
    );
  }
  const text: Partial<Record<ClientGalleryDetail['status'], string>> = {
    locked: 'Selection closed. This gallery is locked, so photos can’t be chosen any more; you can still look through them.',
    ready: 'Your photos are ready.',
    archived: 'This gallery is archived. You can still look through it.',
    unavailable: `This gallery isn’t available right now. Please ask ${studio.name} about it.`,
  };
  const message = text[gallery.status];
  if (!message) return null;
  return (
    <div class={`notice notice--${gallery.status === 'unavailable' ? 'error' : 'info'} proof-status`} role="note">
      <div class="notice__body">{message}</div>
    </div>
  );
}

function EmptyFilter({ filter }: { filter: Filter }) {
  const text =
    filter === 'favourites'
      ? ['No favourites yet', 'Tap the heart on a photo to keep it here.']
      : filter === 'selected'
        ? ['Nothing selected yet', 'Tap the check mark on a photo to add it to your selection.']
        : filter === 'commented'
          ? ['No comments yet', 'Open a photo and choose Comments to leave a note for the studio.']
          : ['No photos with this tag', 'Choose another filter to see more photos.'];
  return (
    <div class="empty empty--card">
      <p class="empty__title">{text[0]}</p>
      <p class="muted">{text[1]}</p>
    </div>
  );
}

function ConfirmDialog({
  galleryId,
  count,
  studio,
  onClose,
  onConfirmed,
  onStale,
}: {
  galleryId: string;
  count: number;
  studio: Branding;
  onClose: () => void;
  onConfirmed: (confirmedAt: string) => void;
  onStale: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const { submission } = await call('confirmSelection', { params: { galleryId } });
      onConfirmed(submission.confirmedAt);
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
      if (e instanceof ApiError && e.status === 409) onStale();
    }
  };
  return (
    <Dialog
      title="Confirm your final set?"
      onClose={onClose}
      alert
      describedBy="confirm-text"
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={onClose} data-autofocus>
            Keep choosing
          </button>
          <button type="button" class="button button--primary" onClick={submit} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Confirming…' : `Confirm ${plural(count, 'photo')}`}
          </button>
        </>
      }
    >
      <p id="confirm-text">
        You’re sending <strong>{plural(count, 'photo')}</strong> to {studio.name} as your final set. Once confirmed, your selection is{' '}
        <strong>locked</strong>: you won’t be able to add or remove photos.
      </p>
      <Notice role="alert">{error}</Notice>
    </Dialog>
  );
}
