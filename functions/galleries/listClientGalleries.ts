import { listClientGalleries } from '../../shared/features/galleries/domain/galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listClientGalleries, async ({ query, clientSession: { client, studio } }) => {
  const page = await listClientGalleries(studio.studioId, client.clientId, pageRequest(query));
  return { body: { galleries: page.items, nextCursor: page.nextCursor } };
});
