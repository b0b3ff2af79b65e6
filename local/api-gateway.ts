// A local stand-in for API Gateway's HTTP API: matches the route table, checks JWTs the way the
// JWT authorizer does, and invokes the route's Lambda handler with a payload 2.0 event.
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type RouteDef, routeList } from '../shared/routes.ts';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
export type Authorizer = (authorization: string | undefined) => Promise<Record<string, unknown> | null>;

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  paramNames: string[];
}

const compiled: CompiledRoute[] = routeList.map((route) => {
  const paramNames: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a, b) => {
    paramNames.push(a ?? b);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
});

export function matchRoute(
  method: string,
  path: string,
): { route: RouteDef; params: Record<string, string> } | 'method_not_allowed' | null {
  let pathMatched = false;
  for (const c of compiled) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (c.route.method !== method) continue;
    const params: Record<string, string> = {};
    c.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] as string);
    });
    return { route: c.route, params };
  }
  return pathMatched ? 'method_not_allowed' : null;
}

const handlers = new Map<string, Promise<Handler>>();
function loadHandler({ id, feature }: RouteDef): Promise<Handler> {
  let handler = handlers.get(id);
  if (!handler) {
    handler = import(`../functions/${feature}/${id}.ts`).then((m) => m.handler as Handler);
    handlers.set(id, handler);
  }
  return handler;
}

export interface GatewayRequest {
  method: string;
  url: URL;
  /** Lower-case names, as they leave the edge function. */
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
  sourceIp: string;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

const gatewayError = (status: number, message: string): GatewayResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(JSON.stringify({ message })),
});

/** API Gateway passes JWT claims to the Lambda as strings. */
function stringifyClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : String(v);
  return out;
}

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/;

/**
 * A request body as payload 2.0 carries it. A text body goes as a string only when that string is
 * the very bytes received (valid UTF-8); otherwise base64, so a handler always gets the exact bytes
 * back (a webhook's Stripe-Signature is computed over them).
 */
export function eventBody(body: Buffer, contentType: string): { body: string | undefined; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: undefined, isBase64Encoded: false };
  const isText = TEXT_TYPES.test(contentType) && isUtf8(body);
  return { body: isText ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !isText };
}

export async function invoke(req: GatewayRequest, authorizers: Record<'studio' | 'client', Authorizer>): Promise<GatewayResponse> {
  const match = matchRoute(req.method, req.url.pathname);
  // API Gateway answers unmatched routes itself, with this very body.
  if (match === null || match === 'method_not_allowed') return gatewayError(404, 'Not Found');
  const { route, params } = match;

  let claims: Record<string, string> | undefined;
  if (route.auth !== 'public') {
    const verified = await authorizers[route.auth](req.headers.authorization);
    if (!verified)
      return { ...gatewayError(401, 'Unauthorized'), headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } };
    claims = stringifyClaims(verified);
  }

  // Own properties only, as Lambda's parsed event has them: `?__proto__=x` is a key the route's
  // strict query schema refuses, not an assignment that swaps the object's prototype.
  const query: Record<string, string> = {};
  for (const [k, v] of req.url.searchParams) {
    const value = Object.hasOwn(query, k) ? `${query[k]},${v}` : v;
    Object.defineProperty(query, k, { value, enumerable: true, writable: true, configurable: true });
  }
  const now = new Date();
  const requestId = randomUUID();
  const event = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: req.url.pathname,
    rawQueryString: req.url.search.replace(/^\?/, ''),
    cookies: req.cookies.length ? req.cookies : undefined,
    headers: req.headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(params).length ? params : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: req.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method,
        path: req.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.sourceIp,
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: claims ? { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } } : undefined,
    },
    ...eventBody(req.body, req.headers['content-type'] ?? ''),
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

  const context = {
    functionName: `portico-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:portico-${route.id}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/portico-${route.id}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  } as Context;

  try {
    const handler = await loadHandler(route);
    const result = await handler(event, context);
    const body = typeof result.body === 'string' ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
    return { status: result.statusCode ?? 200, headers, cookies: result.cookies ?? [], body };
  } catch (e) {
    // A Lambda that throws is a 500 "Internal Server Error" from API Gateway.
    console.error(`[${route.id}]`, e);
    return gatewayError(500, 'Internal Server Error');
  }
}
