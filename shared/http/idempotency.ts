// A create retried after its answer was lost (a dropped connection, a timeout the browser gave up
// on) must not create a second one (issue 9 finding 12). The site sends an Idempotency-Key on every
// POST, the same for every retry of one call; the wrapper (wrapper.ts) runs a route's logic through
// Powertools' idempotency utility when the request carries one, after tenancy, the session and the
// input are settled, so a refused request stays a 4xx and stores nothing. The records live in the
// table (shared/data/idempotency.ts).
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyInconsistentStateError,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { config } from '../config.ts';
import { idempotencyStore } from '../data/idempotency.ts';
import type { RouteDef } from '../route-def.ts';
import { badRequest, HttpError, unavailable } from './errors.ts';

type ApiResult = APIGatewayProxyStructuredResultV2;

/** The request header (lower case: the wrapper normalises header names). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer that was stored, not computed again: a client (or a log reader) can tell. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** Visible ASCII, 1 to 128 characters: a UUID fits with room, and nothing can break a log line or a key. */
const KEY_SHAPE = /^[\x21-\x7e]{1,128}$/;

/** The caller's Idempotency-Key, or undefined when none came; a malformed one is a 400. */
export function idempotencyKeyOf(headers: Record<string, string | undefined>): string | undefined {
  const key = headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return undefined;
  if (!KEY_SHAPE.test(key))
    throw badRequest('invalid_idempotency_key', 'The Idempotency-Key header must be 1 to 128 visible ASCII characters (a UUID, say).');
  return key;
}

/** The sessions the wrapper resolved (wrapper.ts), as far as naming the caller needs them. */
interface Callers {
  studioSession?: { studio: { studioId: string }; user: { userId: string } };
  clientSession?: { studio: { studioId: string }; client: { clientId: string } };
}

/** Who a key belongs to: the signed-in studio user or client, else (a public route) the visitor's address. */
export function principalOf({ studioSession, clientSession }: Callers, viewerIp: string): string {
  if (studioSession) return `studio-user:${studioSession.studio.studioId}:${studioSession.user.userId}`;
  if (clientSession) return `client:${clientSession.studio.studioId}:${clientSession.client.clientId}`;
  return `visitor:${viewerIp}`;
}

/**
 * What Powertools hashes: `scope` names the record (so one caller's key can never reach another's
 * answer: the host, the signed-in user or client, or a visitor's address, and the key), `request` is
 * what a retry must repeat (another body under the same key is a mistake, not a retry).
 */
export interface IdempotentRequest {
  scope: { host: string; principal: string; key: string };
  request: { params: unknown; query: unknown; body: unknown };
}

/** An answer as stored: no cookies ever (a replayed session would hand one caller's session out again). */
interface StoredAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  replayed?: true;
}

/** An answer that is not stored (a failure, or one that sets cookies): the record is deleted, a retry runs again. */
class NotStored extends Error {
  readonly result: ApiResult;
  constructor(result: ApiResult) {
    super('answer not stored');
    this.result = result;
  }
}

function toStored(result: ApiResult): StoredAnswer {
  const status = result.statusCode ?? 200;
  if (status < 200 || status > 299 || result.cookies?.length) throw new NotStored(result);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) if (name.toLowerCase() !== 'set-cookie') headers[name] = String(value);
  return { statusCode: status, headers, body: result.body ?? '' };
}

type Run = (request: IdempotentRequest, produce: () => Promise<ApiResult>) => Promise<StoredAnswer>;

/**
 * A route's idempotent runner: `produce` runs once per scope and request; a retry gets the stored
 * answer (marked replayed), 409 while the first is still running, 422 for another request under the
 * same key. Built on first use, so a route's cold start creates no client it does not need.
 */
export function idempotentRunner(route: RouteDef) {
  let settings: IdempotencyConfig | undefined;
  let run: Run | undefined;
  return async (request: IdempotentRequest, context: Context | undefined, produce: () => Promise<ApiResult>): Promise<ApiResult> => {
    if (!settings || !run) {
      settings = new IdempotencyConfig({
        eventKeyJmesPath: 'scope',
        payloadValidationJmesPath: 'request',
        expiresAfterSeconds: config.idempotencyTtlSeconds,
        hashFunction: 'sha256',
        responseHook: (response) => ({ ...(response as object), replayed: true }),
      });
      run = makeIdempotent(async (_request: IdempotentRequest, make: () => Promise<ApiResult>) => toStored(await make()), {
        persistenceStore: idempotencyStore(),
        config: settings,
        keyPrefix: route.id,
      });
    }
    // The remaining time bounds an in-progress record: a Lambda that dies mid-way frees its key then.
    if (context?.getRemainingTimeInMillis) settings.registerLambdaContext(context);
    try {
      const answer = await run(request, produce);
      const headers = answer.replayed ? { ...answer.headers, [REPLAYED_HEADER]: 'true' } : answer.headers;
      return { statusCode: answer.statusCode, headers, body: answer.body };
    } catch (e) {
      if (e instanceof NotStored) return e.result;
      if (e instanceof IdempotencyValidationError)
        throw new HttpError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request. Send a new key with a new request.',
        );
      if (e instanceof IdempotencyAlreadyInProgressError)
        throw new HttpError(409, 'idempotency_in_progress', 'This request is still being processed. Please try again in a moment.', {
          headers: { 'retry-after': '1' },
        });
      if (e instanceof IdempotencyInconsistentStateError) throw unavailable();
      // The table's own failure, for the wrapper to judge (a throttle or a timeout is a retryable 503).
      if (e instanceof IdempotencyPersistenceLayerError && e.cause) throw e.cause;
      throw e;
    }
  };
}
