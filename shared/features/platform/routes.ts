// The API's own routes: liveness and its OpenAPI description.
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';

export const routes = {
  getHealth: route({
    id: 'getHealth',
    feature: 'platform',
    grants: [],
    method: 'GET',
    path: '/api/health',
    auth: 'public',
    host: 'any',
    summary: 'Liveness check',
    ok: { status: 200, body: z.object({ status: z.literal('ok'), time: z.string() }) },
  }),
  getOpenApi: route({
    id: 'getOpenApi',
    feature: 'platform',
    grants: [],
    method: 'GET',
    path: '/api/openapi.json',
    auth: 'public',
    host: 'any',
    summary: 'This API as an OpenAPI 3.1 document',
    ok: { status: 200, body: z.record(z.string(), z.unknown()) },
  }),
} as const;
