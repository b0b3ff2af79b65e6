// Galleries: the studio creates and edits them; a client lists theirs.
import * as z from 'zod/mini';
import { PageQuery, pageFields } from '../../paging.ts';
import { route } from '../../route-def.ts';
import { ClientGallery, CreateGalleryBody, GalleryParams, StudioGallery, StudioImage, UpdateGalleryBody } from './schemas.ts';

export const routes = {
  listClientGalleries: route({
    id: 'listClientGalleries',
    feature: 'galleries',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/galleries',
    auth: 'client',
    host: 'portal',
    summary: "The signed-in client's galleries, a page at a time (follow `nextCursor`)",
    query: PageQuery,
    ok: { status: 200, body: z.object({ galleries: z.array(ClientGallery), ...pageFields }) },
  }),
  listStudioGalleries: route({
    id: 'listStudioGalleries',
    feature: 'galleries',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/galleries',
    auth: 'studio',
    host: 'dashboard',
    summary: "The studio's galleries, every status, a page at a time (follow `nextCursor`)",
    query: PageQuery,
    ok: { status: 200, body: z.object({ galleries: z.array(StudioGallery), ...pageFields }) },
  }),
  createGallery: route({
    id: 'createGallery',
    feature: 'galleries',
    grants: ['table:write'],
    method: 'POST',
    path: '/api/studio/galleries',
    auth: 'studio',
    host: 'dashboard',
    summary: "Create a gallery (a draft) for one of the studio's clients",
    body: CreateGalleryBody,
    ok: { status: 201, body: z.object({ gallery: StudioGallery }) },
  }),
  getStudioGallery: route({
    id: 'getStudioGallery',
    feature: 'galleries',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/studio/galleries/{galleryId}',
    auth: 'studio',
    host: 'dashboard',
    summary: 'A gallery with its images and their processing status',
    params: GalleryParams,
    ok: { status: 200, body: z.object({ gallery: StudioGallery, images: z.array(StudioImage) }) },
  }),
  updateGallery: route({
    id: 'updateGallery',
    feature: 'galleries',
    grants: ['table:write', 'bucket:read'],
    method: 'PATCH',
    path: '/api/studio/galleries/{galleryId}',
    auth: 'studio',
    host: 'dashboard',
    summary: 'Edit a gallery: details, rules, cover, status (publish, lock, ready, archive)',
    params: GalleryParams,
    body: UpdateGalleryBody,
    ok: { status: 200, body: z.object({ gallery: StudioGallery }) },
  }),
} as const;
