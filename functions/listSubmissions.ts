import { gallerySubmissions } from '../shared/domain/studio-galleries.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.listSubmissions, async ({ params, studioSession: { studio } }) => ({
  body: { submissions: await gallerySubmissions(studio, params.galleryId) },
}));
