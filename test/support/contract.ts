// Holds every answer the test suite receives to the route table's contract: a success body must
// parse with its route's `ok` schema, a JSON failure with the error schema. A mismatch throws, so
// the test that got the answer fails, whatever it asserts itself.
import * as z from 'zod/mini';
import { matchRoute } from '../../local/api-gateway.ts';
import { ErrorBody } from '../../shared/schemas.ts';

/** Response schemas are plain objects (extra keys pass): in tests, every level must be exact. */
function strict(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      return z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strict(v)])));
    }
    case 'array':
      return z.array(strict(def.element as z.core.$ZodType));
    case 'nullable':
      return z.nullable(strict(def.innerType as z.core.$ZodType));
    case 'optional':
      return z.optional(strict(def.innerType as z.core.$ZodType));
    case 'union':
      return z.union((def.options as z.core.$ZodType[]).map(strict));
    default:
      return schema;
  }
}

const strictCache = new WeakMap<z.core.$ZodType, z.core.$ZodType>();
const strictOf = (schema: z.core.$ZodType) => {
  const cached = strictCache.get(schema);
  if (cached) return cached;
  const made = strict(schema);
  strictCache.set(schema, made);
  return made;
};

/** The statuses API Gateway answers with on its own (never a conflict, never a handler's 410). */
const GATEWAY_STATUSES = new Set([400, 401, 403, 404, 413, 429]);
const isGatewayAnswer = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  Object.keys(body).length === 1 &&
  typeof (body as { message?: unknown }).message === 'string';

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** Throws when `body` is not what the route behind `method path` promises for `status`. */
export function checkAnswer(method: string, path: string, status: number, contentType: string | undefined, body: unknown): void {
  let pathname = path.split('?')[0] ?? path;
  // The server sees the path as a URL parser leaves it: `%2e%2e` is a dot segment there, so
  // `/projects/%2e%2e/feedback` is `/feedback`, another route, and held to that route's schema.
  try {
    pathname = new URL(pathname, 'http://local').pathname;
  } catch {
    return;
  }
  if (!pathname.startsWith('/api/')) return;
  let match: ReturnType<typeof matchRoute>;
  try {
    match = matchRoute(method, pathname);
  } catch {
    return; // A path no route can match (a malformed escape): the gateway's own 400.
  }
  if (match === null || match === 'method_not_allowed') return;
  const { route } = match;
  const isJson = (contentType ?? '').startsWith('application/json');
  let schema: z.core.$ZodType | undefined;
  if (status === route.ok.status) schema = route.ok.body;
  // API Gateway answers some requests before any handler runs (the JWT authorizer's 401, a path it
  // normalises away, a body over its limit), with its own `{ message }` body.
  else if (status >= 400 && isJson) schema = GATEWAY_STATUSES.has(status) && isGatewayAnswer(body) ? undefined : ErrorBody;
  if (!schema) return;
  const result = z.safeParse(strictOf(schema), body);
  if (!result.success) {
    throw new ContractViolation(
      `${route.id} answered ${status} with a body its schema refuses:\n${z.prettifyError(result.error)}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}
