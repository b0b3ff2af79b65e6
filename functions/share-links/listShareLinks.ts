import { listShareLinks } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listShareLinks, async ({ params, studioSession: { studio } }) => ({
  body: { links: await listShareLinks(studio, params.galleryId) },
}));
