import { confirmSelection } from '../shared/domain/proofing.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.confirmSelection, async ({ params, clientSession: { client, studio } }) => {
  const { imageIds: _ids, ...submission } = await confirmSelection(studio, client, params.galleryId);
  return { body: { submission } };
});
