// The OpenAPI 3.1 description of the API, generated from the route table's zod schemas by
// `npm run gen` into shared/openapi.json, which the getOpenApi Lambda serves (zod-openapi and every
// schema stay out of the Lambdas).

import * as z from 'zod/mini';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { RouteDef } from './route-def.ts';
import { isIdempotent, routeList } from './routes.ts';
import { ErrorBody } from './schemas.ts';

/** The document as `npm run gen` writes it. */
export const openApiJson = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

let cached: ReturnType<typeof createDocument> | undefined;

/** The header a retry repeats (shared/http/idempotency.ts): the same key replays the first answer. */
const idempotencyHeader = z.object({
  'Idempotency-Key': z.optional(
    z
      .string()
      .check(z.regex(/^[\x21-\x7e]{1,128}$/))
      .register(z.globalRegistry, {
        description:
          'One key per logical request (a UUID), the same for each of its retries: within a day, a repeat by the same caller gets the first success answer again (with `idempotent-replayed: true`) instead of a second create; another request under the same key is a 422.',
      }),
  ),
});

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/** Who may call a route beyond its session: the team role and the plan entitlement it names. */
function accessNote(route: RouteDef): string | undefined {
  const notes = [
    route.auth === 'studio' ? `Team role: ${route.role} or above (403 \`role_required\` otherwise).` : '',
    route.entitlement ? `Plan: needs \`${route.entitlement}\` (403 \`plan_required\` naming the plan that unlocks it).` : '',
  ].filter(Boolean);
  return notes.length ? notes.join(' ') : undefined;
}

export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routeList) {
    const operation: ZodOpenApiOperationObject = {
      operationId: route.id,
      summary: route.summary,
      description: accessNote(route),
      tags: [
        route.auth === 'studio'
          ? 'Studio'
          : route.auth === 'client'
            ? 'Client portal'
            : route.host === 'portal'
              ? 'Client portal'
              : 'Public',
      ],
      security: route.auth === 'public' ? [] : [{ [`${route.auth}Session`]: [] }],
      requestParams: {
        ...(route.params ? { path: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(isIdempotent(route) ? { header: idempotencyHeader } : {}),
      },
      requestBody: route.body ? { required: true, content: { 'application/json': { schema: route.body } } } : undefined,
      responses: {
        [String(route.ok.status)]: route.ok.body
          ? { description: 'Success', content: { 'application/json': { schema: route.ok.body } } }
          : { description: 'Success, no content' },
        ...(route.body || route.params || route.query ? { '400': errorResponse('Invalid input; `fields` names each bad field') } : {}),
        ...(route.auth !== 'public'
          ? { '401': errorResponse('Not signed in'), '403': errorResponse('Signed in, but not allowed here') }
          : {}),
        '404': errorResponse('No such resource here'),
        ...(isIdempotent(route)
          ? {
              '409': errorResponse('A conflict, or a request with this Idempotency-Key still in progress (see Retry-After)'),
              '422': errorResponse('This Idempotency-Key was used for a different request (`idempotency_key_reused`)'),
            }
          : {}),
      },
    };
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    paths[route.path] = { ...paths[route.path], [method]: operation };
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: '0.1.0',
      description:
        'The API behind the Portico studio dashboard and client portals. The tenant is resolved from the host; sessions travel in HttpOnly cookies that the edge turns into bearer tokens.',
      // As LICENSE and package.json say.
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Same origin as the page: the paths already start with /api, and the host decides the tenant
    // (the dashboard host for studio routes, a studio's portal host for client routes), so no
    // absolute URL would be right for every caller.
    servers: [{ url: '/', description: 'The host that served this document: the studio dashboard or a client portal' }],
    paths,
    components: {
      securitySchemes: {
        studioSession: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Access token of the studio user pool (the portico_session cookie)',
        },
        clientSession: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Access token of the client user pool (the portico_session cookie)',
        },
      },
    },
  });
  return cached;
}
