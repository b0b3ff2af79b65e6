import { revokeShareLink } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.revokeShareLink, async ({ params, studioSession: { studio } }) => {
  await revokeShareLink(studio, params.galleryId, params.linkId);
  return {};
});
