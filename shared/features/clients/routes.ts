// A studio's clients: listing and inviting them; a client's own view of their account.
import * as z from 'zod/mini';
import { PageQuery, pageFields } from '../../paging.ts';
import { route } from '../../route-def.ts';
import { Branding } from '../studios/index.ts';
import { ClientSummary, InviteClientBody } from './schemas.ts';

export const routes = {
  listClients: route({
    id: 'listClients',
    feature: 'clients',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/clients',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: "The studio's clients, a page at a time (follow `nextCursor`)",
    query: PageQuery,
    ok: { status: 200, body: z.object({ clients: z.array(ClientSummary), ...pageFields }) },
  }),
  inviteClient: route({
    id: 'inviteClient',
    feature: 'clients',
    grants: ['table:write', 'clientPool:admin', 'mail:send'],
    method: 'POST',
    path: '/api/studio/clients',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: 'Invite a client by email; Portico sends a branded invitation with a magic link',
    body: InviteClientBody,
    ok: { status: 201, body: z.object({ client: ClientSummary }) },
  }),
  getClientMe: route({
    id: 'getClientMe',
    feature: 'clients',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/me',
    auth: 'client',
    host: 'portal',
    summary: 'The signed-in client and the portal branding',
    ok: {
      status: 200,
      body: z.object({
        client: z.object({ name: z.string(), email: z.string(), accessExpiresAt: z.nullable(z.string()) }),
        studio: Branding,
      }),
    },
  }),
} as const;
