import { setFavourite } from '../shared/domain/proofing.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.setFavourite, async ({ params, body, clientSession: { client, studio } }) => ({
  body: { favourite: await setFavourite(studio, client, params.galleryId, params.imageId, body.favourite) },
}));
