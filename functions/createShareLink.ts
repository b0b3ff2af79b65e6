import { createShareLink } from '../shared/domain/share-links.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.createShareLink, async ({ params, body, studioSession: { studio } }) => ({
  body: { link: await createShareLink(studio, params.galleryId, body) },
}));
