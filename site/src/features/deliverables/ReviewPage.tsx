// The review page of a deliverable, on both hosts: the version picker and a side-by-side compare,
// the preview (click to pin a comment), threads with replies (the studio resolves them), and for a
// client the decision buttons. User text is only ever rendered as text.
import { useState } from 'preact/hooks';
import { DECISION_LABELS, DELIVERABLE_STATE_LABELS, type Decision } from '../../../../shared/features/deliverables/constants.ts';
import { call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import {
  addComment,
  type Comment,
  type Detail,
  deliverableIdsFromPath,
  downloadVersion,
  getDeliverable,
  type Host,
  type Pin,
} from './api.ts';
import { VersionPreview } from './Preview.tsx';

const pinLabel = (pin: Pin | null) =>
  !pin
    ? ''
    : pin.kind === 'time'
      ? `at ${pin.start}s${pin.end !== undefined ? `–${pin.end}s` : ''}`
      : pin.page
        ? `page ${pin.page}`
        : 'on the image';

export function ReviewPage({ host }: { host: Host }) {
  // Built ahead of time without an address: the ids are read in the browser.
  const ids = typeof location === 'undefined' ? null : deliverableIdsFromPath(location.pathname);
  const load = useLoad(() => (ids ? getDeliverable(host, ids) : Promise.reject(new Error('No such deliverable.'))));
  if (load.state === 'loading') return <p class="muted">Loading…</p>;
  if (load.state === 'failed') return <p class="notice notice--error">{messageOf(load.error)}</p>;
  return <Review host={host} ids={ids as NonNullable<typeof ids>} initial={load.data} />;
}

function Review({ host, ids, initial }: { host: Host; ids: { projectId: string; deliverableId: string }; initial: Detail }) {
  const [d, setD] = useState(initial);
  const [shown, setShown] = useState(initial.versions.at(-1)?.version ?? 0);
  const [compare, setCompare] = useState<number | null>(null);
  const [pin, setPin] = useState<Pin | null>(null);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const v = d.versions.find((x) => x.version === shown);
  const other = compare === null ? undefined : d.versions.find((x) => x.version === compare);
  const params = { ...ids, version: String(shown) };
  const threads = d.comments.filter((c) => c.version === shown && c.parentId === null);
  const reload = async () => setD(await getDeliverable(host, ids));
  const act = async (f: () => Promise<unknown>) => {
    setError('');
    try {
      await f();
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const download = () => act(async () => location.assign((await downloadVersion(host, params)).url));
  const comment = (parentId?: string, replyText?: string) =>
    act(async () => {
      await addComment(host, params, { text: replyText ?? text, ...(pin && !parentId && { pin }), ...(parentId && { parentId }) });
      if (!parentId) {
        setText('');
        setPin(null);
      }
    });
  const decide = (decision: Decision) =>
    act(() => call('decideDeliverable', { params, body: { decision, ...(note.trim() && { note: note.trim() }) } }));
  const open = v && d.state === 'in_review' && v.version === d.latestVersion && v.result === null;
  const canWrite = d.interactive && v && !v.lockedAt;
  return (
    <article class="container deliverable-review">
      <header>
        <h1>{d.title}</h1>
        <p class="muted">
          {DELIVERABLE_STATE_LABELS[d.state]}
          {d.dueDate ? ` · due ${d.dueDate}` : ''}
          {d.locked ? ' · locked' : ''}
        </p>
        {d.description && <p class="deliverable-review__description">{d.description}</p>}
      </header>
      <div class="deliverable-review__versions">
        <label>
          Version{' '}
          <select value={shown} onChange={(e) => setShown(Number((e.currentTarget as HTMLSelectElement).value))}>
            {d.versions.map((x) => (
              <option key={x.version} value={x.version}>
                v{x.version} {x.result ? `(${x.result.replaceAll('_', ' ')})` : x.sentAt ? '(in review)' : '(draft)'}
              </option>
            ))}
          </select>
        </label>{' '}
        {d.versions.length > 1 && (
          <label>
            Compare with{' '}
            <select
              value={compare ?? ''}
              onChange={(e) => {
                const value = (e.currentTarget as HTMLSelectElement).value;
                setCompare(value ? Number(value) : null);
              }}
            >
              <option value="">—</option>
              {d.versions
                .filter((x) => x.version !== shown)
                .map((x) => (
                  <option key={x.version} value={x.version}>
                    v{x.version}
                  </option>
                ))}
            </select>
          </label>
        )}
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {v && (
        <div class={other ? 'deliverable-compare' : ''}>
          <VersionPreview version={v} comments={threads} onPin={canWrite ? setPin : undefined} onDownload={download} />
          {other && <VersionPreview version={other} comments={d.comments.filter((c) => c.version === other.version && !c.parentId)} />}
        </div>
      )}
      {v?.downloadable && (
        <button type="button" class="button button--secondary" onClick={download}>
          Download v{v.version}
        </button>
      )}
      {v && v.reviewers.length > 0 && (
        <section>
          <h2 class="section-title">Decisions</h2>
          <ul>
            {v.reviewers.map((r) => (
              <li key={r.clientId}>
                {r.name}:{' '}
                {r.decision ? `${DECISION_LABELS[r.decision]} (${new Date(r.decidedAt as string).toLocaleString()})` : 'not decided yet'}
                {r.note && <q>{r.note}</q>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {host === 'portal' && open && d.interactive && (
        <section class="card deliverable-decide">
          <label for="decision-note">What should change (required to request changes or approve with changes)</label>
          <textarea id="decision-note" rows={3} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          <div class="deliverable-decide__buttons">
            <button type="button" class="button button--primary" onClick={() => decide('approve')}>
              Approve
            </button>
            <button type="button" class="button button--secondary" disabled={!note.trim()} onClick={() => decide('approve_with_changes')}>
              Approve with changes
            </button>
            <button type="button" class="button button--secondary" disabled={!note.trim()} onClick={() => decide('request_changes')}>
              Request changes
            </button>
          </div>
        </section>
      )}
      <section>
        <h2 class="section-title">Comments</h2>
        {threads.map((c) => (
          <Thread
            key={c.commentId}
            host={host}
            comment={c}
            replies={d.comments.filter((r) => r.parentId === c.commentId)}
            canWrite={!!canWrite}
            onReply={(t) => comment(c.commentId, t)}
            onResolve={(resolved) =>
              act(() => call('resolveDeliverableComment', { params: { ...params, deliverableCommentId: c.commentId }, body: { resolved } }))
            }
          />
        ))}
        {canWrite && (
          <form
            class="card"
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) void comment();
            }}
          >
            <label for="comment-text">{pin ? `Comment ${pinLabel(pin)}` : 'Comment (click the preview to pin it)'}</label>
            <textarea id="comment-text" rows={3} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
            <button type="submit" class="button button--primary">
              Post comment
            </button>
          </form>
        )}
      </section>
    </article>
  );
}

function Thread({
  host,
  comment,
  replies,
  canWrite,
  onReply,
  onResolve,
}: {
  host: Host;
  comment: Comment;
  replies: Comment[];
  canWrite: boolean;
  onReply: (text: string) => void;
  onResolve: (resolved: boolean) => void;
}) {
  const [reply, setReply] = useState('');
  return (
    <div class={`card deliverable-thread${comment.resolvedAt ? ' deliverable-thread--resolved' : ''}`}>
      <p>
        <strong>{comment.author.name}</strong> {pinLabel(comment.pin)} {comment.resolvedAt && <span class="muted">· resolved</span>}
      </p>
      <p class="deliverable-thread__text">{comment.text}</p>
      {replies.map((r) => (
        <p key={r.commentId} class="deliverable-thread__reply">
          <strong>{r.author.name}</strong>: {r.text}
        </p>
      ))}
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reply.trim()) {
              onReply(reply.trim());
              setReply('');
            }
          }}
        >
          <input aria-label="Reply" value={reply} onInput={(e) => setReply((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="button button--secondary">
            Reply
          </button>
          {host === 'studio' && (
            <button type="button" class="button button--secondary" onClick={() => onResolve(!comment.resolvedAt)}>
              {comment.resolvedAt ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </form>
      )}
    </div>
  );
}

export const StudioReviewPage = () => <ReviewPage host="studio" />;
export const PortalReviewPage = () => <ReviewPage host="portal" />;
