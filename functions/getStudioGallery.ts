import { studioGalleryDetail } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getStudioGallery, async ({ params, studioSession: { studio } }) => ({
  body: await studioGalleryDetail(studio, params.galleryId),
}));
