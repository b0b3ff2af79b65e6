import { downloadLink } from '../shared/domain/proofing.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.downloadImage, async ({ params, clientSession: { client, studio } }) => ({
  body: await downloadLink(studio, client, params.galleryId, params.imageId),
}));
