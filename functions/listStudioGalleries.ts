import { listStudioGalleries } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.listStudioGalleries, async ({ studioSession: { studio } }) => ({
  body: { galleries: await listStudioGalleries(studio) },
}));
