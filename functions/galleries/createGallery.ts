import { createStudioGallery } from '../../shared/features/galleries/domain/studio-galleries.ts';
import { routes } from '../../shared/features/galleries/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createGallery, async ({ body, studioSession: { studio } }) => ({
  body: { gallery: await createStudioGallery(studio, body) },
}));
