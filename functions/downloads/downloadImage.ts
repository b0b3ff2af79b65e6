import { routes } from '../../shared/features/downloads/routes.ts';
import { downloadLink } from '../../shared/features/proofing/domain/proofing.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadImage, async ({ params, clientSession: { client, studio } }) => ({
  body: await downloadLink(studio, client, params.galleryId, params.imageId),
}));
