import { confirmSelection } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.confirmSelection, async ({ params, clientSession: { client, studio } }) => {
  const { imageIds: _ids, ...submission } = await confirmSelection(studio, client, params.galleryId);
  return { body: { submission } };
});
