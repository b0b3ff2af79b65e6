import { revokeShareLink } from '../shared/domain/share-links.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.revokeShareLink, async ({ params, studioSession: { studio } }) => {
  await revokeShareLink(studio, params.galleryId, params.linkId);
  return {};
});
