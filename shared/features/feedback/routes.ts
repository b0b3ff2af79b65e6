// Feedback: a client writes to the studio from the portal (Growth and up); the studio reads it.
import * as z from 'zod/mini';
import { PageQuery, pageFields } from '../../paging.ts';
import { route } from '../../route-def.ts';
import { Feedback, FeedbackBody } from './schemas.ts';

export const routes = {
  sendFeedback: route({
    id: 'sendFeedback',
    feature: 'feedback',
    grants: ['table:write'],
    method: 'POST',
    path: '/api/portal/feedback',
    auth: 'client',
    host: 'portal',
    entitlement: 'feedback',
    summary: "Send the studio feedback from the portal (the Feedback module: the studio's plan must have it)",
    body: FeedbackBody,
    ok: { status: 201, body: z.object({ feedback: Feedback }) },
  }),
  listFeedback: route({
    id: 'listFeedback',
    feature: 'feedback',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/feedback',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: "The clients' feedback, newest first (readable on any plan: a downgrade keeps it)",
    query: PageQuery,
    ok: { status: 200, body: z.object({ feedback: z.array(Feedback), ...pageFields }) },
  }),
} as const;
