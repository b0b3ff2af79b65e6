// The clients feature's DynamoDB requests: client records and the email claims that make an email
// unique per studio, keyed only through records.ts.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryPage, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, conditionFailed, type TransactItem } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';

/** The transaction item type callers pass in, so their domain names no SDK type. */
export type { TransactItem } from '../../data/transactions.ts';

import { type Client, keys } from './records.ts';

/** One more write for a client's transaction, built by the data module of the feature that owns it. */

export async function getClient(studioId: string, clientId: string): Promise<Client | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.client(studioId, clientId) }));
  return out.Item ? (withoutKeys(out.Item) as Client) : null;
}

/** The id of the studio's client who claimed this email, or null. */
export async function getClientIdByEmail(studioId: string, email: string): Promise<string | null> {
  const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.clientEmail(studioId, email) }));
  return claim.Item ? (claim.Item.clientId as string) : null;
}

/** A page of the studio's clients, in key order. */
export async function queryClients(studioId: string, page: PageRequest): Promise<Page<Client>> {
  const { PK, SKPrefix } = keys.clientPrefix(studioId);
  const { items, nextCursor } = await queryPage({ pk: PK, prefix: SKPrefix }, page);
  return { items: items.map((item) => withoutKeys(item) as Client), nextCursor };
}

/**
 * The studio's clients of these ids, in batches of 100 keys: the names a page of galleries or of
 * activity shows, without reading every client of the studio.
 */
export async function batchGetClients(studioId: string, clientIds: string[]): Promise<Client[]> {
  const found: Client[] = [];
  const ids = [...new Set(clientIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let Keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => keys.client(studioId, id));
    while (Keys?.length) {
      const out: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys } } }));
      for (const item of out.Responses?.[tableName()] ?? []) found.push(withoutKeys(item) as Client);
      Keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

/**
 * Writes the email claim, the client and `alsoWrite` in one transaction; the claim and the client
 * are conditional on being new, so an email is a client of a studio once. 'taken' when a condition
 * failed.
 */
export async function putClientWithEmail(client: Client, alsoWrite: readonly TransactItem[]): Promise<'created' | 'taken'> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.clientEmail(client.studioId, client.email), type: 'clientEmail', clientId: client.clientId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.client(client.studioId, client.clientId), type: 'client', ...client },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...alsoWrite,
        ],
      }),
    );
  } catch (e) {
    if (conditionFailed(e)) return 'taken';
    throw e;
  }
  return 'created';
}

/**
 * Ends every session the client opened until `atSeconds` (the tenancy step compares tokens with
 * it). Conditional on the client existing, so a removed client is not brought back as a stub.
 */
export async function endClientSessions(studioId: string, clientId: string, atSeconds: number): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.client(studioId, clientId),
        UpdateExpression: 'SET sessionsValidAfter = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': atSeconds },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

/** Conditional on the client existing, so a client deleted meanwhile is not brought back as a stub. */
export async function recordSignIn(client: Client): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.client(client.studioId, client.clientId),
      UpdateExpression: 'SET lastSignInAt = :now',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':now': new Date().toISOString() },
    }),
  );
}

/**
 * Sets fields of an existing client and answers it as it is now; null when there is no such client
 * (conditional, so a removed client is not brought back as a stub). `null` values are written as
 * null, `remove` names attributes to drop.
 */
export async function updateClient(
  studioId: string,
  clientId: string,
  set: Record<string, unknown>,
  remove: readonly string[] = [],
): Promise<Client | null> {
  const names = [...Object.keys(set), ...remove];
  const setPart = Object.keys(set).map((k) => `#${k} = :${k}`);
  const expression = [
    setPart.length ? `SET ${setPart.join(', ')}` : '',
    remove.length ? `REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.client(studioId, clientId),
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(names.map((k) => [`#${k}`, k])),
        ...(setPart.length ? { ExpressionAttributeValues: Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])) } : {}),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ? (withoutKeys(out.Attributes) as Client) : null;
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}
