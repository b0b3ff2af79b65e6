import { createShareLink } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createShareLink, async ({ params, body, studioSession: { studio } }) => ({
  body: { link: await createShareLink(studio, params.galleryId, body) },
}));
