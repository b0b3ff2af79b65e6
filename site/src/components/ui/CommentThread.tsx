// One comment thread, the same on every page that has them (a deliverable's review, a photo's
// comments in the portal's viewer and in the studio's gallery): the root comment with its author's
// initials, time and pin, the replies, a reply box that @mentions, and Resolve/Reopen. A resolved
// thread folds to one line ("Resolved by Ava") until it is opened. User text goes through
// LinkedText only: never HTML.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { initialsOf } from '../../../../shared/features/people/constants.ts';
import { formatDateTime } from '../../lib/format.ts';
import { LinkedText } from './LinkedText.tsx';
import { type Mentionable, MentionInput } from './MentionInput.tsx';

/** What a thread shows of a comment, whichever feature stores it. */
export interface ThreadComment {
  commentId: string;
  authorName: string;
  authorSide: 'client' | 'studio';
  mine: boolean;
  text: string;
  mentions: readonly { person: string; name: string }[];
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface CommentThreadProps {
  /** Unique on the page: the reply box's id is built from it. */
  id: string;
  root: ThreadComment;
  replies: readonly ThreadComment[];
  /** The thread's number on the page (the pin's number on a deliverable). */
  number?: number | undefined;
  /** Where it is pinned: a label, or a control (a video's time that seeks). */
  pin?: ComponentChildren;
  people: readonly Mentionable[];
  canReply: boolean;
  canResolve: boolean;
  canReopen: boolean;
  onReply: (text: string, mentions: string[]) => Promise<boolean>;
  onResolve: (resolved: boolean) => Promise<unknown> | undefined;
  /** A short name of what the thread is on, for screen readers ("comment 3"). */
  label: string;
}

function CommentBody({ c, reply }: { c: ThreadComment; reply?: boolean }) {
  return (
    <div class={`comment-thread__comment${reply ? ' comment-thread__comment--reply' : ''}`}>
      <span class={`avatar avatar--small comment-thread__avatar comment-thread__avatar--${c.authorSide}`} aria-hidden="true">
        {initialsOf(c.authorName)}
      </span>
      <div class="comment-thread__body">
        <p class="comment-thread__who">
          <strong class="comment-thread__author">{c.authorName}</strong>{' '}
          <time class="muted small" dateTime={c.createdAt}>
            {formatDateTime(c.createdAt)}
          </time>
        </p>
        <p class="comment-thread__text">
          <LinkedText text={c.text} mentions={c.mentions.map((m) => m.name)} />
        </p>
      </div>
    </div>
  );
}

export function CommentThread(props: CommentThreadProps) {
  const { id, root, replies, people, canReply, canResolve, canReopen, label } = props;
  const resolved = root.resolvedAt !== null;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const expanded = !resolved || open;
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    if (await props.onReply(text.trim(), mentions)) {
      setText('');
      setMentions([]);
    }
    setBusy(false);
  };
  const toggle = async (to: boolean) => {
    setBusy(true);
    await props.onResolve(to);
    setBusy(false);
  };
  return (
    <li class={`card comment-thread${resolved ? ' comment-thread--resolved' : ''}`} aria-label={label}>
      <div class="comment-thread__head">
        {props.number !== undefined && (
          <span class="comment-thread__number" aria-hidden="true">
            {props.number}
          </span>
        )}
        {props.pin}
        {resolved && (
          <span class="badge badge--neutral comment-thread__resolved">
            {root.resolvedBy ? `Resolved by ${root.resolvedBy}` : 'Resolved'}
          </span>
        )}
        {resolved && (
          <button type="button" class="button button--ghost button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide thread' : `Show thread${replies.length ? ` (${replies.length + 1})` : ''}`}
          </button>
        )}
      </div>
      {!expanded && (
        <p class="comment-thread__summary muted small">
          {root.authorName}: {root.text.length > 80 ? `${root.text.slice(0, 80)}…` : root.text}
        </p>
      )}
      {expanded && (
        <>
          <CommentBody c={root} />
          {replies.length > 0 && (
            <ul class="comment-thread__replies">
              {replies.map((r) => (
                <li key={r.commentId}>
                  <CommentBody c={r} reply />
                </li>
              ))}
            </ul>
          )}
          {(canReply && !resolved) || (resolved ? canReopen : canResolve) ? (
            <form
              class="comment-thread__actions"
              onSubmit={(e) => {
                e.preventDefault();
                void send();
              }}
            >
              {canReply && !resolved && (
                <div class="comment-thread__reply">
                  <label class="visually-hidden" for={`${id}-reply`}>
                    Reply to {label}
                  </label>
                  <MentionInput
                    id={`${id}-reply`}
                    rows={1}
                    maxLength={2000}
                    placeholder="Reply…"
                    value={text}
                    mentions={mentions}
                    people={people}
                    onChange={(t, m) => {
                      setText(t);
                      setMentions(m);
                    }}
                    onSubmit={() => void send()}
                  />
                  <button type="submit" class="button button--secondary button--small" disabled={busy}>
                    Reply
                  </button>
                </div>
              )}
              {!resolved && canResolve && (
                <button type="button" class="button button--ghost button--small" disabled={busy} onClick={() => void toggle(true)}>
                  Resolve
                </button>
              )}
              {resolved && canReopen && (
                <button type="button" class="button button--ghost button--small" disabled={busy} onClick={() => void toggle(false)}>
                  Reopen
                </button>
              )}
            </form>
          ) : null}
        </>
      )}
    </li>
  );
}

/** Roots in order, each with its replies (one level deep), from a flat list. */
export function threadsFrom<T extends { commentId: string; parentId: string | null }>(comments: readonly T[]): { root: T; replies: T[] }[] {
  const roots = comments.filter((c) => c.parentId === null);
  return roots.map((root) => ({ root, replies: comments.filter((c) => c.parentId === root.commentId) }));
}
