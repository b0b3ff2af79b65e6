// Projects' DynamoDB requests, keyed only through records.ts.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { type TransactItem, transact } from '../../data/transactions.ts';
import { conflict } from '../../errors.ts';
import type { Page, PageRequest } from '../../paging.ts';
import { type ActivityRecord, keys, type Project, type ProjectSeat } from './records.ts';

export async function getProject(studioId: string, projectId: string): Promise<Project | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.project(studioId, projectId) }));
  return out.Item ? (withoutKeys(out.Item) as Project) : null;
}

export async function getSeat(projectId: string, clientId: string): Promise<ProjectSeat | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.seat(projectId, clientId) }));
  return out.Item ? (withoutKeys(out.Item) as ProjectSeat) : null;
}

export async function queryStudioProjects(studioId: string, page: PageRequest): Promise<Page<Project>> {
  const { PK, SKPrefix } = keys.studioProjects(studioId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((i) => withoutKeys(i) as Project), nextCursor };
}

/** The studio's projects of these ids (a page's worth: one batch of at most 100 keys). */
export async function batchGetProjects(studioId: string, projectIds: string[]): Promise<Project[]> {
  const found: Project[] = [];
  let Keys: Record<string, unknown>[] | undefined = [...new Set(projectIds)].slice(0, 100).map((id) => keys.project(studioId, id));
  while (Keys?.length) {
    const out: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys } } }));
    for (const item of out.Responses?.[tableName()] ?? []) found.push(withoutKeys(item) as Project);
    Keys = out.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return found;
}

/** The newest activity entries of a project. */
export async function queryActivity(projectId: string, limit: number): Promise<ActivityRecord[]> {
  const { PK, SKPrefix } = keys.projectActivity(projectId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => withoutKeys(i) as ActivityRecord);
}

/** An activity entry, as a transaction item: features that write into a project add theirs to their own transaction. */
export const activityPut = (entry: ActivityRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.activity(entry.projectId, entry.at, entry.activityId), type: 'projectActivity', ...entry },
  },
});

const seatPut = (seat: ProjectSeat): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.seat(seat.projectId, seat.clientId), ...keys.seatIndex(seat.clientId, seat.projectId), type: 'projectSeat', ...seat },
  },
});

/**
 * Writes a project with every contact's seat in one transaction, on condition the project's
 * revision is still `readRevision` (null: it must be new), deleting the seats of contacts taken
 * off. Two editors at once: the second is refused 409 `changed` and reloads.
 */
export async function writeProject(
  project: Project,
  {
    seats,
    readRevision,
    removedContactIds = [],
    activity = [],
  }: { seats: ProjectSeat[]; readRevision: number | null; removedContactIds?: string[]; activity?: ActivityRecord[] },
): Promise<void> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.project(project.studioId, project.projectId), type: 'project', ...project },
        ...(readRevision === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'revision = :read', ExpressionAttributeValues: { ':read': readRevision } }),
      },
    },
    ...seats.map(seatPut),
    ...removedContactIds.map((clientId) => ({ Delete: { TableName: tableName(), Key: keys.seat(project.projectId, clientId) } })),
    ...activity.map(activityPut),
  ];
  const refused = await transact(items);
  if (refused) throw conflict('changed', 'This project was changed by someone else a moment ago. Reload it and try again.');
}
