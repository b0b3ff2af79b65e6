// The live socket's handlers (functions/live/): what API Gateway's WebSocket API hands a Lambda,
// and the $connect check. A WebSocket API has no JWT authorizer, so $connect does here what the
// HTTP API and handler.ts do for a route: refuse a request that skipped CloudFront, name the tenant
// by the host, verify the token against the host's pool, and hold the session to the same rules
// (sessions.ts). A refusal answers its status, so the handshake fails and nothing is stored.
import { poolTokenVerifier } from '../adapters/tokens.ts';
import { DomainError } from '../errors.ts';
import type { SocketCaller } from '../features/live/index.ts';
import { personOfClientSession, personOfStudioSession } from '../features/people/index.ts';
import { resolveHost } from '../features/studios/index.ts';
import { logger } from '../logger.ts';
import { forbidden, HttpError, httpErrorOf, notFound, unauthorized } from './errors.ts';
import { assertThroughEdge } from './origin.ts';
import { clientSessionOf, studioSessionOf } from './sessions.ts';
import { isTransient } from './wrapper.ts';

/** The parts of API Gateway's WebSocket event Portico reads (the same shape locally). */
export interface SocketEvent {
  requestContext: {
    routeKey: string;
    eventType: 'CONNECT' | 'DISCONNECT' | 'MESSAGE';
    connectionId: string;
    domainName: string;
    stage: string;
  };
  /** On $connect only: the handshake's headers (names as the viewer sent them). */
  headers?: Record<string, string | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}
export interface SocketResult {
  statusCode: number;
  body?: string;
}

const lowerCased = (headers: SocketEvent['headers']): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = Object.create(null);
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
};

/** Who opens this socket, or the HttpError that refuses it. */
export async function socketCallerOf(event: SocketEvent): Promise<SocketCaller> {
  const headers = lowerCased(event.headers);
  await assertThroughEdge(headers);
  const host = (headers['x-portico-host'] ?? headers.host ?? '').toLowerCase();
  // Browsers send the page's Origin on a WebSocket handshake, cookies included: another site's page
  // must not open a socket with the visitor's session (cross-site WebSocket hijacking).
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost = '';
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {}
    if (originHost !== host) throw forbidden('cross_origin', 'Cross-site requests are not allowed.');
  }
  const hostContext = await resolveHost(host);
  if (hostContext.kind === 'unknown') throw notFound('No studio is served at this address.');
  const side = hostContext.kind === 'dashboard' ? 'studio' : 'client';
  const claims = await poolTokenVerifier(side)(headers.authorization);
  if (!claims) throw unauthorized();
  if (hostContext.kind === 'dashboard') {
    const session = await studioSessionOf(claims);
    return { studioId: session.studio.studioId, person: personOfStudioSession(session), side };
  }
  const session = await clientSessionOf(claims, hostContext.studio);
  return { studioId: session.studio.studioId, person: personOfClientSession(session), side };
}

const answer = (status: number, body?: unknown): SocketResult => ({
  statusCode: status,
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** A socket route's Lambda handler: every failure an answer (a refusal its 4xx), never a throw. */
export function defineSocketHandler(id: string, fn: (event: SocketEvent) => Promise<void>) {
  return async (event: SocketEvent): Promise<SocketResult> => {
    try {
      await fn(event);
      return answer(200);
    } catch (thrown) {
      const e = thrown instanceof DomainError ? httpErrorOf(thrown) : thrown;
      if (e instanceof HttpError) return answer(e.status, e.body());
      if (isTransient(e)) {
        logger.warn('dependency unavailable', { error: e as Error, route: id });
        return answer(503, { error: 'unavailable', message: 'Please try again in a moment.' });
      }
      logger.error('unhandled error', { error: e as Error, route: id });
      return answer(500, { error: 'internal', message: 'Something went wrong on our side. Please try again.' });
    }
  };
}
