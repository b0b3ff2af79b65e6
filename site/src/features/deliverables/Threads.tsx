// The comment threads of one version: who wrote what, when and where (its pin, clickable to seek a
// video), the replies, and for the studio Resolve/Reopen; then the form for a new comment.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/format.ts';
import type { Comment, Host, Pin } from './api.ts';
import { pinLabel } from './labels.ts';
import type { Numbered } from './Preview.tsx';

interface ThreadsProps {
  host: Host;
  threads: Numbered[];
  replies: Comment[];
  canWrite: boolean;
  /** The studio may resolve even on a locked version? No: only while the version can change. */
  canResolve: boolean;
  pending: Pin | null;
  onClearPin: () => void;
  onComment: (text: string, parentId?: string) => Promise<boolean>;
  onResolve: (commentId: string, resolved: boolean) => void;
  onSeek: (seconds: number) => void;
}

export function Threads({ host, threads, replies, canWrite, canResolve, pending, onClearPin, onComment, onResolve, onSeek }: ThreadsProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <section class="deliverable-threads" aria-labelledby="comments-heading">
      <h2 id="comments-heading" class="deliverable-section__title">
        Comments <span class="count">{threads.length}</span>
      </h2>
      {threads.length === 0 && <p class="muted">No comments on this version yet.</p>}
      <ol class="deliverable-threads__list">
        {threads.map((t) => (
          <Thread
            key={t.comment.commentId}
            host={host}
            thread={t}
            replies={replies.filter((r) => r.parentId === t.comment.commentId)}
            canWrite={canWrite}
            canResolve={canResolve}
            onReply={(reply) => onComment(reply, t.comment.commentId)}
            onResolve={(resolved) => onResolve(t.comment.commentId, resolved)}
            onSeek={onSeek}
          />
        ))}
      </ol>
      {canWrite && (
        <form
          class="card deliverable-compose"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!text.trim() || busy) return;
            setBusy(true);
            if (await onComment(text.trim())) setText('');
            setBusy(false);
          }}
        >
          <label class="field__label" for="comment-text">
            {pending ? `Comment at ${pinLabel(pending)}` : 'Add a comment'}
          </label>
          <p class="field__hint" id="comment-text-hint">
            {pending ? 'Pinned where you clicked.' : 'Click or tap the preview to pin it to a spot, or write a general comment.'}
          </p>
          <textarea
            id="comment-text"
            class="textarea"
            rows={3}
            maxLength={2000}
            required
            aria-describedby="comment-text-hint"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <div class="deliverable-compose__actions">
            <button type="submit" class="button button--primary" disabled={busy}>
              Post comment
            </button>
            {pending && (
              <button type="button" class="button button--ghost" onClick={onClearPin}>
                Remove pin
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function Thread({
  host,
  thread: { comment, n },
  replies,
  canWrite,
  canResolve,
  onReply,
  onResolve,
  onSeek,
}: {
  host: Host;
  thread: Numbered;
  replies: Comment[];
  canWrite: boolean;
  canResolve: boolean;
  onReply: (text: string) => Promise<boolean>;
  onResolve: (resolved: boolean) => void;
  onSeek: (seconds: number) => void;
}) {
  const [reply, setReply] = useState('');
  const pin = comment.pin;
  const where = pinLabel(pin);
  return (
    <li class={`card deliverable-thread${comment.resolvedAt ? ' deliverable-thread--resolved' : ''}`} aria-label={`Comment ${n}`}>
      <div class="deliverable-thread__head">
        <span class="deliverable-thread__number" aria-hidden="true">
          {n}
        </span>
        <strong class="deliverable-thread__author">{comment.author.name}</strong>
        {pin?.kind === 'time' ? (
          <button type="button" class="chip deliverable-thread__pin" onClick={() => onSeek(pin.start)} aria-label={`Play from ${where}`}>
            {where}
          </button>
        ) : (
          where && <span class="chip deliverable-thread__pin">{where}</span>
        )}
        <time class="muted small" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.resolvedAt && <span class="badge badge--neutral">Resolved</span>}
      </div>
      <p class="deliverable-thread__text">{comment.text}</p>
      {replies.length > 0 && (
        <ul class="deliverable-thread__replies">
          {replies.map((r) => (
            <li key={r.commentId} class="deliverable-thread__reply">
              <p class="small">
                <strong>{r.author.name}</strong>{' '}
                <time class="muted" dateTime={r.createdAt}>
                  {formatDateTime(r.createdAt)}
                </time>
              </p>
              <p class="deliverable-thread__text">{r.text}</p>
            </li>
          ))}
        </ul>
      )}
      {(canWrite || (host === 'studio' && canResolve)) && (
        <form
          class="deliverable-thread__actions"
          onSubmit={async (e) => {
            e.preventDefault();
            if (reply.trim() && (await onReply(reply.trim()))) setReply('');
          }}
        >
          {canWrite && (
            <>
              <input
                class="input input--small"
                aria-label={`Reply to comment ${n}`}
                placeholder="Reply…"
                maxLength={2000}
                value={reply}
                onInput={(e) => setReply(e.currentTarget.value)}
              />
              <button type="submit" class="button button--secondary button--small">
                Reply
              </button>
            </>
          )}
          {host === 'studio' && canResolve && (
            <button type="button" class="button button--ghost button--small" onClick={() => onResolve(!comment.resolvedAt)}>
              {comment.resolvedAt ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </form>
      )}
    </li>
  );
}
