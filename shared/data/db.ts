// One DynamoDB document client per process, created on first use so cold starts of routes
// that never touch the table stay cheap.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { invalid } from '../errors.ts';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../paging.ts';

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

/** Where one page of a list is read: a partition, on the table or GSI1, and the sort-key prefix of the list. */
export interface PageSource {
  pk: string;
  prefix: string;
  index?: 'GSI1';
  consistent?: boolean;
  /** Descending key order (a newest-first list whose keys count time up). */
  descending?: boolean;
}

/**
 * One page of the items of `source`, in key order, and the cursor of the next (null on the last).
 * A cursor is the key of the page's last item; before it goes back to DynamoDB it must name this
 * very partition and list, or the request is refused: a cursor copied from another tenant's list
 * (or made up) could otherwise start the query wherever it points. Reads one item more than asked,
 * so the last page says so instead of handing out a cursor to an empty one.
 */
export async function queryPage(source: PageSource, page: PageRequest): Promise<Page<Record<string, any>>> {
  const [pkName, skName] = source.index ? ['GSI1PK', 'GSI1SK'] : ['PK', 'SK'];
  const keyNames = source.index ? ['PK', 'SK', 'GSI1PK', 'GSI1SK'] : ['PK', 'SK'];
  let ExclusiveStartKey: Record<string, string> | undefined;
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor);
    const ours =
      key !== null &&
      Object.keys(key).length === keyNames.length &&
      keyNames.every((name) => typeof key[name] === 'string') &&
      key[pkName] === source.pk &&
      (key[skName] as string).startsWith(source.prefix);
    if (!ours) throw invalid('invalid_cursor', 'This page cursor is not one of this list.', { cursor: ['is not a cursor of this list'] });
    ExclusiveStartKey = key;
  }
  const items: Record<string, any>[] = [];
  let more = false;
  // A response stops at 1 MB whatever the Limit: read on until the page is full or the list ends.
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        ...(source.index ? { IndexName: source.index } : {}),
        KeyConditionExpression: `${pkName} = :pk AND begins_with(${skName}, :sk)`,
        ExpressionAttributeValues: { ':pk': source.pk, ':sk': source.prefix },
        Limit: page.limit + 1 - items.length,
        ExclusiveStartKey,
        ...(source.consistent ? { ConsistentRead: true } : {}),
        ...(source.descending ? { ScanIndexForward: false } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey as Record<string, string> | undefined;
    more = ExclusiveStartKey !== undefined;
  } while (more && items.length <= page.limit);
  if (items.length <= page.limit) return { items, nextCursor: null };
  const kept = items.slice(0, page.limit);
  const last = kept[kept.length - 1] as Record<string, unknown>;
  return { items: kept, nextCursor: encodeCursor(Object.fromEntries(keyNames.map((name) => [name, last[name]]))) };
}
