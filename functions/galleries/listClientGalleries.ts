import { listClientGalleries } from '../../shared/features/galleries/domain/galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listClientGalleries, async ({ clientSession: { client, studio } }) => ({
  body: { galleries: await listClientGalleries(studio.studioId, client.clientId) },
}));
