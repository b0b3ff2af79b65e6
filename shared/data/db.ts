// One DynamoDB document client per process, created on first use so cold starts of routes
// that never touch the table stay cheap.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';

let base: DynamoDBClient | undefined;
let client: DynamoDBDocumentClient | undefined;

/** The plain client under `db()`, for libraries that speak DynamoDB's own types (Powertools' idempotency). */
export function dynamodb(): DynamoDBClient {
  base ??= new DynamoDBClient({});
  return base;
}

export function db(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(dynamodb(), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return client;
}

export const tableName = (): string => config.tableName;

/** Every item of one partition whose sort key starts with `prefix`, across pages. */
export async function queryPrefix(pk: string, prefix: string): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': prefix },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
