// Getting photos into a gallery (and out of it again): upload tickets, completion, removal.
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';
import { GalleryParams, ImageParams, StudioImage } from '../galleries/index.ts';
import { CompleteUploadBody, CreateUploadsBody, UploadTicket } from './schemas.ts';

export const routes = {
  createUpload: route({
    id: 'createUpload',
    feature: 'uploads',
    grants: ['table:write', 'bucket:write'],
    method: 'POST',
    path: '/api/studio/galleries/{galleryId}/uploads',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'Start uploads (up to 100 files): a presigned PUT for small files, presigned multipart parts for large ones',
    params: GalleryParams,
    body: CreateUploadsBody,
    ok: { status: 201, body: z.object({ tickets: z.array(UploadTicket) }) },
  }),
  completeUpload: route({
    id: 'completeUpload',
    feature: 'uploads',
    grants: ['table:write', 'bucket:write'],
    method: 'POST',
    path: '/api/studio/galleries/{galleryId}/uploads/{imageId}/complete',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'Finish a multipart upload; the image pipeline takes it from there (single PUTs need no completion)',
    params: ImageParams,
    body: CompleteUploadBody,
    ok: { status: 200, body: z.object({ image: StudioImage }) },
  }),
  deleteImage: route({
    id: 'deleteImage',
    feature: 'uploads',
    grants: ['table:write', 'bucket:write'],
    method: 'DELETE',
    path: '/api/studio/galleries/{galleryId}/images/{imageId}',
    auth: 'studio',
    role: 'member',
    host: 'dashboard',
    summary: 'Remove an image and its files from a gallery',
    params: ImageParams,
    ok: { status: 204 },
  }),
} as const;
