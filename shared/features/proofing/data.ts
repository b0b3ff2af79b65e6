// Proofing's DynamoDB requests: a client's selection state, picks, favourites, comments,
// submissions and activity in the gallery's partition, keyed only through galleries' key builders.
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { cancellationCodes, conditionFailed } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import { keys, type SelectionState, type SubmissionRecord, uncountPickWrite } from '../galleries/index.ts';
import type { CommentRecord, CommentRef } from './records.ts';

/** Counts one view or download of the gallery by this client (the studio's activity page). */
export async function recordActivity(galleryId: string, clientId: string, kind: 'view' | 'download'): Promise<void> {
  const counter = kind === 'view' ? 'views' : 'downloads';
  const at = kind === 'view' ? 'lastViewAt' : 'lastDownloadAt';
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.activity(galleryId, clientId),
      UpdateExpression: 'ADD #counter :one SET #at = :now, clientId = :client',
      ExpressionAttributeNames: { '#counter': counter, '#at': at },
      ExpressionAttributeValues: { ':one': 1, ':now': new Date().toISOString(), ':client': clientId },
    }),
  );
}

/** The client's selection state, read consistently: the count decides what a select may do. */
export async function getSelection(galleryId: string, clientId: string): Promise<SelectionState | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.selection(galleryId, clientId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  return { clientId, count: out.Item.count ?? 0, confirmedAt: out.Item.confirmedAt ?? null, submissionId: out.Item.submissionId ?? null };
}

export async function putFavourite(galleryId: string, clientId: string, imageId: string): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.favourite(galleryId, clientId, imageId), type: 'favourite', imageId, clientId },
    }),
  );
}

export async function deleteFavourite(galleryId: string, clientId: string, imageId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.favourite(galleryId, clientId, imageId) }));
}

/**
 * Which condition of a select's or an unselect's transaction failed: the selection record's (confirmed,
 * full, or nothing to unselect) or the pick's (already in the asked-for state). `cause` is the refusal
 * itself, for the caller to rethrow when neither explains it.
 */
export interface PickRefused {
  selectionFailed: boolean;
  pickFailed: boolean;
  cause: unknown;
}

/**
 * Creates the pick and counts it on the selection record in one transaction, on condition the set is
 * not confirmed and the count is below `max` (none when null), so concurrent selects cannot pass the
 * maximum, and the pick is new, so the count cannot drift from the picks. Null when it was written.
 */
export async function addPick(galleryId: string, clientId: string, imageId: string, max: number | null): Promise<PickRefused | null> {
  return pickTransaction([
    {
      Update: {
        TableName: tableName(),
        Key: keys.selection(galleryId, clientId),
        UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one, clientId = :client',
        ConditionExpression: `attribute_not_exists(confirmedAt)${max === null ? '' : ' AND (attribute_not_exists(#count) OR #count < :max)'}`,
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':one': 1,
          ':client': clientId,
          ...(max === null ? {} : { ':max': max }),
        },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.pick(galleryId, clientId, imageId), type: 'pick', imageId, clientId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
}

/** The mirror of addPick: deletes the pick and uncounts it, on condition the set is not confirmed and the pick exists. */
export async function removePick(galleryId: string, clientId: string, imageId: string): Promise<PickRefused | null> {
  return pickTransaction([
    uncountPickWrite(galleryId, clientId),
    { Delete: { TableName: tableName(), Key: keys.pick(galleryId, clientId, imageId), ConditionExpression: 'attribute_exists(PK)' } },
  ]);
}

/** The selection record's update first, the pick's write second: the order the cancellation codes follow. */
async function pickTransaction(TransactItems: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<PickRefused | null> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems }));
    return null;
  } catch (e) {
    // A collision with another write in flight is no answer: it goes up as a retryable error.
    if (!conditionFailed(e)) throw e;
    const [selectionCode, pickCode] = cancellationCodes(e) ?? [];
    return { selectionFailed: selectionCode === 'ConditionalCheckFailed', pickFailed: pickCode === 'ConditionalCheckFailed', cause: e };
  }
}

/** A page of an image's comments, oldest first (the sort key holds the time). */
export async function queryComments(galleryId: string, imageId: string, page: PageRequest): Promise<Page<CommentRecord>> {
  const { PK, SKPrefix } = keys.commentsOfImage(galleryId, imageId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((i) => withoutKeys(i) as CommentRecord), nextCursor };
}

/**
 * The comment and its image's count up by one, in one transaction: the gallery's view shows the
 * count without reading comments, and a count that moves only with its comment cannot drift. The
 * comment is conditional on a new key (an id is never reused), the count on the image existing (a
 * comment on an image removed meanwhile is refused, not left behind). A thread's root is written
 * with its pointer (replies and resolves find it by id). False when a condition failed.
 */
export async function putComment(galleryId: string, comment: CommentRecord): Promise<boolean> {
  const root = !comment.parentId;
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.comment(galleryId, comment.imageId, comment.createdAt, comment.commentId), type: 'comment', ...comment },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: keys.image(galleryId, comment.imageId),
        UpdateExpression: 'ADD commentCount :one',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ];
  if (root) {
    const ref: CommentRef = { commentId: comment.commentId, imageId: comment.imageId, createdAt: comment.createdAt };
    items.push({
      Put: {
        TableName: tableName(),
        Item: { ...keys.commentRef(galleryId, comment.commentId), type: 'commentRef', ...ref },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

/** A thread's root comment by its id (through its pointer), or null. */
export async function getRootComment(galleryId: string, commentId: string): Promise<CommentRecord | null> {
  const ref = await db().send(new GetCommand({ TableName: tableName(), Key: keys.commentRef(galleryId, commentId) }));
  if (!ref.Item) return null;
  const { imageId, createdAt } = ref.Item as CommentRef;
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.comment(galleryId, imageId, createdAt, commentId) }));
  return out.Item ? (withoutKeys(out.Item) as CommentRecord) : null;
}

/** Resolves (or reopens, with nulls) a thread's root comment; false when it is gone. */
export async function setCommentResolved(
  galleryId: string,
  root: CommentRecord,
  resolvedAt: string | null,
  resolvedBy: string | null,
): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.comment(galleryId, root.imageId, root.createdAt, root.commentId),
        UpdateExpression: 'SET resolvedAt = :at, resolvedBy = :by',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': resolvedAt, ':by': resolvedBy },
      }),
    );
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}

/** A page of a gallery's comments, by image then time (the studio's view). */
export async function queryGalleryComments(galleryId: string, page: PageRequest): Promise<Page<CommentRecord>> {
  const { PK, SKPrefix } = keys.commentsOfGallery(galleryId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((i) => withoutKeys(i) as CommentRecord), nextCursor };
}

/** A page of a gallery's confirmed selections, in key order. */
export async function querySubmissions(galleryId: string, page: PageRequest): Promise<Page<SubmissionRecord>> {
  const { PK, SKPrefix } = keys.submissionsOf(galleryId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix, consistent: true }, page);
  return { items: items.map((i) => withoutKeys(i) as SubmissionRecord), nextCursor };
}

export async function getSubmission(galleryId: string, submissionId: string): Promise<SubmissionRecord | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.submission(galleryId, submissionId), ConsistentRead: true }),
  );
  return out.Item ? (withoutKeys(out.Item) as SubmissionRecord) : null;
}

/**
 * Marks the selection confirmed and writes its submission in one transaction, on condition the set
 * is not confirmed yet and its count is still `submission.count` (the picks were read with it), so a
 * select racing the confirmation either lands before it or is refused after it. False when a
 * condition failed: the selection changed meanwhile.
 */
export async function confirmSelectionWrite(submission: SubmissionRecord): Promise<boolean> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.selection(submission.galleryId, submission.clientId),
              UpdateExpression: 'SET confirmedAt = :at, submissionId = :id',
              ConditionExpression: 'attribute_not_exists(confirmedAt) AND #count = :count',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':at': submission.confirmedAt, ':id': submission.submissionId, ':count': submission.count },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.submission(submission.galleryId, submission.submissionId), type: 'submission', ...submission },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    return true;
  } catch (e) {
    if (conditionFailed(e)) return false;
    throw e;
  }
}
