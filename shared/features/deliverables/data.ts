// Deliverables' DynamoDB and S3 requests, keyed only through records.ts. The use cases assemble
// their transactions from the item builders here; every write of a deliverable is conditional on
// the revision it read.
import { DeleteObjectsCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, type TransactItem, transact } from '../../data/transactions.ts';
import type { Preview } from '../previews/index.ts';
import {
  type CommentRecord,
  type DecisionRecord,
  type DeliverableRecord,
  keys,
  type ReviewRequestRecord,
  type VersionRecord,
} from './records.ts';

export type { TransactItem };

/**
 * Writes the use case's items in one transaction (again, when it only collided with one in flight):
 * the cancellation codes when a condition refused it (the caller reads again), or null.
 */
export const writeItems = (items: TransactItem[]): Promise<string[] | null> => transact(items);

const TYPE = {
  deliverable: 'deliverable',
  version: 'deliverableVersion',
  decision: 'deliverableDecision',
  comment: 'deliverableComment',
  request: 'reviewRequest',
  reminder: 'reviewReminder',
  openReview: 'openReview',
} as const;

export interface DeliverableItems {
  deliverable: DeliverableRecord | null;
  versions: VersionRecord[];
  decisions: DecisionRecord[];
  comments: CommentRecord[];
}

async function queryAll(pk: string, prefix: string, consistent: boolean): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': prefix },
        ConsistentRead: consistent,
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** A deliverable and everything of it, in one Query (consistent when a write follows). */
export async function queryDeliverable(projectId: string, deliverableId: string, consistent = false): Promise<DeliverableItems> {
  const { PK, SKPrefix } = keys.deliverableItems(projectId, deliverableId);
  const found: DeliverableItems = { deliverable: null, versions: [], decisions: [], comments: [] };
  for (const item of await queryAll(PK, SKPrefix, consistent)) {
    const record = withoutKeys(item);
    if (item.type === TYPE.deliverable) found.deliverable = record as unknown as DeliverableRecord;
    else if (item.type === TYPE.version) found.versions.push(record as unknown as VersionRecord);
    else if (item.type === TYPE.decision) found.decisions.push(record as unknown as DecisionRecord);
    else if (item.type === TYPE.comment) found.comments.push(record as unknown as CommentRecord);
  }
  found.versions.sort((a, b) => a.version - b.version);
  found.comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return found;
}

/** A project's deliverables, oldest first. */
export async function queryProjectDeliverables(projectId: string): Promise<DeliverableRecord[]> {
  const { PK, SKPrefix } = keys.projectDeliverables(projectId);
  const items = await queryAll(PK, SKPrefix, false);
  return items.filter((i) => i.type === TYPE.deliverable).map((i) => withoutKeys(i) as unknown as DeliverableRecord);
}

// ---------------------------------------------------------------------------------------------
// Transaction items.

/** The deliverable, on condition its revision is still `readRevision` (null: it must be new). */
export const deliverablePut = (d: DeliverableRecord, readRevision: number | null): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.deliverable(d.projectId, d.deliverableId), type: TYPE.deliverable, ...d },
    ...(readRevision === null
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'revision = :read', ExpressionAttributeValues: { ':read': readRevision } }),
  },
});

/** Only the condition: the deliverable is still at `readRevision` (for a write that changes nothing of it). */
export const deliverableUnchanged = (projectId: string, deliverableId: string, readRevision: number): TransactItem => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: keys.deliverable(projectId, deliverableId),
    ConditionExpression: 'revision = :read',
    ExpressionAttributeValues: { ':read': readRevision },
  },
});

export const deliverableDelete = (d: DeliverableRecord, readRevision: number): TransactItem => ({
  Delete: {
    TableName: tableName(),
    Key: keys.deliverable(d.projectId, d.deliverableId),
    ConditionExpression: 'revision = :read',
    ExpressionAttributeValues: { ':read': readRevision },
  },
});

export const versionPut = (v: VersionRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.version(v.projectId, v.deliverableId, v.version), type: TYPE.version, ...v },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** Sets fields of a version (never its status or preview: the pipeline's), on condition it exists. */
export function versionSet(
  v: Pick<VersionRecord, 'projectId' | 'deliverableId' | 'version'>,
  fields: Partial<VersionRecord>,
  condition?: string,
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([k, value], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: keys.version(v.projectId, v.deliverableId, v.version),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: condition ? `attribute_exists(PK) AND ${condition}` : 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A reviewer's decision on a version: written once (a double click finds it there). */
export function decisionPut(d: DecisionRecord): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.decision(d.projectId, d.deliverableId, d.version, d.clientId), type: TYPE.decision, ...d },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Records the decision on the version's summary too, and the round's result when it closes. */
export function versionDecided(
  v: VersionRecord,
  clientId: string,
  decision: DecisionRecord['decision'],
  closing: Pick<VersionRecord, 'result' | 'lockedAt'> | null,
): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.version(v.projectId, v.deliverableId, v.version),
      UpdateExpression: closing ? 'SET decided.#c = :d, #r = :r, lockedAt = :l' : 'SET decided.#c = :d',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(decided.#c)',
      ExpressionAttributeNames: { '#c': clientId, ...(closing && { '#r': 'result' }) },
      ExpressionAttributeValues: { ':d': decision, ...(closing && { ':r': closing.result, ':l': closing.lockedAt }) },
    },
  };
}

/** Only the condition: the version is there and not locked (a comment must not land on an approved version). */
export const versionUnlockedCheck = (v: Pick<VersionRecord, 'projectId' | 'deliverableId' | 'version'>): TransactItem => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: keys.version(v.projectId, v.deliverableId, v.version),
    ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lockedAt) OR lockedAt = :null)',
    ExpressionAttributeValues: { ':null': null },
  },
});

export const commentPut = (c: CommentRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.comment(c.projectId, c.deliverableId, c.version, c.commentId), type: TYPE.comment, ...c },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

export const commentResolved = (c: CommentRecord, resolvedAt: string | null, resolvedBy: string | null): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.comment(c.projectId, c.deliverableId, c.version, c.commentId),
    UpdateExpression: 'SET resolvedAt = :r, resolvedBy = :by',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':r': resolvedAt, ':by': resolvedBy },
  },
});

/** A reviewer's review request, and its reminder entry when it has a due date. */
export function requestPuts(r: ReviewRequestRecord): TransactItem[] {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.reviewRequest(r.projectId, r.deliverableId, r.clientId),
          ...keys.reviewRequestIndex(r.clientId, r.dueDate, r.deliverableId),
          type: TYPE.request,
          ...r,
        },
      },
    },
    { Put: { TableName: tableName(), Item: { ...keys.openReview(r.studioId, r.deliverableId, r.clientId), type: TYPE.openReview, ...r } } },
  ];
  if (r.dueDate)
    items.push({
      Put: {
        TableName: tableName(),
        Item: { ...keys.reminder(r.dueDate, r.studioId, r.projectId, r.deliverableId, r.clientId), type: TYPE.reminder, ...r },
      },
    });
  return items;
}

/** Deletes a reviewer's request and its reminder entry (due on `dueDate`). */
export function requestDeletes(
  r: { studioId: string; projectId: string; deliverableId: string; clientId: string },
  dueDate: string | null,
): TransactItem[] {
  const items: TransactItem[] = [
    { Delete: { TableName: tableName(), Key: keys.reviewRequest(r.projectId, r.deliverableId, r.clientId) } },
    { Delete: { TableName: tableName(), Key: keys.openReview(r.studioId, r.deliverableId, r.clientId) } },
  ];
  if (dueDate)
    items.push({ Delete: { TableName: tableName(), Key: keys.reminder(dueDate, r.studioId, r.projectId, r.deliverableId, r.clientId) } });
  return items;
}

/** Deletes the rest of a deliverable's items (after its own record is gone): versions, decisions, comments. */
export async function deleteItems(projectId: string, deliverableId: string): Promise<void> {
  const { PK, SKPrefix } = keys.deliverableItems(projectId, deliverableId);
  const items = await queryAll(PK, SKPrefix, true);
  for (let i = 0; i < items.length; i += 25) {
    let requests: Record<string, unknown>[] | undefined = items
      .slice(i, i + 25)
      .map((item) => ({ DeleteRequest: { Key: { PK: item.PK, SK: item.SK } } }));
    while (requests?.length) {
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests as never } }));
      requests = out.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The pipeline's writes: a version's status and preview, never anything the API writes.

/** uploading → processing; false when it was no longer uploading. */
export async function markVersionProcessing(v: VersionRecord): Promise<boolean> {
  return conditionalUpdate(v, 'SET #s = :to', '#s = :from', { ':to': 'processing', ':from': 'uploading' });
}

/** The preview made, on condition the version is still there and still processing this very file. */
export async function markVersionReady(v: VersionRecord, preview: Preview): Promise<boolean> {
  return conditionalUpdate(v, 'SET #s = :to, preview = :p, multipartUploadId = :n', '#s = :from AND #file.#key = :key', {
    ':to': 'ready',
    ':from': 'processing',
    ':p': preview,
    ':n': null,
    ':key': v.file.key,
  });
}

export async function markVersionFailed(v: VersionRecord, reason: string): Promise<boolean> {
  return conditionalUpdate(v, 'SET #s = :to, failureReason = :r, multipartUploadId = :n', '#s IN (:u, :p)', {
    ':to': 'failed',
    ':r': reason,
    ':n': null,
    ':u': 'uploading',
    ':p': 'processing',
  });
}

async function conditionalUpdate(v: VersionRecord, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
  const names: Record<string, string> = { '#s': 'status' };
  if (condition.includes('#file')) Object.assign(names, { '#file': 'file', '#key': 'key' });
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.version(v.projectId, v.deliverableId, v.version),
        UpdateExpression: update,
        ConditionExpression: `attribute_exists(PK) AND ${condition}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

export async function getVersionItem(projectId: string, deliverableId: string, version: number): Promise<VersionRecord | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.version(projectId, deliverableId, version), ConsistentRead: true }),
  );
  return out.Item ? (withoutKeys(out.Item) as unknown as VersionRecord) : null;
}

// ---------------------------------------------------------------------------------------------
// Reminders.

/** The reminder entries due on one day. */
export async function queryRemindersDue(day: string): Promise<ReviewRequestRecord[]> {
  const { PK } = keys.remindersDue(day);
  const items: ReviewRequestRecord[] = [];
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
    for (const item of out.Items ?? []) items.push(withoutKeys(item) as unknown as ReviewRequestRecord);
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Claims a reviewer's digest of `day`: false when it was already sent (a rerun, a second timer). */
export async function claimReminder(clientId: string, day: string, ttl: number): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.reminded(clientId, day), type: 'reviewReminded', clientId, day, ttl },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// S3.

/** What the bucket holds under a key: its size and type, or null. */
export async function storedObject(key: string): Promise<{ size: number; contentType: string | null } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
  } catch (e) {
    if (e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey')) return null;
    throw e;
  }
}

/** Deletes every object under the prefixes (a deliverable's uploads and previews). */
export async function deleteObjectsUnder(prefixes: string[]): Promise<void> {
  for (const Prefix of prefixes) {
    let startAfter: string | undefined;
    for (;;) {
      const page = await s3().send(new ListObjectsV2Command({ Bucket: config.bucketName, Prefix, StartAfter: startAfter }));
      const found = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (found.length) await s3().send(new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: found } }));
      if (!page.IsTruncated || !found.length) break;
      startAfter = found[found.length - 1]?.Key;
    }
  }
}

/** The studio's open review requests, one bounded page (the Portal Manager's glance), and whether there were more. */
export async function queryOpenReviews(studioId: string, limit: number): Promise<{ items: ReviewRequestRecord[]; more: boolean }> {
  const { PK, SKPrefix } = keys.studioOpenReviews(studioId);
  const page = await queryPage({ pk: PK, prefix: SKPrefix }, { limit });
  return { items: page.items.map((i) => withoutKeys(i) as unknown as ReviewRequestRecord), more: page.nextCursor !== null };
}
