import { clientGalleryPeople } from '../../shared/features/proofing/domain/threads.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listGalleryPeople, async ({ params, clientSession: { client, studio } }) => ({
  body: { people: await clientGalleryPeople(studio, client, params.galleryId) },
}));
