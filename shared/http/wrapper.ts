// What every route handler goes through (defineHandler in handler.ts, definePublicHandler in
// public-handler.ts): it refuses a request that did not come through CloudFront (origin.ts),
// validates input against the route's zod schemas, refuses cross-site writes, answers a retried
// POST from its stored answer (idempotency.ts), and turns every failure into a JSON error: a
// caller's mistake is always a 4xx, and only a bug is a 500. Who the tenant and the caller are is
// the `tenancy` step's job (handler.ts), so a route that needs neither (host 'any', auth 'public')
// bundles none of the lookups behind them.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { config } from '../config.ts';
import { cancellationCodes, conditionFailed } from '../data/transactions.ts';
import { DomainError } from '../errors.ts';
import type { Client } from '../features/clients/index.ts';
import type { HostContext, Studio, StudioUser } from '../features/studios/index.ts';
import { logger } from '../logger.ts';
import { isIdempotent, type RouteDef } from '../route-def.ts';
import { readCookies } from './cookies.ts';
import { badRequest, forbidden, HttpError, httpErrorOf, unavailable } from './errors.ts';
import { idempotencyKeyOf, idempotentRunner, principalOf } from './idempotency.ts';
import { assertThroughEdge } from './origin.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

export type Infer<T> = T extends z.ZodMiniType ? z.output<T> : undefined;

export interface StudioSession {
  user: StudioUser;
  studio: Studio;
}
export interface ClientSession {
  client: Client;
  studio: Studio;
}

export interface RouteRequest<R extends RouteDef> {
  body: Infer<R['body']>;
  query: Infer<R['query']>;
  params: Infer<R['params']>;
  cookies: Record<string, string>;
  /** The host the visitor asked for (the viewer host behind CloudFront). */
  host: string;
  hostContext: HostContext;
  /** The portal's studio, on routes served on a portal host. */
  portal: R['host'] extends 'portal' ? Studio : undefined;
  studioSession: R['auth'] extends 'studio' ? StudioSession : undefined;
  clientSession: R['auth'] extends 'client' ? ClientSession : undefined;
  /** The visitor's address: CloudFront's x-portico-viewer-ip (the API sees an edge's), else the source IP. */
  viewerIp: string;
  event: ApiEvent;
}

/** The success body a route promises (its `ok` schema), as the handler builds it. */
export type OkBody<R extends RouteDef> = R['ok'] extends { body: infer B extends z.ZodMiniType } ? z.input<B> : undefined;

interface ReplyExtras {
  cookies?: string[];
  headers?: Record<string, string>;
}
/** An answer the route's own logic gives instead of success (a thrown DomainError is the usual way). */
interface FailureReply {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 429;
  body: { error: string; message: string };
}
/**
 * What a handler answers: the body its route's `ok` schema describes (a wrong body fails tsc), a
 * non-JSON `raw` body (e.g. CSV; set its content-type in `headers`) on a route without one, or a failure.
 */
export type Reply<R extends RouteDef> = ReplyExtras &
  (
    | (R['ok'] extends { body: z.ZodMiniType }
        ? { status?: undefined; body: OkBody<R> }
        : { status?: undefined; body?: undefined; raw?: string })
    | FailureReply
  );

const MAX_BODY_BYTES = 64 * 1024;

export function json(status: number, body: unknown, extra: Partial<ApiResult> = {}): ApiResult {
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...(extra.headers as Record<string, string>),
    },
    body: body === undefined ? '' : JSON.stringify(body),
    cookies: extra.cookies,
  };
}

/** However many problems an input has, the answer lists this many fields' at most (and says how many more). */
const MAX_FIELD_NAME = 100;
const MAX_MESSAGES_PER_FIELD = 3;
const MAX_MESSAGE = 200;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

function fieldErrors(error: z.core.$ZodError, where: string): { fields: Record<string, string[]>; omitted: number } {
  // No prototype: a field named "__proto__" or "constructor" is just a name here.
  const fields: Record<string, string[]> = Object.create(null);
  const maxFields = config.maxFieldErrors;
  let listed = 0;
  let omitted = 0;
  const add = (rawName: string, message: string) => {
    const name = clip(rawName, MAX_FIELD_NAME);
    const list = fields[name];
    if (list ? list.length >= MAX_MESSAGES_PER_FIELD : listed >= maxFields) {
      omitted++;
      return;
    }
    if (!list) listed++;
    fields[name] = [...(list ?? []), clip(message, MAX_MESSAGE)];
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'is not an accepted field');
    } else {
      add(issue.path.length ? issue.path.join('.') : where, issue.message);
    }
  }
  return { fields, omitted };
}

export function parse<T extends z.ZodMiniType | undefined>(schema: T, value: unknown, where: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    const { fields, omitted } = fieldErrors(result.error, where);
    const listed = Object.entries(fields).map(([k, v]) => `${k} ${v[0]}`);
    if (omitted) listed.push(`and ${omitted.toLocaleString('en-US')} more not listed`);
    throw badRequest('invalid_request', `Invalid ${where}: ${listed.join('; ')}`, fields);
  }
  return result.data as Infer<T>;
}

function readJsonBody(event: ApiEvent): unknown {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw new HttpError(413, 'body_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB.`);
  const type = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // Requiring JSON also means a plain HTML form on another site can never post here.
  if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', 'Send the request body as application/json.');
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('invalid_json', 'The request body is not valid JSON.');
  }
}

/** State-changing requests from a browser must come from the page's own origin. */
function assertSameOrigin(event: ApiEvent, host: string): void {
  if (event.requestContext.http.method === 'GET' || event.requestContext.http.method === 'HEAD') return;
  const origin = event.headers.origin;
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    throw forbidden('cross_origin', 'Cross-site requests are not allowed.');
  }
  if (originHost !== host) throw forbidden('cross_origin', 'Cross-site requests are not allowed.');
}

/**
 * Who is asking, by address, for per-visitor limits. Behind CloudFront the source IP is an edge's, so
 * the API viewer function passes the viewer's own, over any value the viewer sent; only CloudFront
 * reaches the API (the origin secret), so the header is trusted when present.
 */
const viewerIpOf = (event: ApiEvent): string => event.headers['x-portico-viewer-ip'] || event.requestContext.http.sourceIp;

/** Failures of a dependency (network, throttling, a service restarting) that are worth a retry. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const err = e as Error & { $retryable?: unknown; code?: string; $metadata?: { httpStatusCode?: number } };
  if (err.$retryable) return true;
  // A transaction cancelled by a collision, not by one of its conditions (see transactions.ts).
  if (cancellationCodes(e) && !conditionFailed(e)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'].includes(err.code ?? '')) return true;
  if (
    [
      'TimeoutError',
      'ThrottlingException',
      'ProvisionedThroughputExceededException',
      'RequestLimitExceeded',
      'ServiceUnavailable',
      'InternalServerError',
      'TransactionConflictException',
    ].includes(err.name)
  )
    return true;
  return (err.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** Where a request is (its host, before the input is read) and who sends it (after). */
export interface Tenant {
  hostContext: HostContext;
  portal: Studio | undefined;
  /** The caller's sessions; the path's parameters name what the caller wants to work on. */
  sessions(params: Record<string, unknown> | undefined): Promise<{ studioSession?: StudioSession; clientSession?: ClientSession }>;
}
/** Resolves the tenant from the host and the caller from the verified token (handler.ts). */
export type Tenancy = (route: RouteDef, event: ApiEvent, host: string) => Promise<Tenant>;

/** A route's Lambda handler: input checked, `fn` run with what it may know, every failure a JSON error. */
export function wrapRoute<const R extends RouteDef>(route: R, tenancy: Tenancy, fn: (req: RouteRequest<R>) => Promise<Reply<R>>) {
  const idempotent = isIdempotent(route) ? idempotentRunner(route) : undefined;
  const run = async (event: ApiEvent, context?: Context): Promise<ApiResult> => {
    try {
      // First of all: a request that skipped CloudFront (its functions set x-portico-host) is refused.
      await assertThroughEdge(event.headers);
      const host = (event.headers['x-portico-host'] ?? event.headers.host ?? '').toLowerCase();
      assertSameOrigin(event, host);
      const tenant = await tenancy(route, event, host);

      const params = parse(route.params, event.pathParameters ?? {}, 'path');
      const query = parse(route.query, event.queryStringParameters ?? {}, 'query');
      const body = route.body ? parse(route.body, readJsonBody(event), 'body') : undefined;
      const sessions = await tenant.sessions(params as Record<string, unknown> | undefined);
      const viewerIp = viewerIpOf(event);

      const answer = async (): Promise<ApiResult> => {
        const reply = await fn({
          body,
          query,
          params,
          cookies: readCookies(event.cookies),
          viewerIp,
          host,
          hostContext: tenant.hostContext,
          portal: tenant.portal,
          ...sessions,
          event,
        } as RouteRequest<R>);
        if ('raw' in reply && reply.raw !== undefined) {
          return {
            statusCode: reply.status ?? route.ok.status,
            headers: { 'cache-control': 'no-store', ...reply.headers },
            body: reply.raw,
            cookies: reply.cookies,
          };
        }
        return json(reply.status ?? route.ok.status, reply.body, { cookies: reply.cookies, headers: reply.headers });
      };

      // Only now, with the caller known and the input valid, may an answer be stored or replayed.
      const key = idempotent ? idempotencyKeyOf(event.headers) : undefined;
      if (!idempotent || key === undefined) return await answer();
      const scope = { host, principal: principalOf(sessions, viewerIp), key };
      return await idempotent({ scope, request: { params, query, body } }, context, answer);
    } catch (thrown) {
      const e = thrown instanceof DomainError ? httpErrorOf(thrown) : thrown;
      if (e instanceof HttpError) {
        return json(e.status, e.body(), { headers: e.headers });
      }
      if (isTransient(e)) {
        logger.warn('dependency unavailable', { error: e as Error, route: route.id });
        const err = unavailable();
        return json(err.status, { error: err.code, message: err.message }, { headers: err.headers });
      }
      logger.error('unhandled error', { error: e as Error, route: route.id });
      return json(500, { error: 'internal', message: 'Something went wrong on our side. Please try again.' });
    }
  };
  // A dependency that hangs (an emulator restarting, a network partition) must not run the Lambda
  // into its timeout, which API Gateway turns into a 500: just before it, answer the retryable 503.
  const nearTimeout = () => {
    logger.warn('answering before the Lambda timeout', { route: route.id });
    const err = unavailable();
    return json(err.status, { error: err.code, message: err.message }, { headers: err.headers });
  };
  return middy<ApiEvent, ApiResult>({ timeoutEarlyInMillis: 500, timeoutEarlyResponse: nearTimeout })
    .use(httpHeaderNormalizer())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(run);
}

/** Resolves after at least `ms`, so a fast "no such account" path answers as slowly as a real one. */
export async function atLeast<T>(ms: number, work: Promise<T>): Promise<T> {
  const [result] = await Promise.all([work, new Promise((r) => setTimeout(r, ms))]);
  return result;
}
