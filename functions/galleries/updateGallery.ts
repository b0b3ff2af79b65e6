import { updateStudioGallery } from '../../shared/features/galleries/domain/studio-galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateGallery, async ({ params, body, studioSession: { studio, user } }) => ({
  body: { gallery: await updateStudioGallery(studio, user, params.galleryId, body) },
}));
