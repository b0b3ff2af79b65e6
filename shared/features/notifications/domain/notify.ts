// The one way a feature tells people something happened. CONTRACT (issue 12): the signatures stay.
//
// notify writes one transaction per recipient (in parallel): the note, the unread count, the
// person's thread item and, for the first unseen message of a burst, the burst's email entry.
// Unread message notes of one thread collapse into one entry ("3 new messages in …"); a mention is
// always its own entry and is copied into the Mentions list, which nothing replaces.
//
// THE EMAIL BATCHING RULE: a message (or mention) email goes out only if the recipient has not seen
// the message within 5 minutes, one email per burst. The first unseen message of a thread for a
// person (email mode `every`) queues one pending email due 5 minutes later, with a put conditional
// on the thread item's revision, so a burst queues one. The minute job (sendMessageEmails) sends,
// for each due entry whose thread the person still has not seen up to the latest queued seq, ONE
// branded email listing the unseen messages (up to 5, "and N more") with a link to the thread, then
// deletes the entry; messages after that start a new burst. Seen in time (markThreadSeen) → no email.
// `digest` → one daily digest of unread notes instead; `off` → no email at all. The other kinds
// (deliverable ready/decided, file shared, gallery ready, deadline near, feedback) are notes only:
// their features send their own emails already, and a note never doubles them.
import { logger } from '../../../logger.ts';
import { type LiveEvent, publish, publishEach } from '../../live/index.ts';
import { type PersonKey, parsePersonKey } from '../../people/index.ts';
import { NOTIFICATION_LIMITS, type NoteKind } from '../constants.ts';
import {
  closeThreadNote,
  deleteNotifyJob,
  digestPut,
  getNote,
  getRecipientStates,
  getState,
  getThread,
  mailQueuePut,
  markNoteRead,
  mentionPut,
  notePut,
  openNoteDelete,
  putNotifyJob,
  raiseSeen,
  readNotifyJob,
  type TransactItem,
  threadPut,
  unreadAdd,
  writeItems,
} from '../data.ts';
import { MAIL_SHARDS, type NoteRecord, type NoteStateRecord, type NoteThreadRecord } from '../records.ts';

export interface NoteInput {
  studioId: string;
  kind: NoteKind;
  /** The project it belongs to (the centre groups by it); null for a general thread. */
  projectId: string | null;
  projectTitle: string | null;
  /** One line: "Ava Lindqvist: Looks great, one question…", "Logo v3 is ready for review". */
  title: string;
  /** Where the bell's entry opens, a path on the recipient's own host ("/projects/<id>#messages"). */
  link: { studio: string; client: string };
  actor: PersonKey | null;
  /** Who is told: the actor is left out, muted projects are skipped (except for `mentioned`). */
  recipients: readonly PersonKey[];
  /** Mentioned people: told even if they muted the project, and their mention stays in Mentions. */
  mentioned?: readonly PersonKey[];
  /** For messages: the thread and the message's sequence number (email batching, seen-marking). */
  thread?: { threadId: string; seq: number };
  /** The moment it happened (tests of the batching rule pass one); now by default. */
  now?: Date;
}

/** A note id sorts by time: 13 digits of milliseconds, then 8 random characters. */
export function newNoteId(now: Date): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  return `${String(now.getTime()).padStart(13, '0')}-${random}`;
}

const noteTime = (noteId: string) => new Date(Number(noteId.slice(0, 13))).toISOString();

/** Whether a note counts as read: marked one by one, or older than the read-all watermark. */
export const isRead = (note: Pick<NoteRecord, 'readAt' | 'createdAt'>, state: Pick<NoteStateRecord, 'readAllBefore'>): boolean =>
  note.readAt !== null || (state.readAllBefore !== null && note.createdAt < state.readAllBefore);

const linkFor = (person: PersonKey, link: NoteInput['link']) => (parsePersonKey(person)?.side === 'client' ? link.client : link.studio);

/** Which shard a person's thread queues its email in: a stable hash, so load spreads evenly. */
function shardOf(key: string): number {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) | 0;
  return Math.abs(h) % MAIL_SHARDS;
}

const EMAILED: readonly NoteKind[] = ['message', 'mention'];

/** Recipients written at once, and tries per recipient when their thread item changed under us. */
const NOTIFY_PARALLEL = 3;
const NOTIFY_ATTEMPTS = 8;

/** Writes the notes, publishes the new unread counts live, queues the emails the recipients' settings ask for. */
export async function notify(input: NoteInput): Promise<void> {
  const now = input.now ?? new Date();
  const mentioned = new Set<PersonKey>(
    input.kind === 'mention' ? [...input.recipients, ...(input.mentioned ?? [])] : (input.mentioned ?? []),
  );
  const people = [...new Set([...input.recipients, ...mentioned])].filter((p) => p !== input.actor && parsePersonKey(p));
  if (!people.length) return;
  const read = await getRecipientStates(input.studioId, people, input.thread?.threadId ?? null);
  const told = people.filter((p) => {
    const { state } = read.get(p) as { state: NoteStateRecord };
    return mentioned.has(p) || !input.projectId || !state.muted.includes(input.projectId);
  });
  const counts = new Map<PersonKey, LiveEvent>();
  // A few recipients at a time: a burst of messages in a crowded thread is many notes, and each
  // recipient's thread item takes them one after another anyway.
  const queue = [...told];
  const worker = async () => {
    for (let person = queue.shift(); person; person = queue.shift()) {
      try {
        const unread = await notifyOne(input, person, mentioned.has(person), read.get(person) as Read, now);
        counts.set(person, { type: 'notifications', unread });
      } catch (error) {
        // One recipient's failure never fails the write that caused it (a message stays sent).
        logger.error('A notification could not be written', { error: error as Error, kind: input.kind });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(NOTIFY_PARALLEL, told.length) }, worker));
  // Everyone's new count in one fan-out (one read of the studio's open sockets).
  await publishEach(input.studioId, counts);
}

type Read = { state: NoteStateRecord; thread: NoteThreadRecord | null };

/** One recipient's transaction, again (read afresh) when another write to their thread came first; their new unread count. */
async function notifyOne(input: NoteInput, person: PersonKey, isMention: boolean, first: Read, now: Date): Promise<number> {
  const threadId = input.thread?.threadId ?? null;
  for (let attempt = 0; attempt < NOTIFY_ATTEMPTS; attempt++) {
    // Another message's note for this person came first: wait a little, longer each time, at random.
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 25 * 2 ** attempt));
    const { state, thread } =
      attempt === 0
        ? first
        : { state: await getState(input.studioId, person), thread: threadId ? await getThread(input.studioId, person, threadId) : null };
    const kind: NoteKind = isMention ? 'mention' : input.kind;
    const link = linkFor(person, input.link);
    const noteId = newNoteId(now);
    const createdAt = now.toISOString();
    // A message joins the thread's open note while that one is unread (not read, not under the watermark).
    let open = kind === 'message' && thread?.noteId ? thread.noteId : null;
    if (open && state.readAllBefore && noteTime(open) < state.readAllBefore) open = null;
    if (open && attempt > 0) {
      const note = await getNote(input.studioId, person, open);
      if (!note || note.readAt) open = null;
    }
    const count = open ? (thread?.noteCount ?? 1) + 1 : 1;
    const note: NoteRecord = {
      noteId,
      studioId: input.studioId,
      person,
      kind,
      projectId: input.projectId,
      projectTitle: input.projectTitle,
      title: count > 1 ? `${count} new messages in ${input.projectTitle ?? 'a conversation'}` : input.title,
      snippet: count > 1 ? input.title : null,
      count,
      link,
      actor: input.actor,
      threadId,
      createdAt,
      readAt: null,
      ttl: Math.floor(now.getTime() / 1000) + NOTIFICATION_LIMITS.noteDays * 86_400,
    };
    const items: TransactItem[] = [
      notePut(note),
      open ? openNoteDelete(input.studioId, person, open) : unreadAdd(input.studioId, person, 1),
    ];
    if (kind === 'mention') items.push(mentionPut(note));
    if (input.thread && threadId)
      items.push(
        ...threadItems(
          input,
          person,
          kind,
          state,
          thread,
          open ? { noteId, count } : kind === 'message' ? { noteId, count: 1 } : null,
          link,
          now,
        ),
      );
    if (state.emailMode === 'digest')
      items.push(digestPut(createdAt.slice(0, 10), input.studioId, person, Math.floor(now.getTime() / 1000) + 3 * 86_400));
    const refused = await writeItems(items);
    if (!refused) return Math.max(0, state.unread + (open ? 0 : 1));
  }
  throw new Error(`notify: the thread kept changing under ${NOTIFY_ATTEMPTS} attempts`);
}

/** The thread item after this message, and the burst's email entry when this starts a burst. */
function threadItems(
  input: NoteInput,
  person: PersonKey,
  kind: NoteKind,
  state: NoteStateRecord,
  thread: NoteThreadRecord | null,
  openNote: { noteId: string; count: number } | null,
  link: string,
  now: Date,
): TransactItem[] {
  const { threadId, seq } = input.thread as { threadId: string; seq: number };
  const seenSeq = thread?.seenSeq ?? 0;
  const emailed = state.emailMode === 'every' && EMAILED.includes(kind) && seq > seenSeq;
  const burst = thread?.burst ?? [];
  const starts = emailed && !thread?.mailDueAt;
  const dueAt = starts
    ? new Date(now.getTime() + NOTIFICATION_LIMITS.emailDelayMinutes * 60_000).toISOString()
    : (thread?.mailDueAt ?? null);
  const next: NoteThreadRecord = {
    studioId: input.studioId,
    person,
    threadId,
    projectId: input.projectId,
    projectTitle: input.projectTitle,
    link,
    noteId: openNote ? openNote.noteId : (thread?.noteId ?? null),
    noteCount: openNote ? openNote.count : (thread?.noteCount ?? 0),
    lastSeq: Math.max(thread?.lastSeq ?? 0, seq),
    seenSeq,
    burst: emailed && burst.length < NOTIFICATION_LIMITS.burstLines ? [...burst, { seq, line: input.title }] : burst,
    burstCount: (thread?.burstCount ?? 0) + (emailed ? 1 : 0),
    mailDueAt: dueAt,
    rev: (thread?.rev ?? 0) + 1,
  };
  const items = [threadPut(next, thread)];
  if (starts && dueAt)
    items.push(mailQueuePut(shardOf(`${input.studioId}#${person}#${threadId}`), { studioId: input.studioId, person, threadId, dueAt }));
  return items;
}

/** Marks one note read (and forgets it as its thread's open note); the new unread count. */
export async function readNote(note: NoteRecord, now = new Date()): Promise<number> {
  if (!note.readAt) {
    await markNoteRead(note, now.toISOString());
    if (note.threadId && note.kind === 'message') await closeThreadNote(note.studioId, note.person, note.threadId, note.noteId);
  }
  return (await getState(note.studioId, note.person)).unread;
}

/** The person has seen `threadId` up to `seq`: its message notes become read, and no email goes out for them. */
export async function markThreadSeen(studioId: string, person: PersonKey, threadId: string, seq: number): Promise<void> {
  try {
    const before = await raiseSeen(studioId, person, threadId, seq);
    if (!before?.noteId || before.lastSeq > seq) return;
    const note = await getNote(studioId, person, before.noteId);
    if (!note || note.readAt) return;
    const unread = await readNote(note);
    await publish(studioId, [person], { type: 'notifications', unread });
  } catch (error) {
    logger.error('A thread could not be marked seen for notifications', { error: error as Error });
  }
}

/**
 * `notify`, off the request path: the input is stored as a job whose object event (deliverNotes)
 * delivers it. For the busiest caller, a new message: its sender is answered at once, however many
 * people the thread has, and a failed delivery is retried by the event rather than lost.
 */
export async function notifyLater(input: NoteInput): Promise<void> {
  await putNotifyJob({ ...input, now: (input.now ?? new Date()).toISOString() });
}

/** The deliverNotes worker: one stored job, delivered and removed (a job already gone is done). */
export async function deliverNotifyJob(key: string): Promise<void> {
  const job = await readNotifyJob(key);
  if (!job) return;
  await notify({ ...(job as unknown as NoteInput), now: new Date(job.now) });
  await deleteNotifyJob(key);
}
