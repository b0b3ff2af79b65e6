// The comment threads of one version, drawn by the shared CommentThread: who wrote what, when and
// where (its pin, clickable to seek a video), the replies with @mentions, Resolve (the studio) and
// Reopen (the studio, or the client who started the thread); then the form for a new comment.
import { CommentComposer } from '../../components/ui/CommentComposer.tsx';
import { CommentThread, type ThreadComment } from '../../components/ui/CommentThread.tsx';
import type { Mentionable } from '../../components/ui/MentionInput.tsx';
import type { Comment, Host, Pin } from './api.ts';
import { pinLabel } from './labels.ts';
import type { Numbered } from './Preview.tsx';

interface ThreadsProps {
  host: Host;
  threads: Numbered[];
  replies: Comment[];
  people: readonly Mentionable[];
  canWrite: boolean;
  /** Threads of a locked version stay as they were: resolving and reopening only while it can change. */
  canResolve: boolean;
  pending: Pin | null;
  onClearPin: () => void;
  onComment: (text: string, mentions: string[], parentId?: string) => Promise<boolean>;
  onResolve: (commentId: string, resolved: boolean) => Promise<unknown>;
  onSeek: (seconds: number) => void;
}

const asThread = (c: Comment): ThreadComment => ({
  commentId: c.commentId,
  authorName: c.author.name,
  authorSide: c.author.kind,
  mine: c.mine,
  text: c.text,
  mentions: c.mentions,
  createdAt: c.createdAt,
  resolvedAt: c.resolvedAt,
  resolvedBy: c.resolvedBy,
});

function PinChip({ pin, onSeek }: { pin: Pin | null; onSeek: (seconds: number) => void }) {
  const where = pinLabel(pin);
  if (pin?.kind === 'time')
    return (
      <button type="button" class="chip deliverable-thread__pin" onClick={() => onSeek(pin.start)} aria-label={`Play from ${where}`}>
        {where}
      </button>
    );
  return where ? <span class="chip deliverable-thread__pin">{where}</span> : null;
}

export function Threads(props: ThreadsProps) {
  const { host, threads, replies, people, canWrite, canResolve, pending } = props;
  return (
    <section class="deliverable-threads" aria-labelledby="comments-heading">
      <h2 id="comments-heading" class="deliverable-section__title">
        Comments <span class="count">{threads.length}</span>
      </h2>
      {threads.length === 0 && <p class="muted">No comments on this version yet.</p>}
      <ol class="deliverable-threads__list">
        {threads.map(({ comment, n }) => (
          <CommentThread
            key={comment.commentId}
            id={`thread-${comment.commentId}`}
            label={`Comment ${n}`}
            number={n}
            pin={<PinChip pin={comment.pin} onSeek={props.onSeek} />}
            root={asThread(comment)}
            replies={replies.filter((r) => r.parentId === comment.commentId).map(asThread)}
            people={people}
            canReply={canWrite}
            canResolve={host === 'studio' && canResolve}
            canReopen={canResolve && (host === 'studio' || (canWrite && comment.mine))}
            onReply={(text, mentions) => props.onComment(text, mentions, comment.commentId)}
            onResolve={(resolved) => props.onResolve(comment.commentId, resolved)}
          />
        ))}
      </ol>
      {canWrite && (
        <div class="card deliverable-compose">
          <CommentComposer
            id="comment-text"
            label={pending ? `Comment at ${pinLabel(pending)}` : 'Add a comment'}
            hint={
              pending
                ? 'Pinned where you clicked. Type @ to mention someone.'
                : 'Click or tap the preview to pin it to a spot, or write a general comment. Type @ to mention someone.'
            }
            people={people}
            maxLength={2000}
            onSubmit={(text, mentions) => props.onComment(text, mentions)}
          >
            {pending && (
              <button type="button" class="button button--ghost" onClick={props.onClearPin}>
                Remove pin
              </button>
            )}
          </CommentComposer>
        </div>
      )}
    </section>
  );
}
