import { startGalleryZip } from '../../shared/features/downloads/domain/gallery-zips.ts';
import { routes } from '../../shared/features/downloads/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.requestGalleryZip, async ({ params, body, clientSession: { client, studio } }) => ({
  body: { job: await startGalleryZip(studio, client, params.galleryId, body.scope) },
}));
