import { setSelected } from '../shared/domain/proofing.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.setSelection, async ({ params, body, clientSession: { client, studio } }) => ({
  body: await setSelected(studio, client, params.galleryId, params.imageId, body.selected),
}));
