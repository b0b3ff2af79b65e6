import { listStudioGalleries } from '../../shared/features/galleries/domain/studio-galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listStudioGalleries, async ({ studioSession: { studio, user } }) => ({
  body: { galleries: await listStudioGalleries(studio, user) },
}));
