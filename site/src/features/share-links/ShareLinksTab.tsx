import { useEffect, useRef, useState } from 'preact/hooks';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { CopyIcon, LinkIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate, today } from '../../lib/dates.ts';
import { copyText, formatDateTime } from '../../lib/format.ts';
import type { ShareLink, StudioGallery } from '../../lib/gallery-types.ts';
import { useLoad } from '../../lib/hooks.ts';
import { callAll } from '../../lib/paging.ts';

function linkState(l: ShareLink, now: string): { label: string; tone: BadgeTone } {
  if (l.revokedAt) return { label: 'Revoked', tone: 'neutral' };
  if (l.expiresAt && l.expiresAt < now) return { label: 'Expired', tone: 'neutral' };
  return { label: 'Active', tone: 'success' };
}

export function ShareLinksTab({ gallery }: { gallery: StudioGallery }) {
  const load = useLoad(() => callAll('listShareLinks', 'links', { params: { galleryId: gallery.galleryId } }).then((links) => ({ links })));
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [created, setCreated] = useState<ShareLink | null>(null);
  useEffect(() => {
    if (load.state === 'ready') setLinks(load.data.links);
  }, [load.state]);

  return (
    <div class="share-tab">
      <CreateLink
        gallery={gallery}
        onCreated={(link) => {
          setCreated(link);
          setLinks((list) => [{ ...link, url: undefined }, ...(list ?? [])]);
        }}
      />
      {created?.url && <NewLink link={created} onDone={() => setCreated(null)} />}
      <section class="card card--flush" aria-labelledby="links-heading">
        <div class="card__head">
          <h2 id="links-heading">Share links</h2>
        </div>
        {load.state === 'loading' && (
          <div class="card__body">
            <Loading label="Loading share links…" />
          </div>
        )}
        {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
        {links &&
          (links.length === 0 ? (
            <p class="card__body muted">No share links yet.</p>
          ) : (
            <LinkTable
              gallery={gallery}
              links={links}
              onRevoked={(id, at) => setLinks((list) => (list ?? []).map((l) => (l.linkId === id ? { ...l, revokedAt: at } : l)))}
            />
          ))}
      </section>
    </div>
  );
}

function CreateLink({ gallery, onCreated }: { gallery: StudioGallery; onCreated: (link: ShareLink) => void }) {
  const [access, setAccess] = useState<'view' | 'download'>('view');
  const [password, setPassword] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [minDate, setMinDate] = useState<string | undefined>();
  const [problems, setProblems] = useState<{ password?: string | undefined; expiresAt?: string | undefined }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setMinDate(today()), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    const found = {
      password: password && password.length < 6 ? 'Use at least 6 characters, or leave it empty.' : undefined,
      expiresAt: expiresAt && minDate && expiresAt < minDate ? 'Choose today or a later date.' : undefined,
    };
    setProblems(found);
    if (found.password) return document.getElementById('link-password')?.focus();
    if (found.expiresAt) return document.getElementById('link-expiry')?.focus();
    setBusy(true);
    try {
      const { link } = await call('createShareLink', {
        params: { galleryId: gallery.galleryId },
        body: { access, ...(password ? { password } : {}), ...(expiresAt ? { expiresAt } : {}) },
      });
      setPassword('');
      setExpiresAt('');
      onCreated(link);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setProblems({ password: err.field('password'), expiresAt: err.field('expiresAt') });
        setError('Please check the highlighted fields.');
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="new-link-heading">
      <h2 id="new-link-heading" class="card-title">
        New share link
      </h2>
      <p class="muted small">
        Anyone with the link can open this gallery on your portal without an account (family, a venue, a second shooter). Share links don’t
        work while the gallery is a draft or archived.
      </p>
      <form class="new-link" noValidate onSubmit={submit}>
        <fieldset class="radio-group">
          <legend class="field__label">Access</legend>
          <label class="radio">
            <input type="radio" name="access" value="view" checked={access === 'view'} onChange={() => setAccess('view')} />
            <span>
              <span class="radio__label">View only</span>
            </span>
          </label>
          <label class="radio">
            <input type="radio" name="access" value="download" checked={access === 'download'} onChange={() => setAccess('download')} />
            <span>
              <span class="radio__label">View and download</span>
            </span>
          </label>
        </fieldset>
        <Field
          id="link-password"
          label="Password"
          type="text"
          optional
          autoComplete="off"
          spellcheck={false}
          maxLength={100}
          value={password}
          onValue={setPassword}
          error={problems.password}
          hintBelow
          hint="At least 6 characters. Send it separately from the link."
        />
        <Field
          id="link-expiry"
          label="Works until"
          type="date"
          optional
          min={minDate}
          value={expiresAt}
          onValue={setExpiresAt}
          error={problems.expiresAt}
          hintBelow
          hint="Empty: until you revoke it."
        />
        <div class="new-link__submit">
          <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Creating…' : 'Create link'}
          </button>
        </div>
      </form>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}

/** The one time the link can be shown: the server keeps only a hash of its token. */
function NewLink({ link, onDone }: { link: ShareLink; onDone: () => void }) {
  const box = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [link.linkId]);
  const url = link.url as string;
  return (
    <section class="card new-link-ready" aria-labelledby="link-ready-heading">
      <h2 id="link-ready-heading" class="card-title" tabIndex={-1} ref={heading}>
        <LinkIcon /> Your link is ready
      </h2>
      <p>
        <strong>Copy it now: this is the only time it’s shown.</strong> For your clients’ safety Portico keeps only a fingerprint of it. If
        you lose it, create a new link.
      </p>
      <label class="field__label" for="new-link-url">
        Share link ({link.access === 'download' ? 'view and download' : 'view only'}
        {link.hasPassword ? ', password protected' : ''}
        {link.expiresAt ? `, until ${formatDate(link.expiresAt)}` : ''})
      </label>
      <div class="copy-row">
        <input id="new-link-url" ref={box} class="copy-row__input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          class="button button--primary"
          onClick={async () =>
            setCopied((await copyText(url, box.current)) ? 'Link copied.' : 'Select the link and copy it with your keyboard.')
          }
        >
          <CopyIcon />
          Copy link
        </button>
      </div>
      <Notice role="status">{copied}</Notice>
      <button type="button" class="button button--ghost" onClick={onDone}>
        I’ve saved it, hide the link
      </button>
    </section>
  );
}

function LinkTable({
  gallery,
  links,
  onRevoked,
}: {
  gallery: StudioGallery;
  links: ShareLink[];
  onRevoked: (linkId: string, at: string) => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const now = today();
  const revoke = async (linkId: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await call('revokeShareLink', { params: { galleryId: gallery.galleryId, linkId } });
      onRevoked(linkId, new Date().toISOString());
      setConfirming(null);
      setStatus('Link revoked. It stopped working at once.');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Notice role="status" class="card__body">
        {status}
      </Notice>
      <Notice role="alert" class="card__body">
        {error}
      </Notice>
      <div class="table-wrap">
        <table class="clients">
          <thead>
            <tr>
              <th scope="col">Link</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col">Uses</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => {
              const state = linkState(l, now);
              return (
                <tr key={l.linkId} data-testid="share-link-row">
                  <th scope="row" class="clients__who">
                    <span class="clients__name">{l.access === 'download' ? 'View and download' : 'View only'}</span>
                    <span class="clients__email">
                      Created {formatDate(l.createdAt)}
                      {l.hasPassword ? ' · password' : ''}
                    </span>
                  </th>
                  <td data-label="Status">
                    <Badge tone={state.tone}>{state.label}</Badge>
                  </td>
                  <td data-label="Expires">{l.expiresAt ? formatDate(l.expiresAt) : <span class="muted">Never</span>}</td>
                  <td data-label="Uses">{l.uses.toLocaleString()}</td>
                  <td data-label="Last used">{l.lastUsedAt ? formatDateTime(l.lastUsedAt) : <span class="muted">Never</span>}</td>
                  <td class="link-actions">
                    {!l.revokedAt &&
                      (confirming === l.linkId ? (
                        <span class="confirm-inline">
                          <span>Revoke?</span>
                          <button
                            type="button"
                            class="button button--danger button--small"
                            onClick={() => revoke(l.linkId)}
                            aria-disabled={busy || undefined}
                          >
                            Yes, revoke
                          </button>
                          <button type="button" class="button button--ghost button--small" onClick={() => setConfirming(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button type="button" class="button button--secondary button--small" onClick={() => setConfirming(l.linkId)}>
                          Revoke<span class="visually-hidden"> link created {formatDate(l.createdAt)}</span>
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
