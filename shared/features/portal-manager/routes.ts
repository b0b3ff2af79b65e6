// The Portal Manager (dashboard, admin and owner): the overview, and "view as client". The preview
// routes are studio routes on the dashboard host and GET only, with read grants only: they answer
// what the client's portal routes answer, built by the same domain functions, but there is no client
// session anywhere in them, so nothing can be written on the client's behalf. Every portal write
// route still needs the client's own token on the portal host, which a studio user never holds.
import * as z from 'zod/mini';
import { PageQuery, pageFields } from '../../paging.ts';
import { route } from '../../route-def.ts';
import { ClientMe, ClientParams } from '../clients/index.ts';
import { ClientGallery } from '../galleries/index.ts';
import { ClientGalleryDetail, ClientImage } from '../proofing/index.ts';
import { PortalOverview, PreviewGalleryParams } from './schemas.ts';

export const routes = {
  getPortalOverview: route({
    id: 'getPortalOverview',
    feature: 'portal-manager',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/portal-manager',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: 'Pending invitations, recent client submissions, and releases and deliverables waiting on clients',
    ok: { status: 200, body: PortalOverview },
  }),
  previewClientMe: route({
    id: 'previewClientMe',
    feature: 'portal-manager',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/portal-manager/clients/{clientId}/me',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: "View as client (read-only): what the client's portal answers for /api/portal/me",
    params: ClientParams,
    ok: { status: 200, body: ClientMe },
  }),
  previewClientGalleries: route({
    id: 'previewClientGalleries',
    feature: 'portal-manager',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/portal-manager/clients/{clientId}/galleries',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: "View as client (read-only): the client's galleries, as their portal lists them",
    params: ClientParams,
    query: PageQuery,
    ok: { status: 200, body: z.object({ galleries: z.array(ClientGallery), ...pageFields }) },
  }),
  previewClientGallery: route({
    id: 'previewClientGallery',
    feature: 'portal-manager',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/portal-manager/clients/{clientId}/galleries/{galleryId}',
    auth: 'studio',
    role: 'admin',
    host: 'dashboard',
    summary: 'View as client (read-only): a gallery as the client proofs it, with their marks (counts no view)',
    params: PreviewGalleryParams,
    ok: { status: 200, body: z.object({ gallery: ClientGalleryDetail, images: z.array(ClientImage) }) },
  }),
} as const;
