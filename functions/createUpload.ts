import { startUploads } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.createUpload, async ({ params, body, studioSession: { studio } }) => ({
  body: { tickets: await startUploads(studio, params.galleryId, body.files) },
}));
