// Notifications' DynamoDB requests, keyed only through records.ts. notify assembles one
// transaction per recipient from the item builders here.

import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, queryPage, tableName } from '../../data/db.ts';
import { objects } from '../../data/objects.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, type TransactItem, transact } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import type { PersonKey } from '../people/index.ts';
import type { EmailMode } from './constants.ts';
import { keys, type MailQueueRecord, type NoteRecord, type NoteStateRecord, type NoteThreadRecord } from './records.ts';

export type { TransactItem };
export const writeItems = (items: TransactItem[]): Promise<string[] | null> => transact(items);

const TYPE = {
  state: 'noteState',
  note: 'note',
  mention: 'mentionNote',
  thread: 'noteThread',
  mail: 'noteMail',
  digest: 'noteDigest',
  claim: 'noteClaim',
} as const;

export const defaultState = (studioId: string, person: PersonKey): NoteStateRecord => ({
  studioId,
  person,
  unread: 0,
  readAllBefore: null,
  emailMode: 'every',
  muted: [],
});

const asState = (studioId: string, person: PersonKey, item: Record<string, unknown> | undefined): NoteStateRecord =>
  item ? { ...defaultState(studioId, person), ...(withoutKeys(item) as Partial<NoteStateRecord>) } : defaultState(studioId, person);

export async function getState(studioId: string, person: PersonKey): Promise<NoteStateRecord> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.state(studioId, person) }));
  return asState(studioId, person, out.Item);
}

/** The recipients' states (and, for a thread, their thread items): BatchGetItem, 100 keys a request. */
export async function getRecipientStates(
  studioId: string,
  persons: readonly PersonKey[],
  threadId: string | null,
): Promise<Map<PersonKey, { state: NoteStateRecord; thread: NoteThreadRecord | null }>> {
  const wanted = persons.flatMap((p) => [keys.state(studioId, p), ...(threadId ? [keys.thread(studioId, p, threadId)] : [])]);
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < wanted.length; i += 100) {
    let Keys: Record<string, unknown>[] | undefined = wanted.slice(i, i + 100);
    while (Keys?.length) {
      const out = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys } } }));
      for (const item of out.Responses?.[tableName()] ?? []) found.set(`${item.PK}|${item.SK}`, item);
      Keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  const at = (k: { PK: string; SK: string }) => found.get(`${k.PK}|${k.SK}`);
  return new Map(
    persons.map((p) => {
      const thread = threadId ? at(keys.thread(studioId, p, threadId)) : undefined;
      return [
        p,
        {
          state: asState(studioId, p, at(keys.state(studioId, p))),
          thread: thread ? (withoutKeys(thread) as unknown as NoteThreadRecord) : null,
        },
      ];
    }),
  );
}

export async function getThread(studioId: string, person: PersonKey, threadId: string): Promise<NoteThreadRecord | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.thread(studioId, person, threadId), ConsistentRead: true }),
  );
  return out.Item ? (withoutKeys(out.Item) as NoteThreadRecord) : null;
}

export async function getNote(studioId: string, person: PersonKey, noteId: string): Promise<NoteRecord | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.note(studioId, person, noteId) }));
  return out.Item ? (withoutKeys(out.Item) as NoteRecord) : null;
}

// ---------------------------------------------------------------------------------------------
// Item builders for notify's transactions.

export const notePut = (note: NoteRecord): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...keys.note(note.studioId, note.person, note.noteId), type: TYPE.note, ...note } },
});

export const mentionPut = (note: NoteRecord): TransactItem => {
  const { ttl: _ttl, ...kept } = note;
  return {
    Put: { TableName: tableName(), Item: { ...keys.mention(note.studioId, note.person, note.noteId), type: TYPE.mention, ...kept } },
  };
};

/** Replaces the thread's open note: only while it is still unread (else the caller starts a new one). */
export const openNoteDelete = (studioId: string, person: PersonKey, noteId: string): TransactItem => ({
  Delete: {
    TableName: tableName(),
    Key: keys.note(studioId, person, noteId),
    // readAt is stored as null until read.
    ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(readAt) OR readAt = :null)',
    ExpressionAttributeValues: { ':null': null },
  },
});

/** Adds `by` to the unread count (the state item is created on first use, with default settings). */
export const unreadAdd = (studioId: string, person: PersonKey, by: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.state(studioId, person),
    UpdateExpression:
      'ADD unread :by SET #type = :type, studioId = :s, person = :p, emailMode = if_not_exists(emailMode, :mode), muted = if_not_exists(muted, :none)',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':by': by, ':type': TYPE.state, ':s': studioId, ':p': person, ':mode': 'every', ':none': [] },
  },
});

/** The thread item as notify leaves it, on condition it is the one read (its revision). */
export const threadPut = (thread: NoteThreadRecord, read: NoteThreadRecord | null): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.thread(thread.studioId, thread.person, thread.threadId), type: TYPE.thread, ...thread },
    ...(read
      ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': read.rev } }
      : { ConditionExpression: 'attribute_not_exists(PK)' }),
  },
});

export const mailQueuePut = (shard: number, entry: MailQueueRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.mailQueue(shard, entry.dueAt, entry.studioId, entry.person, entry.threadId), type: TYPE.mail, shard, ...entry },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

export const digestPut = (day: string, studioId: string, person: PersonKey, ttl: number): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...keys.digestEntry(day, studioId, person), type: TYPE.digest, studioId, person, day, ttl } },
});

// ---------------------------------------------------------------------------------------------
// Reading and marking.

export async function queryNotes(studioId: string, person: PersonKey, page: PageRequest): Promise<Page<NoteRecord>> {
  const { PK, SKPrefix } = keys.notes(studioId, person);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix, descending: true }, page);
  return { items: items.map((i) => withoutKeys(i) as NoteRecord), nextCursor };
}

export async function queryMentions(studioId: string, person: PersonKey, page: PageRequest): Promise<Page<NoteRecord>> {
  const { PK, SKPrefix } = keys.mentions(studioId, person);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix, descending: true }, page);
  return { items: items.map((i) => withoutKeys(i) as NoteRecord), nextCursor };
}

/**
 * Marks one note read: its readAt (and its Mentions copy's), and 1 off the unread count unless the
 * read-all watermark already covered it. False when it was read already.
 */
export async function markNoteRead(note: NoteRecord, now: string): Promise<boolean> {
  const setRead = (key: { PK: string; SK: string }, condition: boolean): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET readAt = :now',
      ...(condition
        ? {
            ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(readAt) OR readAt = :null)',
            ExpressionAttributeValues: { ':now': now, ':null': null },
          }
        : { ExpressionAttributeValues: { ':now': now } }),
    },
  });
  const marks = [
    setRead(keys.note(note.studioId, note.person, note.noteId), true),
    ...(note.kind === 'mention' ? [setRead(keys.mention(note.studioId, note.person, note.noteId), false)] : []),
  ];
  const counted: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.state(note.studioId, note.person),
      UpdateExpression: 'ADD unread :minus',
      ConditionExpression: 'unread > :zero AND (attribute_not_exists(readAllBefore) OR readAllBefore = :null OR readAllBefore <= :at)',
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0, ':null': null, ':at': note.createdAt },
    },
  };
  const codes = await transact([...marks, counted]);
  if (!codes) return true;
  if (codes[0] === 'ConditionalCheckFailed') return false;
  // The count had already let it go (read-all, or a count at 0): the note alone.
  return (await transact(marks)) === null;
}

/** Read all: the watermark and a count of 0, one UpdateItem whatever the number of notes. */
export async function markAllRead(studioId: string, person: PersonKey, now: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.state(studioId, person),
      UpdateExpression:
        'SET readAllBefore = :now, unread = :zero, #type = :type, studioId = :s, person = :p, emailMode = if_not_exists(emailMode, :mode), muted = if_not_exists(muted, :none)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':now': now,
        ':zero': 0,
        ':type': TYPE.state,
        ':s': studioId,
        ':p': person,
        ':mode': 'every',
        ':none': [],
      },
    }),
  );
}

export async function putSettings(studioId: string, person: PersonKey, emailMode: EmailMode, muted: string[]): Promise<NoteStateRecord> {
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.state(studioId, person),
      UpdateExpression:
        'SET emailMode = :mode, muted = :muted, #type = :type, studioId = :s, person = :p, unread = if_not_exists(unread, :zero)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':mode': emailMode, ':muted': muted, ':type': TYPE.state, ':s': studioId, ':p': person, ':zero': 0 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return asState(studioId, person, out.Attributes);
}

/**
 * The person saw the thread up to `seq`: seenSeq rises, the burst's lines go (its email, if still
 * queued, finds nothing unseen unless more came), and the open note is handed back to be marked
 * read when nothing newer is unseen. Null when there was nothing to raise.
 */
export async function raiseSeen(studioId: string, person: PersonKey, threadId: string, seq: number): Promise<NoteThreadRecord | null> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.thread(studioId, person, threadId),
        UpdateExpression: 'SET seenSeq = :seq, burst = :none, burstCount = :zero ADD rev :one',
        ConditionExpression: 'attribute_exists(PK) AND seenSeq < :seq',
        ExpressionAttributeValues: { ':seq': seq, ':none': [], ':zero': 0, ':one': 1 },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return out.Attributes ? (withoutKeys(out.Attributes) as NoteThreadRecord) : null;
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}

/** Forgets the thread's open note once it is read (on condition it is still that note). */
export async function closeThreadNote(studioId: string, person: PersonKey, threadId: string, noteId: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.thread(studioId, person, threadId),
        UpdateExpression: 'SET noteId = :null ADD rev :one',
        ConditionExpression: 'noteId = :id',
        ExpressionAttributeValues: { ':null': null, ':id': noteId, ':one': 1 },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The jobs.

/** A shard's queue entries due by `nowIso` (their sort keys start with the due time). */
export async function queryMailDue(shard: number, nowIso: string): Promise<Array<MailQueueRecord & { shard: number }>> {
  const { PK } = keys.mailDue(shard);
  const items: Array<MailQueueRecord & { shard: number }> = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK <= :now',
        ExpressionAttributeValues: { ':pk': PK, ':now': `${nowIso}~` },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) items.push(withoutKeys(item) as unknown as MailQueueRecord & { shard: number });
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Ends a burst: its queue entry goes, and the thread may queue the next (on condition it is this burst). */
export async function endBurst(entry: MailQueueRecord & { shard: number }): Promise<void> {
  await transact([
    { Delete: { TableName: tableName(), Key: keys.mailQueue(entry.shard, entry.dueAt, entry.studioId, entry.person, entry.threadId) } },
  ]);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.thread(entry.studioId, entry.person, entry.threadId),
        UpdateExpression: 'SET mailDueAt = :null, burst = :none, burstCount = :zero ADD rev :one',
        ConditionExpression: 'mailDueAt = :due',
        ExpressionAttributeValues: { ':null': null, ':none': [], ':zero': 0, ':due': entry.dueAt, ':one': 1 },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

export async function queryDigestDay(day: string): Promise<Array<{ studioId: string; person: PersonKey }>> {
  const { PK } = keys.digestDay(day);
  const items: Array<{ studioId: string; person: PersonKey }> = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': PK },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) items.push({ studioId: item.studioId as string, person: item.person as PersonKey });
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** A once-only claim (a digest of a day, a deadline of a day): false when it was made before. */
export async function claimOnce(key: { PK: string; SK: string }, ttl: number): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({ TableName: tableName(), Item: { ...key, type: TYPE.claim, ttl }, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

export const digestClaimKey = keys.digestClaim;
export const deadlineClaimKey = keys.deadlineClaim;

export async function deleteItem(key: { PK: string; SK: string }): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: key }));
}

// Notes delivered off the request path: `notifyLater` stores the NoteInput as a small object under
// jobs/notify/, whose object event (deliverNotes) runs `notify` in its own Lambda, as the ZIP worker
// runs. A burst of messages in a crowded thread is answered at once; the notes (one transaction per
// recipient, each recipient's thread item taking them one after another) land a moment later.

/** A stored job: what `notify` takes, with its `now` as text. */
export type NotifyJob = Record<string, unknown> & { now: string };

export async function putNotifyJob(job: NotifyJob): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: config.bucketName,
      Key: objects.notifyJob(randomUUID()),
      Body: JSON.stringify(job),
      ContentType: 'application/json',
    }),
  );
}

/** The stored input, or null when the object is gone (already delivered). */
export async function readNotifyJob(key: string): Promise<NotifyJob | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    return JSON.parse((await out.Body?.transformToString()) ?? 'null') as NotifyJob | null;
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchKey') return null;
    throw e;
  }
}

export async function deleteNotifyJob(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config.bucketName, Key: key }));
}
