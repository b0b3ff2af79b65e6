import { useEffect, useState } from 'preact/hooks';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { ImageIcon } from '../../components/ui/Icons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate, today } from '../../lib/dates.ts';
import type { StudioGallery } from '../../lib/gallery-types.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { allClients, callAll } from '../../lib/paging.ts';
import type { ClientSummary } from '../../lib/types.ts';
import { firstProblem, type Problems, requiredProblem } from '../../lib/validation.ts';
import { STUDIO_STATUS } from './studio-status.ts';

export default function GalleriesPage() {
  // Clients are an admin's to list (and galleries to create): a member gets its assigned galleries only.
  const load = useLoad(async () => {
    const me = await call('getStudioMe');
    const admin = roleAtLeast(me.user.role, 'admin');
    return Promise.all([
      me,
      callAll('listStudioGalleries', 'galleries').then((galleries) => ({
        galleries: galleries.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      })),
      admin ? allClients() : Promise.resolve({ clients: [] }),
    ] as const);
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  const admin = me ? roleAtLeast(me.user.role, 'admin') : false;
  useTitle(me && `Galleries · ${me.studio.name} · Portico`);
  const galleries = load.state === 'ready' ? load.data[1].galleries : [];
  const clients = load.state === 'ready' ? load.data[2].clients : [];

  return (
    <AppShell current="galleries" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>Galleries</h1>
        <p class="page-head__lead">Upload a shoot, share it with your client, and get their final selection back.</p>
      </div>
      {load.state === 'ready' && admin && <NewGalleryForm clients={clients} />}
      <section class="card card--flush" aria-labelledby="gallery-list-heading">
        <div class="card__head">
          <h2 id="gallery-list-heading">
            {me && !admin ? 'Your galleries' : 'All galleries'}
            {load.state === 'ready' && <span class="count"> ({galleries.length})</span>}
          </h2>
        </div>
        {load.state === 'loading' && (
          <div class="card__body">
            <Loading label="Loading galleries…" />
          </div>
        )}
        {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
        {load.state === 'ready' &&
          (galleries.length ? (
            <GalleryTable galleries={galleries} />
          ) : (
            <div class="empty">
              <p class="empty__title">No galleries yet</p>
              <p class="muted">
                {admin
                  ? 'Create your first gallery with the form above, then upload the photos from the shoot.'
                  : 'No gallery is assigned to you yet. An owner or admin of your studio assigns galleries in their Details.'}
              </p>
            </div>
          ))}
      </section>
    </AppShell>
  );
}

function GalleryTable({ galleries }: { galleries: StudioGallery[] }) {
  return (
    <div class="table-wrap">
      <table class="clients gtable">
        <thead>
          <tr>
            <th scope="col">Gallery</th>
            <th scope="col">Status</th>
            <th scope="col">Photos</th>
            <th scope="col">Selected</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Shoot date</th>
          </tr>
        </thead>
        <tbody>
          {galleries.map((g) => {
            const status = STUDIO_STATUS[g.status];
            const href = `/galleries/${encodeURIComponent(g.galleryId)}`;
            return (
              <tr key={g.galleryId} data-testid="gallery-row">
                <th scope="row" class="clients__who">
                  <div class="gtable__who">
                    <span class="gtable__cover" aria-hidden="true">
                      {g.coverUrl ? <img src={g.coverUrl} alt="" loading="lazy" decoding="async" width={64} height={48} /> : <ImageIcon />}
                    </span>
                    <span class="gtable__text">
                      <a class="gtable__title" href={href}>
                        {g.title}
                      </a>
                      <span class="clients__email">{g.clientName}</span>
                    </span>
                  </div>
                </th>
                <td data-label="Status">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td data-label="Photos">{g.imageCount.toLocaleString()}</td>
                <td data-label="Selected">
                  {g.rules.selection.enabled ? (
                    `${g.selectedCount}${g.rules.selection.max !== null ? ` of ${g.rules.selection.max}` : ''}`
                  ) : (
                    <span class="muted">Off</span>
                  )}
                </td>
                <td data-label="Confirmed">
                  {g.confirmedAt ? <time dateTime={g.confirmedAt}>{formatDate(g.confirmedAt)}</time> : <span class="muted">Not yet</span>}
                </td>
                <td data-label="Shoot date">
                  {g.shootDate ? <time dateTime={g.shootDate}>{formatDate(g.shootDate)}</time> : <span class="muted">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type NewField = 'clientId' | 'title' | 'shootDate' | 'deadline';
const ORDER: NewField[] = ['clientId', 'title', 'shootDate', 'deadline'];
const ID: Record<NewField, string> = { clientId: 'new-client', title: 'new-title', shootDate: 'new-shoot', deadline: 'new-deadline' };

function NewGalleryForm({ clients }: { clients: ClientSummary[] }) {
  const [clientId, setClientId] = useState('');
  const [title, setTitle] = useState('');
  const [shootDate, setShootDate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [minDate, setMinDate] = useState<string | undefined>();
  const [problems, setProblems] = useState<Problems<NewField>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setMinDate(today()), []);

  if (!clients.length) {
    return (
      <section class="card invite" aria-labelledby="new-gallery-heading">
        <h2 id="new-gallery-heading">New gallery</h2>
        <p class="muted">
          Galleries belong to a client. <a href="/clients">Invite your first client</a>, then come back to create their gallery.
        </p>
      </section>
    );
  }

  const show = (found: Problems<NewField>) => {
    setProblems(found);
    const first = firstProblem(found, ORDER);
    if (first) document.getElementById(ID[first])?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    const found: Problems<NewField> = {
      clientId: clientId ? undefined : 'Choose the client this gallery is for.',
      title: requiredProblem(title, 'a title', 120),
      deadline: deadline && minDate && deadline < minDate ? 'Choose today or a later date.' : undefined,
    };
    if (firstProblem(found, ORDER)) return show(found);
    setProblems({});
    setBusy(true);
    try {
      const { gallery } = await call('createGallery', {
        body: { clientId, title: title.trim(), shootDate: shootDate || null, deadline: deadline || null },
      });
      location.assign(`/galleries/${encodeURIComponent(gallery.galleryId)}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        show({
          clientId: err.field('clientId'),
          title: err.field('title'),
          shootDate: err.field('shootDate'),
          deadline: err.field('deadline'),
        });
        setError('Please check the highlighted fields.');
      } else setError(messageOf(err));
    }
  };

  return (
    <section class="card invite" aria-labelledby="new-gallery-heading">
      <h2 id="new-gallery-heading">New gallery</h2>
      <form class="new-gallery" noValidate onSubmit={submit}>
        <div class={`field${problems.clientId ? ' field--invalid' : ''}`}>
          <label class="field__label" for={ID.clientId}>
            Client
          </label>
          <select
            id={ID.clientId}
            class="select"
            value={clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
            aria-invalid={problems.clientId ? 'true' : undefined}
            aria-describedby={problems.clientId ? `${ID.clientId}-error` : undefined}
            required
          >
            <option value="">Choose a client…</option>
            {clients.map((c) => (
              <option key={c.clientId} value={c.clientId}>
                {c.name} ({c.email})
              </option>
            ))}
          </select>
          {problems.clientId && (
            <p class="field__error" id={`${ID.clientId}-error`}>
              {problems.clientId}
            </p>
          )}
        </div>
        <Field id={ID.title} label="Title" autoComplete="off" maxLength={120} value={title} onValue={setTitle} error={problems.title} />
        <Field
          id={ID.shootDate}
          label="Shoot date"
          type="date"
          optional
          value={shootDate}
          onValue={setShootDate}
          error={problems.shootDate}
        />
        <Field
          id={ID.deadline}
          label="Selection deadline"
          type="date"
          optional
          min={minDate}
          value={deadline}
          onValue={setDeadline}
          error={problems.deadline}
        />
        <div class="new-gallery__submit">
          <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Creating…' : 'Create gallery'}
          </button>
          <p class="muted small">It starts as a draft: only you see it until you publish it.</p>
        </div>
      </form>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}
