import { startUploads } from '../../shared/features/uploads/domain/uploads.ts';
import { routes } from '../../shared/features/uploads/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createUpload, async ({ params, body, studioSession: { studio } }) => ({
  body: { tickets: await startUploads(studio, params.galleryId, body.files) },
}));
