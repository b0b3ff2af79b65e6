// Every DynamoDB request of the live connections.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import type { PersonKey } from '../people/index.ts';
import { type ConnectionRecord, keys } from './records.ts';

export async function putConnection(record: ConnectionRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.connection(record.connectionId),
        ...keys.connectionIndex(record.studioId, record.person, record.connectionId),
        type: 'connection',
        ...record,
      },
    }),
  );
}

export async function getConnection(connectionId: string): Promise<ConnectionRecord | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.connection(connectionId) }));
  return out.Item ? ({ ...withoutKeys(out.Item), ttl: out.Item.ttl } as ConnectionRecord) : null;
}

export async function deleteConnection(connectionId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.connection(connectionId) }));
}

/** Every open connection of a studio, with whose it is (GSI1: one Query, paged past 1 MB). */
export async function studioConnections(studioId: string): Promise<Array<{ connectionId: string; person: PersonKey }>> {
  const index = keys.studioConnections(studioId);
  const found: Array<{ connectionId: string; person: PersonKey }> = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': index.GSI1PK },
        ProjectionExpression: 'connectionId, person',
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) found.push({ connectionId: item.connectionId as string, person: item.person as PersonKey });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

/** A person's open connections (GSI1; a handful at most: one per open tab). */
export async function connectionsOf(studioId: string, person: PersonKey): Promise<string[]> {
  const index = keys.connectionsOf(studioId, person);
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
        ExpressionAttributeValues: { ':pk': index.GSI1PK, ':sk': index.GSI1SKPrefix },
        ProjectionExpression: 'connectionId',
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) ids.push(item.connectionId as string);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}
