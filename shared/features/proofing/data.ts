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
import { db, queryPrefix, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { cancellationCodes, conditionFailed } from '../../data/transactions.ts';
import { keys, type SelectionState, type SubmissionRecord, uncountPickWrite } from '../galleries/index.ts';
import type { CommentRecord } from './records.ts';

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

export async function queryComments(galleryId: string, imageId: string): Promise<CommentRecord[]> {
  const { PK, SKPrefix } = keys.commentsOfImage(galleryId, imageId);
  return (await queryPrefix(PK, SKPrefix)).map((i) => withoutKeys(i) as CommentRecord);
}

/** Conditional on a new key: a comment id is never reused, so nothing is overwritten. */
export async function putComment(galleryId: string, comment: CommentRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.comment(galleryId, comment.imageId, comment.createdAt, comment.commentId), type: 'comment', ...comment },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
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
