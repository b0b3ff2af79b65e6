import { setFavourite } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.setFavourite, async ({ params, body, clientSession: { client, studio } }) => ({
  body: { favourite: await setFavourite(studio, client, params.galleryId, params.imageId, body.favourite) },
}));
