// A conversation thread is one partition, THREAD#<studioId>#<threadId>: its meta item (the sequence
// counter), its messages by sequence number, a short-lived log of its events (so a page catches up
// with "everything after seq N"), each participant's read cursor, and pending attachments.
import type { FeatureRecords } from '../../data/records.ts';
import type { PersonKey } from '../people/index.ts';

export interface AttachmentRecord {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** objects.messageAttachment(…) */
  key: string;
}

export interface MessageRecord {
  studioId: string;
  threadId: string;
  /** The thread's sequence number of its creation: the message's id in the thread. */
  seq: number;
  author: PersonKey;
  authorName: string;
  text: string;
  mentions: PersonKey[];
  attachments: AttachmentRecord[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** The last event that touched it (creation, edit, deletion). */
  lastSeq: number;
}

export type EventKind = 'message' | 'edited' | 'deleted' | 'seen';

export interface EventRecord {
  seq: number;
  kind: EventKind;
  /** The message it is about (for 'seen', null). */
  messageSeq: number | null;
  person: PersonKey;
  at: string;
  ttl: number;
}

export interface CursorRecord {
  person: PersonKey;
  /** The highest sequence number the person had on screen. */
  seq: number;
  at: string;
}

/** An uploaded file waiting for the message that carries it (expires if never sent). */
export interface PendingAttachmentRecord extends AttachmentRecord {
  uploader: PersonKey;
  createdAt: string;
  ttl: number;
}

const seq12 = (n: number) => String(n).padStart(12, '0');
const partition = (studioId: string, threadId: string) => `THREAD#${studioId}#${threadId}`;

export const keys = {
  meta: (studioId: string, threadId: string) => ({ PK: partition(studioId, threadId), SK: 'META' }),
  message: (studioId: string, threadId: string, seq: number) => ({ PK: partition(studioId, threadId), SK: `MSG#${seq12(seq)}` }),
  /** Messages before `seq` (newest first, a page). */
  messagesBefore: (studioId: string, threadId: string, seq: number | null) => ({
    PK: partition(studioId, threadId),
    SKFrom: 'MSG#',
    SKTo: seq === null ? 'MSG$' : `MSG#${seq12(seq - 1)}`,
  }),
  event: (studioId: string, threadId: string, seq: number) => ({ PK: partition(studioId, threadId), SK: `EVT#${seq12(seq)}` }),
  /** Events after `seq` (oldest first). */
  eventsAfter: (studioId: string, threadId: string, seq: number) => ({
    PK: partition(studioId, threadId),
    SKFrom: `EVT#${seq12(seq + 1)}`,
    SKTo: 'EVT$',
  }),
  cursor: (studioId: string, threadId: string, person: PersonKey) => ({ PK: partition(studioId, threadId), SK: `SEEN#${person}` }),
  cursors: (studioId: string, threadId: string) => ({ PK: partition(studioId, threadId), SKPrefix: 'SEEN#' }),
  attachment: (studioId: string, threadId: string, attachmentId: string) => ({
    PK: partition(studioId, threadId),
    SK: `ATT#${attachmentId}`,
  }),
} as const;

export const records: FeatureRecords = {
  feature: 'conversations',
  rows: [
    { record: 'Thread meta (the sequence counter)', PK: 'THREAD#<studioId>#<threadId>', SK: 'META' },
    { record: 'Message', PK: 'THREAD#<studioId>#<threadId>', SK: 'MSG#<12-digit seq>' },
    { record: 'Thread event (7 days)', PK: 'THREAD#<studioId>#<threadId>', SK: 'EVT#<12-digit seq>', ttl: true },
    { record: 'Read cursor', PK: 'THREAD#<studioId>#<threadId>', SK: 'SEEN#<user:sub | client:clientId>' },
    { record: 'Pending message attachment (1 day)', PK: 'THREAD#<studioId>#<threadId>', SK: 'ATT#<attachmentId>', ttl: true },
  ],
  accessPatterns: [
    'A thread event (send, edit, delete, seen) takes the next sequence number: UpdateItem ADD seq 1 on META, UPDATED_NEW; then one transaction writes the message (or changes it, on condition of its author and state) and the event EVT#<seq>. A write that fails after the increment leaves a gap nobody waits for.',
    'The newest page (listStudioThread/listClientThread without a cursor): first GetItem META (the counter) and Query SK > EVT#<counter-50> Limit 50 (how far the numbers run without a young hole), with Query begins_with SEEN# (the cursors, one per participant); then Query the MSG# range ScanIndexForward=false Limit 30. Older pages (`before=<seq>`): Query SK BETWEEN MSG# AND MSG#<before-1>, newest first, Limit 30.',
    'Catch-up (`after=<seq>`): Query SK BETWEEN EVT#<seq+1> AND EVT$, Limit 200, then one BatchGetItem of the messages those events touched, with Query begins_with SEEN#; the answer’s lastSeq runs through numbers in a row (past a hole once the event after it is 10 s old).',
    'Read receipt (markSeen): UpdateItem SEEN#<person> on condition it is absent or lower (never backwards).',
    'Attachment: PutItem ATT#<attachmentId> with its upload ticket; the send GetItems it (the uploader must be the sender), holds the object to its ticket (HeadObject) and deletes it in the message transaction.',
  ],
};
