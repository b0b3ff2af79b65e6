import { galleryZipStatus } from '../../shared/features/downloads/domain/gallery-zips.ts';
import { routes } from '../../shared/features/downloads/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getGalleryZip, async ({ params, clientSession: { client, studio } }) => ({
  body: { job: await galleryZipStatus(studio, client, params.galleryId, params.jobId) },
}));
