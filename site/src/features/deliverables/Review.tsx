// The review of one deliverable, on both hosts: its header, the version picker and compare, the
// preview (click to pin), the client's decision, each reviewer's decision and the threads.
// User text is only ever rendered as text.
import { useRef, useState } from 'preact/hooks';
import { DECISION_LABELS, type Decision } from '../../../../shared/features/deliverables/constants.ts';
import { topics } from '../../../../shared/features/live/constants.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLive } from '../../lib/live.ts';
import { lockSentence, PaymentLockNotice } from '../invoices/index.ts';
import { addComment, type Detail, downloadVersion, getReview, type Host, type Ids, type Person, type Pin, resolveComment } from './api.ts';
import { Compare, threadsOf } from './Compare.tsx';
import { DecisionPanel, MyDecision } from './DecisionPanel.tsx';
import { LockedNote } from './LockedNote.tsx';
import { STATE_TONE, stateLabel, versionLabel } from './labels.ts';
import { VersionPreview } from './Preview.tsx';
import { Threads } from './Threads.tsx';

interface ReviewProps {
  host: Host;
  ids: Ids;
  initial: Detail;
  /** Who the threads may mention. */
  people: Person[];
  /** The signed-in client's name (portal), to find their own decision among the reviewers'. */
  reviewerName?: string | undefined;
}

/** What of a version changes its preview: while none of it does, the shown preview (and its links) stays. */
const versionsKey = (d: Detail) => JSON.stringify(d.versions.map((v) => [v.version, v.status, v.preview?.state, v.preview?.pages.length]));

export function Review({ host, ids, initial, people: initialPeople, reviewerName }: ReviewProps) {
  const [d, setD] = useState(initial);
  const [people, setPeople] = useState(initialPeople);
  const [shown, setShown] = useState(initial.versions.at(-1)?.version ?? 0);
  const [compare, setCompare] = useState<number | null>(null);
  const [pin, setPin] = useState<Pin | null>(null);
  const [error, setError] = useState('');
  const [decided, setDecided] = useState<Decision | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const v = d.versions.find((x) => x.version === shown);
  const other = compare === null ? undefined : d.versions.find((x) => x.version === compare);
  const params = { ...ids, version: String(shown) };
  const threads = threadsOf(d.comments, shown);
  const refresh = async () => {
    const next = await getReview(host, ids);
    // Fresh links for an unchanged preview would reload it: keep the shown ones.
    setD((prev) =>
      versionsKey(prev) === versionsKey(next.deliverable) ? { ...next.deliverable, versions: prev.versions } : next.deliverable,
    );
    setPeople(next.people);
  };
  // A comment, reply, resolve or decision by anyone else shows without a reload.
  useLive(
    (event) => {
      if (event.type === 'changed' && event.topic === topics.deliverable(ids.deliverableId)) void refresh().catch(() => {});
    },
    () => void refresh().catch(() => {}),
  );
  const act = async (f: () => Promise<unknown>): Promise<boolean> => {
    setError('');
    try {
      await f();
      await refresh();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  const download = async () => {
    setError('');
    try {
      location.assign((await downloadVersion(host, params)).url);
      await refresh().catch(() => {});
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'payment_required')) return setError(messageOf(e));
      // Refused for an unpaid invoice: the fresh deliverable carries the lock, and its notice offers to pay.
      const fresh = await getReview(host, ids).catch(() => null);
      if (fresh) setD(fresh.deliverable);
      setError(fresh?.deliverable.paymentLock ? lockSentence(fresh.deliverable.paymentLock, 'final files') : e.message);
    }
  };
  // The client's final files wait for an unpaid invoice: no download is offered until it is paid.
  const lock = host === 'portal' ? d.paymentLock : null;
  const canWrite = d.interactive && !!v && !v.lockedAt;
  const mine = v?.reviewers.find((r) => r.name === reviewerName && r.decision);
  const open = !!v && d.state === 'in_review' && v.version === d.latestVersion && v.result === null && !mine && !decided;
  const choose = (version: number) => {
    setShown(version);
    setPin(null);
    if (compare === version) setCompare(null);
  };
  return (
    <article class="deliverable-review">
      <header class="deliverable-review__head">
        <div class="deliverable-review__title">
          <h1>{d.title}</h1>
          <Badge tone={STATE_TONE[d.state]}>{stateLabel(d.state)}</Badge>
        </div>
        <p class="muted">
          {v && `Version ${v.version} · ${v.fileName}`}
          {d.dueDate && (
            <>
              {' '}
              · due <time dateTime={d.dueDate}>{formatDate(d.dueDate)}</time>
            </>
          )}
        </p>
        {d.locked && <LockedNote />}
        {lock && <PaymentLockNotice lock={lock} what="final files" />}
        {d.description && <p class="deliverable-review__description">{d.description}</p>}
        {v?.message && <p class="deliverable-review__message">{v.message}</p>}
      </header>
      {d.versions.length === 0 ? (
        <p class="muted">No version has been {host === 'studio' ? 'uploaded' : 'sent to you'} yet.</p>
      ) : (
        <div class="deliverable-review__toolbar">
          <Select id="shown-version" label="Version" value={String(shown)} onValue={(x) => choose(Number(x))}>
            {d.versions.map((x) => (
              <option key={x.version} value={x.version}>
                {versionLabel(x)}
              </option>
            ))}
          </Select>
          {d.versions.length > 1 && (
            <Select
              id="compare-version"
              label="Compare with"
              value={compare === null ? '' : String(compare)}
              onValue={(x) => setCompare(x ? Number(x) : null)}
            >
              <option value="">No comparison</option>
              {d.versions
                .filter((x) => x.version !== shown)
                .map((x) => (
                  <option key={x.version} value={x.version}>
                    {versionLabel(x)}
                  </option>
                ))}
            </Select>
          )}
          {v?.downloadable && !lock && (
            <button type="button" class="button button--secondary" onClick={() => void download()}>
              Download v{v.version}
            </button>
          )}
        </div>
      )}
      <Notice role="alert">{error}</Notice>
      {v && other && (
        <Compare left={other.version < v.version ? other : v} right={other.version < v.version ? v : other} comments={d.comments} />
      )}
      {v && !other && (
        <VersionPreview
          version={v}
          threads={threads}
          onPin={canWrite ? setPin : undefined}
          pending={pin}
          onDownload={lock ? undefined : () => void download()}
          video={video}
        />
      )}
      {host === 'portal' && v && <MyDecision decidedNow={decided} mine={mine ?? null} />}
      {host === 'portal' && open && d.interactive && (
        <DecisionPanel
          version={v}
          onDecide={async (decision, note) => {
            const ok = await act(() => call('decideDeliverable', { params, body: { decision, ...(note && { note }) } }));
            if (ok) setDecided(decision);
            return ok;
          }}
        />
      )}
      {host === 'portal' && !d.interactive && (
        <p class="upgrade-hint">
          <span class="upgrade-hint__text">
            Reviews here are read-only on this studio’s plan: write to the team to share your feedback.
          </span>
        </p>
      )}
      {host === 'studio' && v && v.reviewers.length > 0 && (
        <section class="card" aria-labelledby="decisions-heading">
          <h2 id="decisions-heading" class="deliverable-section__title">
            Reviewers of version {v.version}
          </h2>
          <ul class="deliverable-decisions">
            {v.reviewers.map((r) => (
              <li key={r.clientId}>
                <strong>{r.name}</strong>:{' '}
                {r.decision ? (
                  <>
                    {DECISION_LABELS[r.decision]} <span class="muted small">{formatDateTime(r.decidedAt)}</span>
                  </>
                ) : (
                  <span class="muted">not decided yet</span>
                )}
                {r.note && <p class="deliverable-thread__text">{r.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {v && (
        <Threads
          host={host}
          threads={threads}
          replies={d.comments.filter((c) => c.version === shown && c.parentId !== null)}
          people={people}
          canWrite={canWrite}
          canResolve={!v.lockedAt}
          pending={pin}
          onClearPin={() => setPin(null)}
          onComment={(text, mentions, parentId) =>
            act(async () => {
              await addComment(host, params, {
                text,
                ...(mentions.length > 0 && { mentions }),
                ...(pin && !parentId && { pin }),
                ...(parentId && { parentId }),
              });
              if (!parentId) setPin(null);
            })
          }
          onResolve={(commentId, resolved) => act(() => resolveComment(host, { ...params, deliverableCommentId: commentId }, resolved))}
          onSeek={(seconds) => {
            if (!video.current) return;
            video.current.currentTime = seconds;
            video.current.focus();
            void video.current.play().catch(() => {});
          }}
        />
      )}
    </article>
  );
}
