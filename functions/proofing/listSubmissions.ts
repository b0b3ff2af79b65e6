import { gallerySubmissions } from '../../shared/features/proofing/domain/submissions.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listSubmissions, async ({ params, query, studioSession: { studio } }) => ({
  body: await gallerySubmissions(studio, params.galleryId, pageRequest(query)),
}));
