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

type OpenConnection = { connectionId: string; person: PersonKey };

/** Open connections on GSI1 under LIVE#<studioId>, all of them or one person's (paged past 1 MB). */
async function queryConnections(studioId: string, person?: PersonKey): Promise<OpenConnection[]> {
  const pk = keys.studioConnections(studioId).GSI1PK;
  const prefix = person ? keys.connectionsOf(studioId, person).GSI1SKPrefix : undefined;
  const found: OpenConnection[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: prefix ? 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)' : 'GSI1PK = :pk',
        ExpressionAttributeValues: prefix ? { ':pk': pk, ':sk': prefix } : { ':pk': pk },
        ProjectionExpression: 'connectionId, person',
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) found.push({ connectionId: item.connectionId as string, person: item.person as PersonKey });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

/** Every open connection of a studio, with whose it is: one Query, whatever the number of recipients. */
export const studioConnections = (studioId: string): Promise<OpenConnection[]> => queryConnections(studioId);

/** A person's open connections (a handful at most: one per open tab). */
export async function connectionsOf(studioId: string, person: PersonKey): Promise<string[]> {
  return (await queryConnections(studioId, person)).map((c) => c.connectionId);
}
