// A client's downloads: one image, or the whole gallery or selection as a ZIP.
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';
import { GalleryParams, ImageParams } from '../galleries/index.ts';
import { DownloadLink, ZipBody, ZipJobStatus, ZipParams } from './schemas.ts';

export const routes = {
  downloadImage: route({
    id: 'downloadImage',
    feature: 'downloads',
    grants: ['table:write', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/galleries/{galleryId}/images/{imageId}/download',
    auth: 'client',
    host: 'portal',
    summary: 'A short-lived link that downloads one image, when downloads are allowed',
    params: ImageParams,
    ok: { status: 200, body: DownloadLink },
  }),
  requestGalleryZip: route({
    id: 'requestGalleryZip',
    feature: 'downloads',
    grants: ['table:write', 'bucket:write'],
    method: 'POST',
    path: '/api/portal/galleries/{galleryId}/zip',
    auth: 'client',
    host: 'portal',
    summary: 'Start a ZIP of the whole gallery or the selected set',
    params: GalleryParams,
    body: ZipBody,
    ok: { status: 202, body: z.object({ job: ZipJobStatus }) },
  }),
  getGalleryZip: route({
    id: 'getGalleryZip',
    feature: 'downloads',
    grants: ['table:read', 'bucket:read'],
    method: 'GET',
    path: '/api/portal/galleries/{galleryId}/zip/{jobId}',
    auth: 'client',
    host: 'portal',
    summary: 'Progress of a ZIP, and its download link when ready',
    params: ZipParams,
    ok: { status: 200, body: z.object({ job: ZipJobStatus }) },
  }),
} as const;
