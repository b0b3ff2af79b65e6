import { previewGalleries } from '../../shared/features/portal-manager/domain/preview.ts';
import { routes } from '../../shared/features/portal-manager/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.previewClientGalleries, async ({ params, query, studioSession: { studio } }) => {
  const page = await previewGalleries(studio, params.clientId, pageRequest(query));
  return { body: { galleries: page.items, nextCursor: page.nextCursor } };
});
