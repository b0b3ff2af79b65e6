import { createStudioGallery } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.createGallery, async ({ body, studioSession: { studio } }) => ({
  body: { gallery: await createStudioGallery(studio, body) },
}));
