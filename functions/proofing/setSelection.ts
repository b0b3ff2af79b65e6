import { setSelected } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.setSelection, async ({ params, body, clientSession: { client, studio } }) => ({
  body: await setSelected(studio, client, params.galleryId, params.imageId, body.selected),
}));
