// The studio's own routes: who is signed in on the dashboard, and the portal's public face.
import * as z from 'zod/mini';
import { PageQuery, pageFields } from '../../paging.ts';
import { route } from '../../route-def.ts';
import { Uuid } from '../../schemas.ts';
import { Branding, OperatorStudio, PlanBody, PlanView, StudioUserView } from './schemas.ts';

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
    ok: {
      status: 200,
      body: z.object({ user: StudioUserView, studio: Branding, plan: PlanView, portalUrl: z.string(), operator: z.boolean() }),
    },
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
  listStudiosForOperator: route({
    id: 'listStudiosForOperator',
    feature: 'studios',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/operator/studios',
    auth: 'studio',
    role: 'owner',
    operator: true,
    host: 'dashboard',
    summary: "The deployment's studios and their plans, oldest first (operators only)",
    query: PageQuery,
    ok: { status: 200, body: z.object({ studios: z.array(OperatorStudio), ...pageFields }) },
  }),
  setStudioPlan: route({
    id: 'setStudioPlan',
    feature: 'studios',
    grants: ['table:write'],
    method: 'PUT',
    path: '/api/operator/studios/{studioId}/plan',
    auth: 'studio',
    role: 'owner',
    operator: true,
    host: 'dashboard',
    summary: "Set a studio's plan and add-ons (operators only); a lower plan deletes nothing",
    params: z.strictObject({ studioId: Uuid }),
    body: PlanBody,
    ok: { status: 200, body: z.object({ studio: OperatorStudio }) },
  }),
} as const;
