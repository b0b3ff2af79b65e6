import { deleteImage } from '../../shared/features/uploads/domain/uploads.ts';
import { routes } from '../../shared/features/uploads/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.deleteImage, async ({ params, studioSession: { studio } }) => {
  await deleteImage(studio, params.galleryId, params.imageId);
  return {};
});
