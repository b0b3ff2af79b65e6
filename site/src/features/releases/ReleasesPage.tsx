// The Portal Manager's Releases: every release, newest first, a page at a time, with its state and
// each signer's.
import { useEffect, useState } from 'preact/hooks';
import { RELEASE_KIND_NAMES } from '../../../../shared/features/releases/constants.ts';
import type { ReleaseSummary } from '../../../../shared/features/releases/schemas.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { releaseState, SIGNER_STATE, studioReleaseHref } from './labels.ts';
import { ReleasesShell } from './ReleasesShell.tsx';

const PAGE = '25';

/** The list, and "Show more" following the cursor. */
function useReleasePages() {
  const first = useLoad(() => Promise.all([call('getStudioMe'), call('listReleases', { query: { limit: PAGE } })]));
  const [more, setMore] = useState<ReleaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (first.state === 'ready') setCursor(first.data[1].nextCursor);
  }, [first.state]);
  const showMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    setError('');
    try {
      const page = await call('listReleases', { query: { limit: PAGE, cursor } });
      setMore((m) => [...m, ...page.releases]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const releases = first.state === 'ready' ? [...first.data[1].releases, ...more] : [];
  return { first, me: first.state === 'ready' ? first.data[0] : undefined, releases, cursor, busy, error, showMore };
}

export default function ReleasesPage() {
  const list = useReleasePages();
  useTitle(list.me && `Releases · ${list.me.studio.name} · Portico`);
  return (
    <ReleasesShell me={list.me} title="Releases" lead="Model releases and contracts, signed in the portal." section="releases">
      <p class="release-toolbar">
        <a class="button button--primary" href="/portal-manager/releases/new">
          New release
        </a>
      </p>
      {list.first.state === 'loading' && <Loading label="Loading releases…" />}
      {list.first.state === 'failed' && <LoadFailed error={list.first.error} retry={list.first.reload} />}
      {list.first.state === 'ready' && (
        <section class="card card--flush" aria-labelledby="release-list-heading">
          <div class="card__head">
            <h2 id="release-list-heading">All releases</h2>
          </div>
          {list.releases.length ? (
            <div class="table-wrap">
              <table class="release-table">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">State</th>
                    <th scope="col">Signers</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Deadline</th>
                  </tr>
                </thead>
                <tbody>
                  {list.releases.map((r) => (
                    <ReleaseRow key={r.releaseId} release={r} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <div class="empty">
              <p class="empty__title">No releases yet</p>
              <p class="muted">Make one from a template and send it to your clients to sign.</p>
            </div>
          )}
          {list.cursor && (
            <div class="card__body">
              <button
                type="button"
                class="button button--secondary"
                aria-disabled={list.busy || undefined}
                onClick={() => void list.showMore()}
              >
                Show more
              </button>
            </div>
          )}
          <Notice role="alert">{list.error}</Notice>
        </section>
      )}
    </ReleasesShell>
  );
}

function ReleaseRow({ release: r }: { release: ReleaseSummary }) {
  const state = releaseState(r.state);
  return (
    <tr data-testid="release-row">
      <th scope="row">
        <a href={studioReleaseHref(r.releaseId)}>{r.title}</a>
        <span class="muted small release-table__kind"> {RELEASE_KIND_NAMES[r.kind]}</span>
      </th>
      <td data-label="State">
        <Badge tone={state.tone}>{state.label}</Badge>
      </td>
      <td data-label="Signers">
        <ul class="release-signers">
          {r.signers.map((s) => (
            <li key={s.signerId}>
              {s.name} <Badge tone={SIGNER_STATE[s.state].tone}>{SIGNER_STATE[s.state].label}</Badge>
            </li>
          ))}
        </ul>
      </td>
      <td data-label="Sent">{r.sentAt ? <time dateTime={r.sentAt}>{formatDate(r.sentAt)}</time> : <span class="muted">Not sent</span>}</td>
      <td data-label="Deadline">
        {r.deadline ? <time dateTime={r.deadline}>{formatDate(r.deadline)}</time> : <span class="muted">None</span>}
      </td>
    </tr>
  );
}
