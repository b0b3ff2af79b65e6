// A conversation: messages oldest at the top and newest at the bottom, older pages loaded when
// scrolled up (the reading position kept), the composer with @mentions and attachments, edit and
// delete of one's own messages, and read receipts. A message counts as seen only while it is on
// screen in a visible, focused page.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Message } from '../../../../shared/features/conversations/schemas.ts';
import { LinkedText } from '../../components/ui/LinkedText.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { MentionInput } from '../../components/ui/MentionInput.tsx';
import { messageOf } from '../../lib/api.ts';
import { Composer } from './Composer.tsx';
import { receiptsBySeq, seenLine } from './receipts.ts';
import { type Side, type ThreadState, useThread } from './useThread.ts';
import './conversations.css';

const clock = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

export function ThreadView({ side, threadId, titled = false }: { side: Side; threadId: string; titled?: boolean }) {
  const t = useThread(side, threadId);
  if (t.error) return <p class="notice notice--error">{messageOf(t.error)}</p>;
  if (!t.thread) return <Loading label="Loading the conversation" />;
  return <LoadedThread side={side} api={t} thread={t.thread} titled={titled} />;
}

function LoadedThread({ api, thread, titled }: { side: Side; api: ReturnType<typeof useThread>; thread: ThreadState; titled: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepFrom = useRef<number | null>(null);
  const visible = useRef(new Set<number>());
  const [loadingOlder, setLoadingOlder] = useState(false);
  const names = new Map(thread.participants.map((p) => [p.person, p.name]));
  const receipts = receiptsBySeq(thread.messages, thread.cursors, thread.me);

  // Newest at the bottom: follow new messages while the reader is at the bottom; keep the place when older ones come in above.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (keepFrom.current !== null) {
      el.scrollTop += el.scrollHeight - keepFrom.current;
      keepFrom.current = null;
    } else if (atBottom.current) el.scrollTop = el.scrollHeight;
  }, [thread.messages]);

  const older = async () => {
    if (loadingOlder || thread.olderBefore === null || !box.current) return;
    setLoadingOlder(true);
    keepFrom.current = box.current.scrollHeight;
    try {
      await api.loadOlder();
    } finally {
      setLoadingOlder(false);
    }
  };

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 60) void older();
  };

  // Seen = on screen, in a visible and focused page.
  const reportSeen = () => {
    if (document.visibilityState !== 'visible' || !document.hasFocus() || visible.current.size === 0) return;
    api.markSeen(Math.max(...visible.current));
  };
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const seq = Number((e.target as HTMLElement).dataset.seq);
          if (e.isIntersecting) visible.current.add(seq);
          else visible.current.delete(seq);
        }
        reportSeen();
      },
      { root: el, threshold: 0.6 },
    );
    for (const item of el.querySelectorAll('[data-seq]')) observer.observe(item);
    return () => observer.disconnect();
  }, [thread.messages]);
  useEffect(() => {
    const again = () => reportSeen();
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    const timer = setInterval(again, 2000);
    return () => {
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
      clearInterval(timer);
    };
  }, []);

  return (
    <section class="thread" aria-label={`Messages: ${thread.title}`}>
      {titled && (
        <h1 class="thread__title">
          {thread.kind === 'general' && thread.me.startsWith('user:') ? `Messages with ${thread.title}` : `Messages`}
        </h1>
      )}
      <div class="thread__messages" ref={box} onScroll={onScroll} role="log" aria-live="polite" aria-relevant="additions">
        {thread.olderBefore !== null && (
          <button type="button" class="button button--ghost thread__older" onClick={older} disabled={loadingOlder}>
            {loadingOlder ? 'Loading…' : 'Load older messages'}
          </button>
        )}
        {thread.messages.length === 0 && <p class="muted thread__empty">No messages yet. Say hello.</p>}
        <ol class="thread__list">
          {thread.messages.map((m) => (
            <MessageItem key={m.seq} m={m} mine={m.author.person === thread.me} names={names} api={api} thread={thread}>
              {receipts.get(m.seq) && (
                <p class="thread__seen">
                  <span class="thread__avatars" aria-hidden="true">
                    {receipts.get(m.seq)?.map((c) => (
                      <span class="thread-avatar thread-avatar--xs" key={c.person} title={c.name}>
                        {c.initials}
                      </span>
                    ))}
                  </span>
                  {seenLine(receipts.get(m.seq) ?? [])}
                </p>
              )}
            </MessageItem>
          ))}
        </ol>
      </div>
      <Composer people={thread.participants.filter((p) => p.person !== thread.me)} send={api.send} />
    </section>
  );
}

function MessageItem({
  m,
  mine,
  names,
  api,
  thread,
  children,
}: {
  m: Message;
  mine: boolean;
  names: Map<string, string>;
  api: ReturnType<typeof useThread>;
  thread: ThreadState;
  children?: preact.ComponentChildren;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(m.text);
  const [mentions, setMentions] = useState<string[]>(m.mentions);
  const [problem, setProblem] = useState<string | null>(null);
  const editable = m.editableUntil !== null && Date.parse(m.editableUntil) > Date.now();
  const mentionNames = m.mentions.map((p) => names.get(p)).filter((n): n is string => Boolean(n));

  const save = async () => {
    setProblem(null);
    try {
      await api.edit(m.seq, text, mentions);
      setEditing(false);
    } catch (e) {
      setProblem(messageOf(e));
    }
  };
  const remove = async () => {
    if (!confirm('Delete this message?')) return;
    try {
      await api.remove(m.seq);
    } catch (e) {
      setProblem(messageOf(e));
    }
  };

  return (
    <li class={`message${mine ? ' message--mine' : ''}${m.deleted ? ' message--deleted' : ''}`} data-seq={m.seq}>
      <div class="message__head">
        <span class="thread-avatar" aria-hidden="true">
          {m.author.initials}
        </span>
        <strong>{m.author.name}</strong>
        <time class="muted" dateTime={m.createdAt}>
          {clock(m.createdAt)}
        </time>
        {m.editedAt && !m.deleted && <span class="muted">(edited)</span>}
      </div>
      {m.deleted ? (
        <p class="message__body muted">Message deleted</p>
      ) : editing ? (
        <div class="message__edit">
          <MentionInput
            id={`edit-${m.seq}`}
            value={text}
            mentions={mentions}
            people={thread.participants}
            onChange={(t, ms) => {
              setText(t);
              setMentions(ms);
            }}
            onSubmit={save}
            maxLength={5000}
          />
          <div class="message__actions">
            <button type="button" class="button button--primary button--small" onClick={save}>
              Save
            </button>
            <button type="button" class="button button--ghost button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {m.text && <LinkedText class="message__body" text={m.text} mentions={mentionNames} />}
          {m.attachments.length > 0 && (
            <ul class="message__files">
              {m.attachments.map((a) => (
                <li key={a.attachmentId}>
                  {a.image ? (
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      <img src={a.url} alt={a.fileName} loading="lazy" class="message__image" />
                    </a>
                  ) : (
                    <a href={a.url} rel="noopener noreferrer">
                      {a.fileName}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {!m.deleted && !editing && (editable || m.deletable) && (
        <div class="message__actions">
          {editable && (
            <button type="button" class="button button--ghost button--small" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {m.deletable && (
            <button type="button" class="button button--ghost button--small" onClick={remove}>
              Delete
            </button>
          )}
        </div>
      )}
      {problem && (
        <p class="thread__error" role="alert">
          {problem}
        </p>
      )}
      {children}
    </li>
  );
}
