import { completeUpload } from '../../shared/features/uploads/domain/uploads.ts';
import { routes } from '../../shared/features/uploads/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.completeUpload, async ({ params, body, studioSession: { studio } }) => ({
  body: { image: await completeUpload(studio, params.galleryId, params.imageId, body) },
}));
