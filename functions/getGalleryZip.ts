import { galleryZipStatus } from '../shared/domain/gallery-zips.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getGalleryZip, async ({ params, clientSession: { client, studio } }) => ({
  body: { job: await galleryZipStatus(studio, client, params.galleryId, params.jobId) },
}));
