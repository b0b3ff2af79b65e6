import { completeUpload } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.completeUpload, async ({ params, body, studioSession: { studio } }) => ({
  body: { image: await completeUpload(studio, params.galleryId, params.imageId, body) },
}));
