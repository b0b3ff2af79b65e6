import { deleteImage } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.deleteImage, async ({ params, studioSession: { studio } }) => {
  await deleteImage(studio, params.galleryId, params.imageId);
  return {};
});
