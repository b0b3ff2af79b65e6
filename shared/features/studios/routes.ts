// The studio's own routes: who is signed in on the dashboard, and the portal's public face.
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';
import { Branding, PlanView, StudioUserView } from './schemas.ts';

export const routes = {
  getStudioMe: route({
    id: 'getStudioMe',
    feature: 'studios',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/me',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'The signed-in studio user and their studio',
    ok: { status: 200, body: z.object({ user: StudioUserView, studio: Branding, plan: PlanView, portalUrl: z.string() }) },
  }),
  getPortal: route({
    id: 'getPortal',
    feature: 'studios',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal',
    auth: 'public',
    host: 'portal',
    summary: "The portal's public branding, resolved from the host",
    ok: { status: 200, body: z.object({ studio: Branding }) },
  }),
} as const;
