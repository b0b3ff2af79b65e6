// The one route table. The CDK API stack, the local server, the OpenAPI document and the
// isolation tests are all generated from it: a route exists when, and only when, it is listed here.
// Each route's handler lives in functions/<id>.ts and exports `handler`.
import { z } from 'zod';
import * as s from './schemas.ts';

export type Auth = 'public' | 'studio' | 'client';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Where a route may be called from: the studio dashboard host, a studio's portal host, or either. */
export type Host = 'dashboard' | 'portal' | 'any';

export interface RouteDef {
  id: string;
  method: Method;
  path: string;
  auth: Auth;
  host: Host;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status and body schema, for the OpenAPI document. */
  ok: { status: number; body?: z.ZodType };
  /** What the route's Lambda may touch: the CDK grants exactly these (least privilege). */
  grants: readonly Grant[];
}

export type Grant = 'table:read' | 'table:write' | 'bucket:read' | 'bucket:write' | 'mail:send' | 'studioPool:admin' | 'clientPool:admin';

const route = <const R extends RouteDef>(r: R): R => r;

export const routes = {
  getHealth: route({
    id: 'getHealth',
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
    grants: [],
    method: 'GET',
    path: '/api/openapi.json',
    auth: 'public',
    host: 'any',
    summary: 'This API as an OpenAPI 3.1 document',
    ok: { status: 200, body: z.record(z.string(), z.unknown()) },
  }),
  studioSignUp: route({
    id: 'studioSignUp',
    grants: ['table:write', 'studioPool:admin'],
    method: 'POST',
    path: '/api/studio/signup',
    auth: 'public',
    host: 'dashboard',
    summary: 'Create a studio and its first user, and sign in',
    body: s.StudioSignUpBody,
    ok: { status: 201, body: z.object({ user: s.StudioUser, studio: s.Branding }) },
  }),
  studioSignIn: route({
    id: 'studioSignIn',
    grants: ['table:read', 'studioPool:admin'],
    method: 'POST',
    path: '/api/studio/session',
    auth: 'public',
    host: 'dashboard',
    summary: 'Sign a studio user in with email and password (sets the session cookies)',
    body: s.StudioSignInBody,
    ok: { status: 200, body: z.object({ user: s.StudioUser }) },
  }),
  refreshSession: route({
    id: 'refreshSession',
    grants: ['table:read', 'studioPool:admin', 'clientPool:admin'],
    method: 'POST',
    path: '/api/session/refresh',
    auth: 'public',
    host: 'any',
    summary: 'Exchange the refresh cookie for a fresh session cookie',
    ok: { status: 204 },
  }),
  signOut: route({
    id: 'signOut',
    grants: [],
    method: 'DELETE',
    path: '/api/session',
    auth: 'public',
    host: 'any',
    summary: 'Sign out: revoke the refresh token and clear the session cookies',
    ok: { status: 204 },
  }),
  getStudioMe: route({
    id: 'getStudioMe',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/me',
    auth: 'studio',
    host: 'dashboard',
    summary: 'The signed-in studio user and their studio',
    ok: { status: 200, body: z.object({ user: s.StudioUser, studio: s.Branding, portalUrl: z.string() }) },
  }),
  listClients: route({
    id: 'listClients',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/clients',
    auth: 'studio',
    host: 'dashboard',
    summary: "The studio's clients",
    ok: { status: 200, body: z.object({ clients: z.array(s.ClientSummary) }) },
  }),
  inviteClient: route({
    id: 'inviteClient',
    grants: ['table:write', 'clientPool:admin', 'mail:send'],
    method: 'POST',
    path: '/api/studio/clients',
    auth: 'studio',
    host: 'dashboard',
    summary: 'Invite a client by email; Portico sends a branded invitation with a magic link',
    body: s.InviteClientBody,
    ok: { status: 201, body: z.object({ client: s.ClientSummary }) },
  }),
  getPortal: route({
    id: 'getPortal',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal',
    auth: 'public',
    host: 'portal',
    summary: "The portal's public branding, resolved from the host",
    ok: { status: 200, body: z.object({ studio: s.Branding }) },
  }),
  requestMagicLink: route({
    id: 'requestMagicLink',
    grants: ['table:write', 'mail:send'],
    method: 'POST',
    path: '/api/portal/magic-link',
    auth: 'public',
    host: 'portal',
    summary: 'Email a sign-in link; answers the same whether or not the email has an account',
    body: s.MagicLinkBody,
    ok: { status: 202, body: z.object({ message: z.string() }) },
  }),
  renewMagicLink: route({
    id: 'renewMagicLink',
    grants: ['table:write', 'mail:send'],
    method: 'POST',
    path: '/api/portal/magic-link/renew',
    auth: 'public',
    host: 'portal',
    summary: 'Email a fresh sign-in link to whoever an expired link was for (reveals nothing)',
    body: s.RedeemMagicLinkBody,
    ok: { status: 202, body: z.object({ message: z.string() }) },
  }),
  redeemMagicLink: route({
    id: 'redeemMagicLink',
    grants: ['table:write', 'clientPool:admin'],
    method: 'POST',
    path: '/api/portal/session',
    auth: 'public',
    host: 'portal',
    summary: 'Redeem a single-use sign-in link (sets the session cookies)',
    body: s.RedeemMagicLinkBody,
    ok: { status: 200, body: z.object({ client: z.object({ name: z.string(), email: z.string() }) }) },
  }),
  getClientMe: route({
    id: 'getClientMe',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/me',
    auth: 'client',
    host: 'portal',
    summary: 'The signed-in client and the portal branding',
    ok: {
      status: 200,
      body: z.object({
        client: z.object({ name: z.string(), email: z.string(), accessExpiresAt: z.string().nullable() }),
        studio: s.Branding,
      }),
    },
  }),
  listClientGalleries: route({
    id: 'listClientGalleries',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/galleries',
    auth: 'client',
    host: 'portal',
    summary: "The signed-in client's galleries",
    ok: { status: 200, body: z.object({ galleries: z.array(s.ClientGallery) }) },
  }),
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;
export const routeList: RouteDef[] = Object.values(routes);
