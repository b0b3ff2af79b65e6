import { listClientGalleries } from '../shared/domain/galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.listClientGalleries, async ({ clientSession: { client, studio } }) => ({
  body: { galleries: await listClientGalleries(studio.studioId, client.clientId) },
}));
