// Clients of a studio. A client is a membership: the same email may be a client of two studios,
// each with its own record and its own client-pool user (username `<studioId>.<clientId>`), so a
// session is bound to exactly one studio by construction.
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createUser, deleteUser } from '../../../adapters/identity.ts';
import { db, queryPrefix, tableName } from '../../../data/db.ts';
import { withoutKeys } from '../../../data/records.ts';
import { conditionFailed } from '../../../data/transactions.ts';
import { conflict } from '../../../errors.ts';
import { keys } from '../records.ts';
import type { ClientSummary } from '../schemas.ts';

export interface Client {
  clientId: string;
  studioId: string;
  email: string;
  name: string;
  invitedAt: string;
  lastSignInAt: string | null;
  /** Last day (UTC, YYYY-MM-DD) the client may use the portal; null = no end. */
  accessExpiresAt: string | null;
}

export const clientUsername = (studioId: string, clientId: string) => `${studioId}.${clientId}`;

export function parseClientUsername(username: string): { studioId: string; clientId: string } | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-f-]{36})$/.exec(username);
  return match ? { studioId: match[1] as string, clientId: match[2] as string } : null;
}

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

export function hasAccess(client: Client, now = new Date()): boolean {
  return client.accessExpiresAt === null || client.accessExpiresAt >= today(now);
}

export function summarize(client: Client, now = new Date()): ClientSummary {
  return {
    clientId: client.clientId,
    email: client.email,
    name: client.name,
    status: !hasAccess(client, now) ? 'expired' : client.lastSignInAt ? 'active' : 'invited',
    invitedAt: client.invitedAt,
    lastSignInAt: client.lastSignInAt,
    accessExpiresAt: client.accessExpiresAt,
  };
}

export async function getClient(studioId: string, clientId: string): Promise<Client | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.client(studioId, clientId) }));
  return out.Item ? (withoutKeys(out.Item) as Client) : null;
}

export async function findClientByEmail(studioId: string, email: string): Promise<Client | null> {
  const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.clientEmail(studioId, email) }));
  return claim.Item ? getClient(studioId, claim.Item.clientId as string) : null;
}

export async function listClients(studioId: string): Promise<Client[]> {
  const { PK, SKPrefix } = keys.clientPrefix(studioId);
  const clients = (await queryPrefix(PK, SKPrefix)).map((item) => withoutKeys(item) as Client);
  return clients.sort((a, b) => b.invitedAt.localeCompare(a.invitedAt));
}

/**
 * Creates the client's pool user and membership; the email is unique within the studio.
 * `alsoWrite` goes into the same transaction as the client and its email claim (an invitation's
 * magic link), so a failure never leaves a client without it.
 */
export async function createClient(
  studioId: string,
  input: { clientId?: string; email: string; name: string; accessExpiresAt?: string | null },
  alsoWrite: NonNullable<TransactWriteCommandInput['TransactItems']> = [],
): Promise<Client> {
  if (await findClientByEmail(studioId, input.email)) throw conflict('client_exists', 'This email is already a client of your studio.');
  const client: Client = {
    clientId: input.clientId ?? randomUUID(),
    studioId,
    email: input.email,
    name: input.name,
    invitedAt: new Date().toISOString(),
    lastSignInAt: null,
    accessExpiresAt: input.accessExpiresAt ?? null,
  };
  const username = clientUsername(studioId, client.clientId);
  await createUser('client', username, client.email);
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.clientEmail(studioId, client.email), type: 'clientEmail', clientId: client.clientId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.client(studioId, client.clientId), type: 'client', ...client },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...alsoWrite,
        ],
      }),
    );
  } catch (e) {
    await deleteUser('client', username).catch(() => undefined);
    if (conditionFailed(e)) throw conflict('client_exists', 'This email is already a client of your studio.');
    throw e;
  }
  return client;
}

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
