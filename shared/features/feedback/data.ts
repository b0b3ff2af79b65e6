// The feedback feature's DynamoDB requests, keyed only through records.ts.
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, queryPrefix, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import { isOpen } from './domain/rules.ts';
import { type FeedbackRecord, keys, type TaskNote, type TaskRecord } from './records.ts';

export async function putFeedback(f: FeedbackRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.feedback(f.studioId, f.createdAt, f.feedbackId), type: 'feedback', ...f },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function queryFeedback(studioId: string, page: PageRequest): Promise<Page<FeedbackRecord>> {
  const { PK, SKPrefix } = keys.feedbackOfStudio(studioId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((i) => withoutKeys(i) as FeedbackRecord), nextCursor };
}

/** The inbox entry an open task carries (a closed one has none: the index is sparse). */
const inboxOf = (t: TaskRecord) => keys.inboxEntry(t.studioId, t.assignee.userId, t.dueDate, t.createdAt, t.feedbackId);

const asTask = (item: Record<string, unknown>) => withoutKeys(item) as unknown as TaskRecord;

export async function putTask(t: TaskRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.task(t.projectId, t.feedbackId), ...(isOpen(t.state) ? inboxOf(t) : {}), type: 'feedbackTask', ...t },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getTask(projectId: string, feedbackId: string): Promise<TaskRecord | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.task(projectId, feedbackId), ConsistentRead: true }));
  return out.Item ? asTask(out.Item) : null;
}

export async function queryProjectTasks(projectId: string): Promise<TaskRecord[]> {
  const { PK, SKPrefix } = keys.projectTasks(projectId);
  return (await queryPrefix(PK, SKPrefix)).map(asTask);
}

/** Every open task of one assignee (their inbox), soonest due first. */
export async function queryInbox(studioId: string, userId: string): Promise<TaskRecord[]> {
  const { GSI1PK, GSI1SKPrefix } = keys.inbox(studioId, userId);
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
        ExpressionAttributeValues: { ':pk': GSI1PK, ':sk': GSI1SKPrefix },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map(asTask);
}

/**
 * Writes a task's triage fields (never its notes, which another editor may be adding) on condition
 * its revision is still `read`; moves, keeps or drops its inbox entry. Null when the revision moved.
 */
export async function saveTriage(t: TaskRecord, read: number): Promise<TaskRecord | null> {
  const open = isOpen(t.state);
  const inbox = inboxOf(t);
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.task(t.projectId, t.feedbackId),
        UpdateExpression: `SET #state = :state, declineReason = :reason, duplicateOf = :dup, snoozedUntil = :until, assignee = :assignee, dueDate = :due, updatedAt = :at, revision = :next${
          open ? ', GSI1PK = :gpk, GSI1SK = :gsk' : ''
        }${open ? '' : ' REMOVE GSI1PK, GSI1SK'}`,
        ConditionExpression: 'attribute_exists(PK) AND revision = :read',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':state': t.state,
          ':reason': t.declineReason,
          ':dup': t.duplicateOf,
          ':until': t.snoozedUntil,
          ':assignee': t.assignee,
          ':due': t.dueDate,
          ':at': t.updatedAt,
          ':next': read + 1,
          ':read': read,
          ...(open ? { ':gpk': inbox.GSI1PK, ':gsk': inbox.GSI1SK } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return asTask(out.Attributes ?? {});
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}

/** Adds an internal note while the task holds fewer than `room`; null when it is gone or full. */
export async function appendNote(projectId: string, feedbackId: string, note: TaskNote, room: number): Promise<TaskRecord | null> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.task(projectId, feedbackId),
        UpdateExpression: 'SET notes = list_append(notes, :note), updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND size(notes) < :room',
        ExpressionAttributeValues: { ':note': [note], ':at': note.at, ':room': room },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return asTask(out.Attributes ?? {});
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}
