import { studioGalleryPeople } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listStudioGalleryPeople, async ({ params, studioSession }) => ({
  body: { people: await studioGalleryPeople(studioSession, params.galleryId) },
}));
