// The portal home: one answer for the client's front page.
import { route } from '../../route-def.ts';
import { PortalHome } from './schemas.ts';

export const routes = {
  getPortalHome: route({
    id: 'getPortalHome',
    feature: 'home',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/home',
    auth: 'client',
    host: 'portal',
    summary:
      'What waits on the client (deliverables to review, galleries to proof), then their projects and galleries: 2 DynamoDB requests',
    ok: { status: 200, body: PortalHome },
  }),
} as const;
