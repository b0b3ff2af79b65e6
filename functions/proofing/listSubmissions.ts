import { gallerySubmissions } from '../../shared/features/proofing/domain/submissions.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listSubmissions, async ({ params, studioSession: { studio } }) => ({
  body: { submissions: await gallerySubmissions(studio, params.galleryId) },
}));
