import { galleryActivity } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getGalleryActivity, async ({ params, studioSession: { studio } }) => ({
  body: await galleryActivity(studio, params.galleryId),
}));
