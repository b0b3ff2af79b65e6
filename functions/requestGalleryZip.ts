import { startGalleryZip } from '../shared/domain/gallery-zips.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.requestGalleryZip, async ({ params, body, clientSession: { client, studio } }) => ({
  body: { job: await startGalleryZip(studio, client, params.galleryId, body.scope) },
}));
