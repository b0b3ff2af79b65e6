import { listShareLinks } from '../shared/domain/share-links.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.listShareLinks, async ({ params, studioSession: { studio } }) => ({
  body: { links: await listShareLinks(studio, params.galleryId) },
}));
