import { listStudioGalleries } from '../../shared/features/galleries/domain/studio-galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listStudioGalleries, async ({ query, studioSession: { studio, user } }) => {
  const page = await listStudioGalleries(studio, user, pageRequest(query));
  return { body: { galleries: page.items, nextCursor: page.nextCursor } };
});
