// Clients of a studio. A client is a membership: the same email may be a client of two studios,
// each with its own record and its own client-pool user (username `<studioId>.<clientId>`), so a
// session is bound to exactly one studio by construction.
import { randomUUID } from 'node:crypto';
import { createUser, deleteUser } from '../../../adapters/identity.ts';
import { conflict, notFound } from '../../../errors.ts';
import type { Page, PageRequest } from '../../../paging.ts';
import {
  batchGetClients,
  getClient,
  getClientIdByEmail,
  putClientWithEmail,
  queryClients,
  type TransactItem,
  updateClient,
} from '../data.ts';
import type { Client } from '../records.ts';
import type { ClientSummary } from '../schemas.ts';
import { clientStatus } from './rules.ts';

export const clientUsername = (studioId: string, clientId: string) => `${studioId}.${clientId}`;

export function parseClientUsername(username: string): { studioId: string; clientId: string } | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-f-]{36})$/.exec(username);
  return match ? { studioId: match[1] as string, clientId: match[2] as string } : null;
}

export { clientStatus, hasAccess, today } from './rules.ts';

export function summarize(client: Client, now = new Date()): ClientSummary {
  return {
    clientId: client.clientId,
    email: client.email,
    name: client.name,
    status: clientStatus(client, now),
    invitedAt: client.invitedAt,
    lastSignInAt: client.lastSignInAt,
    accessExpiresAt: client.accessExpiresAt,
  };
}

export async function findClientByEmail(studioId: string, email: string): Promise<Client | null> {
  const clientId = await getClientIdByEmail(studioId, email);
  return clientId !== null ? getClient(studioId, clientId) : null;
}

/** A page of the studio's clients (pages follow the key order), the latest invited first within it. */
export async function listClients(studioId: string, page: PageRequest): Promise<Page<Client>> {
  const { items, nextCursor } = await queryClients(studioId, page);
  return { items: items.sort((a, b) => b.invitedAt.localeCompare(a.invitedAt)), nextCursor };
}

/** The names of the studio's clients of these ids (one a page names), by id; a removed client is absent. */
export async function clientNames(studioId: string, clientIds: string[]): Promise<Map<string, string>> {
  return new Map((await batchGetClients(studioId, clientIds)).map((c) => [c.clientId, c.name]));
}

/**
 * Creates the client's pool user and membership; the email is unique within the studio.
 * `alsoWrite` goes into the same transaction as the client and its email claim (an invitation's
 * magic link), so a failure never leaves a client without it.
 */
export async function createClient(
  studioId: string,
  input: { clientId?: string; email: string; name: string; accessExpiresAt?: string | null },
  alsoWrite: readonly TransactItem[] = [],
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
  // Whether the write was refused or failed, the pool user must not outlive it.
  const dropUser = () => deleteUser('client', username).catch(() => undefined);
  let written: 'created' | 'taken';
  try {
    written = await putClientWithEmail(client, alsoWrite);
  } catch (e) {
    await dropUser();
    throw e;
  }
  if (written === 'taken') {
    await dropUser();
    throw conflict('client_exists', 'This email is already a client of your studio.');
  }
  return client;
}

/** The studio's client of this id; another studio's (or none) is "not found". */
export async function clientOfStudio(studioId: string, clientId: string): Promise<Client> {
  const client = await getClient(studioId, clientId);
  if (!client) throw notFound('No such client.');
  return client;
}

const orNotFound = (client: Client | null): Client => {
  if (!client) throw notFound('No such client.');
  return client;
};

/** Changes the client's last day in the portal (null: no end); an expired client gets access back with a later date. */
export async function setAccessExpiry(studioId: string, clientId: string, accessExpiresAt: string | null): Promise<Client> {
  return orNotFound(await updateClient(studioId, clientId, { accessExpiresAt }));
}

/**
 * Revokes the client's access: marked revoked, and every session opened until now ended in the same
 * write (sessionsValidAfter), so the client's next request is refused and no link signs them in.
 */
export async function revokeAccess(studioId: string, clientId: string, now = new Date()): Promise<Client> {
  const existing = await clientOfStudio(studioId, clientId);
  if (existing.revokedAt) return existing;
  return orNotFound(
    await updateClient(studioId, clientId, { revokedAt: now.toISOString(), sessionsValidAfter: Math.floor(now.getTime() / 1000) }),
  );
}

/** Gives a revoked client access again; their old sessions stay ended, so they sign in afresh. */
export async function restoreAccess(studioId: string, clientId: string): Promise<Client> {
  return orNotFound(await updateClient(studioId, clientId, {}, ['revokedAt']));
}
