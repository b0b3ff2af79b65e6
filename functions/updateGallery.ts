import { updateStudioGallery } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.updateGallery, async ({ params, body, studioSession: { studio } }) => ({
  body: { gallery: await updateStudioGallery(studio, params.galleryId, body) },
}));
