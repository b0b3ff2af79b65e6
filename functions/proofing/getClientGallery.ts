import { recordActivity } from '../../shared/features/proofing/data.ts';
import { clientImages, viewGallery } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getClientGallery, async ({ params, clientSession: { client, studio } }) => {
  const view = await viewGallery(studio, client, params.galleryId);
  const [images] = await Promise.all([
    clientImages(view, client.clientId),
    recordActivity(view.gallery.galleryId, client.clientId, 'view'),
  ]);
  const g = view.gallery;
  return {
    body: {
      gallery: {
        galleryId: g.galleryId,
        title: g.title,
        status: view.status,
        shootDate: g.shootDate,
        deadline: g.deadline,
        welcomeNote: g.welcomeNote ?? '',
        tags: g.tags ?? [],
        rules: view.rules,
        imageCount: images.length,
        selectedCount: view.selection?.count ?? 0,
        confirmedAt: view.selection?.confirmedAt ?? null,
        can: view.can,
      },
      images,
    },
  };
});
