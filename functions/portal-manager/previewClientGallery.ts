import { previewGallery } from '../../shared/features/portal-manager/domain/preview.ts';
import { routes } from '../../shared/features/portal-manager/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.previewClientGallery, async ({ params, studioSession: { studio } }) => ({
  body: await previewGallery(studio, params.clientId, params.galleryId),
}));
