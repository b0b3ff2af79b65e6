import { studioGalleryDetail } from '../../shared/features/galleries/domain/studio-galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getStudioGallery, async ({ params, studioSession: { studio } }) => ({
  body: await studioGalleryDetail(studio, params.galleryId),
}));
