// Conversations' DynamoDB and S3 requests, keyed only through records.ts (and projects' seat index).
import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, type TransactItem, transact } from '../../data/transactions.ts';
import type { PersonKey } from '../people/index.ts';
import { keys as projectKeys } from '../projects/index.ts';
import { type CursorRecord, type EventKind, type EventRecord, keys, type MessageRecord, type PendingAttachmentRecord } from './records.ts';

/** Thread events are kept a week: a page away longer reloads the thread instead of catching up. */
const EVENT_TTL_SECONDS = 7 * 86_400;
const ATTACHMENT_TTL_SECONDS = 86_400;

const epoch = () => Math.floor(Date.now() / 1000);

/** The thread's next sequence number (the counter starts at 1). */
export async function nextSeq(studioId: string, threadId: string): Promise<number> {
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.meta(studioId, threadId),
      UpdateExpression: 'ADD seq :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.seq);
}

export async function lastSeqOf(studioId: string, threadId: string): Promise<number> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.meta(studioId, threadId), ConsistentRead: true }));
  return Number(out.Item?.seq ?? 0);
}

const eventPut = (studioId: string, threadId: string, e: Omit<EventRecord, 'ttl'>): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.event(studioId, threadId, e.seq), type: 'threadEvent', ...e, ttl: epoch() + EVENT_TTL_SECONDS },
  },
});

/** A new message and its event, with the attachments it takes out of pending: one transaction. False when an attachment went meanwhile. */
export async function putMessage(m: MessageRecord, attachmentIds: string[]): Promise<boolean> {
  const refused = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.message(m.studioId, m.threadId, m.seq), type: 'message', ...m },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    eventPut(m.studioId, m.threadId, { seq: m.seq, kind: 'message', messageSeq: m.seq, person: m.author, at: m.createdAt }),
    ...attachmentIds.map((id) => ({
      Delete: {
        TableName: tableName(),
        Key: keys.attachment(m.studioId, m.threadId, id),
        ConditionExpression: 'attribute_exists(PK) AND uploader = :me',
        ExpressionAttributeValues: { ':me': m.author },
      },
    })),
  ]);
  return refused === null;
}

/**
 * A message's edit or deletion at event `seq`, on condition it is still as read (not deleted, and
 * for an edit still the same author's): one transaction with its event. False when refused.
 */
export async function changeMessage(
  m: MessageRecord,
  change: { kind: Extract<EventKind, 'edited' | 'deleted'>; seq: number; by: PersonKey; at: string; text?: string; mentions?: PersonKey[] },
): Promise<boolean> {
  const update =
    change.kind === 'edited'
      ? {
          UpdateExpression: 'SET #text = :text, mentions = :mentions, editedAt = :at, lastSeq = :seq',
          ExpressionAttributeValues: { ':text': change.text, ':mentions': change.mentions ?? [], ':at': change.at, ':seq': change.seq },
        }
      : {
          UpdateExpression: 'SET #text = :empty, mentions = :none, attachments = :none, deletedAt = :at, lastSeq = :seq',
          ExpressionAttributeValues: { ':empty': '', ':none': [], ':at': change.at, ':seq': change.seq },
        };
  const refused = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.message(m.studioId, m.threadId, m.seq),
        ...update,
        ConditionExpression: 'attribute_exists(PK) AND attribute_type(deletedAt, :null) AND lastSeq < :seq',
        ExpressionAttributeNames: { '#text': 'text' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':null': 'NULL' },
      },
    },
    eventPut(m.studioId, m.threadId, { seq: change.seq, kind: change.kind, messageSeq: m.seq, person: change.by, at: change.at }),
  ]);
  return refused === null;
}

export async function getMessage(studioId: string, threadId: string, seq: number): Promise<MessageRecord | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.message(studioId, threadId, seq), ConsistentRead: true }));
  return out.Item ? (withoutKeys(out.Item) as unknown as MessageRecord) : null;
}

/** One page of messages before `before` (or the newest), newest first; and whether older ones remain. */
export async function queryMessagesBefore(
  studioId: string,
  threadId: string,
  before: number | null,
  limit: number,
): Promise<{ messages: MessageRecord[]; older: boolean }> {
  const { PK, SKFrom, SKTo } = keys.messagesBefore(studioId, threadId, before);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': PK, ':from': SKFrom, ':to': SKTo },
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  const messages = (out.Items ?? []).map((i) => withoutKeys(i) as unknown as MessageRecord);
  return { messages, older: out.LastEvaluatedKey !== undefined };
}

/** The events after `after`, oldest first, at most `limit`. */
export async function queryEventsAfter(studioId: string, threadId: string, after: number, limit: number) {
  const { PK, SKFrom, SKTo } = keys.eventsAfter(studioId, threadId, after);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': PK, ':from': SKFrom, ':to': SKTo },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  const events = (out.Items ?? []).map((i) => withoutKeys(i) as unknown as EventRecord);
  return { events, more: out.LastEvaluatedKey !== undefined };
}

export async function batchGetMessages(studioId: string, threadId: string, seqs: number[]): Promise<MessageRecord[]> {
  const found: MessageRecord[] = [];
  for (let i = 0; i < seqs.length; i += 100) {
    let Keys: Record<string, unknown>[] | undefined = seqs.slice(i, i + 100).map((s) => keys.message(studioId, threadId, s));
    while (Keys?.length) {
      const out = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys, ConsistentRead: true } } }));
      for (const item of out.Responses?.[tableName()] ?? []) found.push(withoutKeys(item) as unknown as MessageRecord);
      Keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found.sort((a, b) => a.seq - b.seq);
}

export async function queryCursors(studioId: string, threadId: string): Promise<CursorRecord[]> {
  const { PK, SKPrefix } = keys.cursors(studioId, threadId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => withoutKeys(i) as unknown as CursorRecord);
}

/** Moves a read cursor forward to `seq`; false when it was already there or further. */
export async function advanceCursor(studioId: string, threadId: string, cursor: CursorRecord): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.cursor(studioId, threadId, cursor.person),
        UpdateExpression: 'SET seq = :seq, #at = :at, person = :person, #type = :type',
        ConditionExpression: 'attribute_not_exists(seq) OR seq < :seq',
        ExpressionAttributeNames: { '#at': 'at', '#type': 'type' },
        ExpressionAttributeValues: { ':seq': cursor.seq, ':at': cursor.at, ':person': cursor.person, ':type': 'readCursor' },
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

/** The 'seen' event of a cursor's move (best effort: a missing one is a gap nobody waits for). */
export async function putSeenEvent(studioId: string, threadId: string, seq: number, person: PersonKey, at: string): Promise<void> {
  const put = eventPut(studioId, threadId, { seq, kind: 'seen', messageSeq: null, person, at }).Put;
  if (put) await db().send(new PutCommand(put));
}

export async function putPendingAttachment(studioId: string, threadId: string, a: Omit<PendingAttachmentRecord, 'ttl'>): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.attachment(studioId, threadId, a.attachmentId),
        type: 'pendingAttachment',
        ...a,
        ttl: epoch() + ATTACHMENT_TTL_SECONDS,
      },
    }),
  );
}

export async function getPendingAttachment(
  studioId: string,
  threadId: string,
  attachmentId: string,
): Promise<PendingAttachmentRecord | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.attachment(studioId, threadId, attachmentId), ConsistentRead: true }),
  );
  return out.Item ? (withoutKeys(out.Item) as unknown as PendingAttachmentRecord) : null;
}

/** The projects a client holds a seat on (their GSI1 partition's PROJECT# items). */
export async function seatedProjectIds(clientId: string): Promise<string[]> {
  const { GSI1PK } = projectKeys.clientIndex(clientId);
  const { GSI1SK: prefix } = projectKeys.seatIndex(clientId, '');
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
        ExpressionAttributeValues: { ':pk': GSI1PK, ':sk': prefix },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) if (typeof item.GSI1SK === 'string') ids.push(item.GSI1SK.slice(prefix.length));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}

export async function deleteObjects(objectKeys: string[]): Promise<void> {
  if (!objectKeys.length) return;
  await s3().send(
    new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: objectKeys.map((Key) => ({ Key })), Quiet: true } }),
  );
}
