// The portal home's one read of the client's GSI1 partition, keyed through projects' builder.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { keys } from '../projects/index.ts';

/**
 * Everything on the client's GSI1 partition (galleries, project seats, review requests), in one
 * Query of at most `limit` items (without their keys; `type` tells them apart), and whether there was more.
 */
export async function queryClientIndex(clientId: string, limit: number): Promise<{ items: Record<string, unknown>[]; more: boolean }> {
  const { GSI1PK } = keys.clientIndex(clientId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': GSI1PK },
      Limit: limit,
    }),
  );
  return { items: (out.Items ?? []).map((i) => withoutKeys(i)), more: out.LastEvaluatedKey !== undefined };
}
