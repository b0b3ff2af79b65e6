// A live socket's life: opened once its caller is known (the $connect handler has checked the
// host and the token), forgotten when it closes, and its page's pings answered so an idle socket
// stays open (API Gateway closes one after 10 minutes without a message).
import { postToConnection } from '../../../adapters/sockets.ts';
import type { PersonKey } from '../../people/index.ts';
import { CONNECTION_TTL_SECONDS, PONG } from '../constants.ts';
import { deleteConnection, putConnection } from '../data.ts';
import type { ConnectionRecord } from '../records.ts';

export interface SocketCaller {
  studioId: string;
  person: PersonKey;
  side: ConnectionRecord['side'];
}

export async function openConnection(connectionId: string, caller: SocketCaller, now = new Date()): Promise<ConnectionRecord> {
  const record: ConnectionRecord = {
    connectionId,
    ...caller,
    connectedAt: now.toISOString(),
    ttl: Math.floor(now.getTime() / 1000) + CONNECTION_TTL_SECONDS,
  };
  await putConnection(record);
  return record;
}

export async function closedConnection(connectionId: string): Promise<void> {
  await deleteConnection(connectionId);
}

/** What a page may send: `{"action":"ping"}`. Anything else (garbage included) is ignored. */
export async function answerMessage(connectionId: string, body: string | undefined | null): Promise<'pong' | 'ignored'> {
  if (!body || body.length > 1024) return 'ignored';
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return 'ignored';
  }
  if (typeof message !== 'object' || message === null || (message as { action?: unknown }).action !== 'ping') return 'ignored';
  await postToConnection(connectionId, JSON.stringify(PONG));
  return 'pong';
}
