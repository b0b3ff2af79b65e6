// Share links: the studio makes, lists and revokes them; anyone holding one opens the gallery.
import * as z from 'zod/mini';
import { PageQuery, pageFields } from '../../paging.ts';
import { route } from '../../route-def.ts';
import { DownloadLink } from '../downloads/index.ts';
import { GalleryParams } from '../galleries/index.ts';
import {
  Activity,
  CreateShareLinkBody,
  OpenShareBody,
  ShareDownloadBody,
  SharedGallery,
  SharedImage,
  ShareLink,
  ShareLinkParams,
} from './schemas.ts';

export const routes = {
  createShareLink: route({
    id: 'createShareLink',
    feature: 'share-links',
    grants: ['table:write'],
    method: 'POST',
    path: '/api/studio/galleries/{galleryId}/share-links',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'Create a view-only or download link to a gallery, with an optional password and expiry',
    params: GalleryParams,
    body: CreateShareLinkBody,
    ok: { status: 201, body: z.object({ link: ShareLink }) },
  }),
  listShareLinks: route({
    id: 'listShareLinks',
    feature: 'share-links',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/galleries/{galleryId}/share-links',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: "A gallery's share links and how often each was used, a page at a time (follow `nextCursor`)",
    params: GalleryParams,
    query: PageQuery,
    ok: { status: 200, body: z.object({ links: z.array(ShareLink), ...pageFields }) },
  }),
  revokeShareLink: route({
    id: 'revokeShareLink',
    feature: 'share-links',
    grants: ['table:write'],
    method: 'DELETE',
    path: '/api/studio/galleries/{galleryId}/share-links/{linkId}',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'Revoke a share link; it stops working at once',
    params: ShareLinkParams,
    ok: { status: 204 },
  }),
  getGalleryActivity: route({
    id: 'getGalleryActivity',
    feature: 'share-links',
    grants: ['table:read'],
    method: 'GET',
    path: '/api/studio/galleries/{galleryId}/activity',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'Views and downloads per client, a page at a time (share-link use: listShareLinks)',
    params: GalleryParams,
    query: PageQuery,
    ok: { status: 200, body: Activity },
  }),
  openSharedGallery: route({
    id: 'openSharedGallery',
    feature: 'share-links',
    grants: ['table:write', 'bucket:read'],
    // Never replayed: it creates nothing (a read behind a password), and its answer's signed links
    // expire long before a stored answer would.
    idempotent: false,
    method: 'POST',
    path: '/api/share/gallery',
    auth: 'public',
    host: 'portal',
    summary: 'Open a gallery through a share link (the token travels in the body, never in a URL)',
    body: OpenShareBody,
    ok: { status: 200, body: z.object({ gallery: SharedGallery, images: z.array(SharedImage) }) },
  }),
  downloadSharedImage: route({
    id: 'downloadSharedImage',
    feature: 'share-links',
    grants: ['table:write', 'bucket:read'],
    // Never replayed: a read answering a short-lived signed link (see openSharedGallery).
    idempotent: false,
    method: 'POST',
    path: '/api/share/download',
    auth: 'public',
    host: 'portal',
    summary: 'Download one image through a download share link',
    body: ShareDownloadBody,
    ok: { status: 200, body: DownloadLink },
  }),
} as const;
