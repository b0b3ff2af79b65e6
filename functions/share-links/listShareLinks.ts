import { listShareLinks } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listShareLinks, async ({ params, query, studioSession: { studio } }) => ({
  body: await listShareLinks(studio, params.galleryId, pageRequest(query)),
}));
