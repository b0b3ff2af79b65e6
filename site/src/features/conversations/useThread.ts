// One conversation thread on the page: its newest page first, older pages on demand, and every
// event after the last sequence number it has whenever the live socket (or the poll) says so.
// Messages are kept by sequence number, so an event seen twice changes nothing.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Message, Thread } from '../../../../shared/features/conversations/schemas.ts';
import { call } from '../../lib/api.ts';
import { useLive } from '../../lib/live.ts';
import { sendWithTicket } from '../uploads/index.ts';

export type Side = 'studio' | 'client';
export type ThreadState = Omit<Thread, 'messages' | 'more'> & { messages: Message[] };

const list = (side: Side, threadId: string, query: { before?: string; after?: string }) =>
  side === 'studio' ? call('listStudioThread', { params: { threadId }, query }) : call('listClientThread', { params: { threadId }, query });

/** Messages by sequence number, oldest first; a message replaces the one it was unless that one is newer. */
function merge(current: Message[], incoming: Message[]): Message[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) {
    const had = bySeq.get(m.seq);
    if (!had || had.lastSeq <= m.lastSeq) bySeq.set(m.seq, m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export interface Outgoing {
  text: string;
  mentions: string[];
  files: File[];
  /** Bytes sent of all files so far. */
  progress: (sent: number, total: number) => void;
}

export function useThread(side: Side, threadId: string) {
  const [thread, setThread] = useState<ThreadState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const state = useRef<ThreadState | null>(null);
  const fetching = useRef(false);
  const again = useRef(false);
  const seenSent = useRef(0);

  const apply = (next: ThreadState) => {
    state.current = next;
    setThread(next);
  };

  useEffect(() => {
    let live = true;
    list(side, threadId, {})
      .then((t) => live && apply({ ...t, messages: t.messages }))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [side, threadId]);

  /** Everything after the last sequence number held (one request at a time; a call meanwhile runs once more after). */
  const catchUp = useCallback(async () => {
    if (!state.current) return;
    if (fetching.current) {
      again.current = true;
      return;
    }
    fetching.current = true;
    try {
      for (;;) {
        const held = state.current;
        if (!held) break;
        const t = await list(side, threadId, { after: String(held.lastSeq) });
        const now = state.current ?? held;
        apply({
          ...now,
          participants: t.participants,
          cursors: t.cursors,
          lastSeq: Math.max(now.lastSeq, t.lastSeq),
          messages: merge(now.messages, t.messages),
        });
        if (!t.more && !again.current) break;
        again.current = false;
      }
    } catch {
      // The next event or poll tries again.
    } finally {
      fetching.current = false;
    }
  }, [side, threadId]);

  useLive(
    (event) => {
      if (event.type === 'thread' && event.threadId === state.current?.threadId && event.seq > (state.current?.lastSeq ?? 0))
        void catchUp();
    },
    () => void catchUp(),
  );

  const loadOlder = useCallback(async () => {
    const held = state.current;
    if (!held || held.olderBefore === null) return;
    const t = await list(side, threadId, { before: String(held.olderBefore) });
    const now = state.current ?? held;
    apply({ ...now, olderBefore: t.olderBefore, messages: merge(t.messages, now.messages) });
  }, [side, threadId]);

  const send = async ({ text, mentions, files, progress }: Outgoing) => {
    const total = files.reduce((n, f) => n + f.size, 0);
    let done = 0;
    const attachmentIds: string[] = [];
    for (const file of files) {
      const body = { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size };
      const started =
        side === 'studio'
          ? await call('createStudioMessageAttachment', { params: { threadId }, body })
          : await call('createClientMessageAttachment', { params: { threadId }, body });
      await sendWithTicket(file, { put: started.ticket.put, multipart: null }, (sent) => progress(done + sent, total));
      done += file.size;
      attachmentIds.push(started.attachmentId);
    }
    const body = { text, mentions, ...(attachmentIds.length ? { attachmentIds } : {}) };
    const { message } =
      side === 'studio'
        ? await call('sendStudioMessage', { params: { threadId }, body })
        : await call('sendClientMessage', { params: { threadId }, body });
    if (state.current) apply({ ...state.current, messages: merge(state.current.messages, [message]) });
    void catchUp();
  };

  const edit = async (seq: number, text: string, mentions: string[]) => {
    const params = { threadId, seq: String(seq) };
    const { message } =
      side === 'studio'
        ? await call('editStudioMessage', { params, body: { text, mentions } })
        : await call('editClientMessage', { params, body: { text, mentions } });
    if (state.current) apply({ ...state.current, messages: merge(state.current.messages, [message]) });
  };

  const remove = async (seq: number) => {
    const params = { threadId, seq: String(seq) };
    if (side === 'studio') await call('deleteStudioMessage', { params });
    else await call('deleteClientMessage', { params });
    await catchUp();
  };

  /** The caller had the thread on screen up to message `seq` (sent once per new high). */
  const markSeen = useCallback(
    (seq: number) => {
      const mine = state.current?.cursors.find((c) => c.person === state.current?.me)?.seq ?? 0;
      if (seq <= Math.max(mine, seenSent.current)) return;
      seenSent.current = seq;
      const body = { seq };
      (side === 'studio'
        ? call('markStudioThreadSeen', { params: { threadId }, body })
        : call('markClientThreadSeen', { params: { threadId }, body })
      )
        .then(() => catchUp())
        .catch(() => {
          seenSent.current = 0;
        });
    },
    [side, threadId],
  );

  return { thread, error, loadOlder, send, edit, remove, markSeen };
}
