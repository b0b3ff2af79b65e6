// Notifications live in one partition per person and studio (NOTES#<studioId>#<person>): the
// person's state (the unread count, the read-all watermark and the email settings, one item the
// bell reads with one GetItem), the notes newest first, the Mentions list, and one item per thread
// the person gets messages in (the collapsed unread note and the email burst). Pending burst emails
// sit in a few shard partitions sorted by due time, so the minute job reads what is due, never the
// table; the digest job reads the day's digest index the same way.
import type { FeatureRecords } from '../../data/records.ts';
import type { PersonKey } from '../people/index.ts';
import type { EmailMode, NoteKind } from './constants.ts';

export interface NoteRecord {
  noteId: string;
  studioId: string;
  person: PersonKey;
  kind: NoteKind;
  projectId: string | null;
  projectTitle: string | null;
  title: string;
  /** A collapsed message note: the latest message's line ("Ava: Looks great…"); otherwise null. */
  snippet: string | null;
  /** How many messages a collapsed note stands for (1 for every other note). */
  count: number;
  /** Where it opens, on the recipient's own host. */
  link: string;
  actor: PersonKey | null;
  threadId: string | null;
  createdAt: string;
  /** When it was marked read one by one; a note older than the state's readAllBefore is read too. */
  readAt: string | null;
  /** Epoch seconds it expires at (dropped when read back). */
  ttl?: number;
}

export interface NoteStateRecord {
  studioId: string;
  person: PersonKey;
  /** Unread notes written after readAllBefore and not marked read (never below 0). */
  unread: number;
  readAllBefore: string | null;
  emailMode: EmailMode;
  /** Projects whose activity the person is not told about (a mention still is). */
  muted: string[];
}

/** One unseen message of a burst, as its email lists it. */
export interface BurstLine {
  seq: number;
  line: string;
}

export interface NoteThreadRecord {
  studioId: string;
  person: PersonKey;
  threadId: string;
  projectId: string | null;
  projectTitle: string | null;
  link: string;
  /** The open (unread) collapsed message note, if any. */
  noteId: string | null;
  /** How many messages the open note stands for. */
  noteCount: number;
  /** The highest message sequence number the person was told of, and the highest they have seen. */
  lastSeq: number;
  seenSeq: number;
  /** The burst waiting for its email: the first lines (at most BURST_LINES) and how many in all. */
  burst: BurstLine[];
  burstCount: number;
  /** When the burst's email is due (its queue entry's time), null when none is queued. */
  mailDueAt: string | null;
  /** Counts writes: notify's put is conditional on the revision it read, so a burst queues one email. */
  rev: number;
}

export interface MailQueueRecord {
  studioId: string;
  person: PersonKey;
  threadId: string;
  dueAt: string;
}

/** How many partitions the pending emails spread over (each a Query of what is due). */
export const MAIL_SHARDS = 4;

const personPartition = (studioId: string, person: PersonKey) => `NOTES#${studioId}#${person}`;

export const keys = {
  state: (studioId: string, person: PersonKey) => ({ PK: personPartition(studioId, person), SK: 'STATE' }),
  note: (studioId: string, person: PersonKey, noteId: string) => ({ PK: personPartition(studioId, person), SK: `NOTE#${noteId}` }),
  notes: (studioId: string, person: PersonKey) => ({ PK: personPartition(studioId, person), SKPrefix: 'NOTE#' }),
  mention: (studioId: string, person: PersonKey, noteId: string) => ({ PK: personPartition(studioId, person), SK: `MENTION#${noteId}` }),
  mentions: (studioId: string, person: PersonKey) => ({ PK: personPartition(studioId, person), SKPrefix: 'MENTION#' }),
  thread: (studioId: string, person: PersonKey, threadId: string) => ({ PK: personPartition(studioId, person), SK: `THREAD#${threadId}` }),
  mailQueue: (shard: number, dueAt: string, studioId: string, person: PersonKey, threadId: string) => ({
    PK: `NOTEMAIL#${shard}`,
    SK: `${dueAt}#${studioId}#${person}#${threadId}`,
  }),
  /** A shard's entries due by `now`: SK < now's ISO time plus a character after every digit. */
  mailDue: (shard: number) => ({ PK: `NOTEMAIL#${shard}` }),
  digestEntry: (day: string, studioId: string, person: PersonKey) => ({ PK: `NOTEDIGEST#${day}`, SK: `${studioId}#${person}` }),
  digestDay: (day: string) => ({ PK: `NOTEDIGEST#${day}` }),
  digestClaim: (studioId: string, person: PersonKey, day: string) => ({ PK: `NOTEDIGESTED#${studioId}#${person}#${day}`, SK: 'CLAIM' }),
  deadlineClaim: (studioId: string, item: string, day: string) => ({ PK: `DEADLINE#${studioId}#${item}#${day}`, SK: 'CLAIM' }),
} as const;

export const records: FeatureRecords = {
  feature: 'notifications',
  rows: [
    {
      record: "A person's notification state (unread count, read-all watermark, email settings)",
      PK: 'NOTES#<studioId>#<person>',
      SK: 'STATE',
    },
    { record: 'Notification (newest first)', PK: 'NOTES#<studioId>#<person>', SK: 'NOTE#<13-digit ms>-<random>', ttl: true },
    { record: 'Mention (the Mentions list, never replaced)', PK: 'NOTES#<studioId>#<person>', SK: 'MENTION#<13-digit ms>-<random>' },
    { record: "A person's thread (collapsed note, seen seq, email burst)", PK: 'NOTES#<studioId>#<person>', SK: 'THREAD#<threadId>' },
    { record: 'Pending burst email', PK: 'NOTEMAIL#<shard 0-3>', SK: '<dueAt ISO>#<studioId>#<person>#<threadId>' },
    { record: 'Digest index (a person in digest mode got a note that day)', PK: 'NOTEDIGEST#<day>', SK: '<studioId>#<person>', ttl: true },
    { record: 'Digest sent (once per person per day)', PK: 'NOTEDIGESTED#<studioId>#<person>#<day>', SK: 'CLAIM', ttl: true },
    { record: 'Deadline told (once per item per day)', PK: 'DEADLINE#<studioId>#<item>#<day>', SK: 'CLAIM', ttl: true },
  ],
  accessPatterns: [
    'The bell: GetItem NOTES#<studioId>#<person>/STATE (the unread count); notify and settings read the recipients’ STATE and THREAD items in one BatchGetItem.',
    'The centre: Query PK=NOTES#<studioId>#<person>, SK begins_with NOTE#, newest first (ScanIndexForward false), paged; Mentions the same on MENTION#.',
    'notify: per recipient one transaction: the note (a message replaces the thread’s open unread note: delete + put), ADD 1 to STATE.unread for a new unread entry, the THREAD item, and for the first unseen message of a burst the queue entry (THREAD on attribute_not_exists(mailDueAt), so a burst queues one).',
    'Mark one read: a transaction sets the note’s readAt (on attribute_not_exists) and takes 1 off STATE.unread (on the note being newer than readAllBefore); mark all read: one UpdateItem of STATE (readAllBefore = now, unread = 0).',
    'markThreadSeen: UpdateItem of THREAD (seenSeq up, the burst lines cleared), then the open note read as above.',
    'Burst emails (every minute): per shard, Query PK=NOTEMAIL#<shard>, SK < now; GetItem of the THREAD; mail when seenSeq < lastSeq; delete the entry and clear THREAD.mailDueAt.',
    'Digest (daily): Query PK=NOTEDIGEST#<yesterday> and <today>, a conditional Put of NOTEDIGESTED#… per person, then the first page of their unread notes.',
    'Deadline near (daily): the review reminder index of deliverables (REMINDER#<day>, today to 2 days ahead) gives the items; a conditional Put of DEADLINE#<studioId>#<item>#<day> before telling them.',
  ],
};
