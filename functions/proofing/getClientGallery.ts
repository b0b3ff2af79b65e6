import { paymentLockOf } from '../../shared/features/invoices/index.ts';
import { recordActivity } from '../../shared/features/proofing/data.ts';
import { clientGalleryAnswer, clientImages, viewGallery } from '../../shared/features/proofing/domain/proofing.ts';
import { routes } from '../../shared/features/proofing/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getClientGallery, async ({ params, clientSession: { client, studio } }) => {
  const view = await viewGallery(studio, client, params.galleryId);
  const [images, lock] = await Promise.all([
    clientImages(view, client.clientId),
    paymentLockOf(studio.studioId, view.gallery.galleryId),
    recordActivity(view.gallery.galleryId, client.clientId, 'view'),
  ]);
  return { body: clientGalleryAnswer(view, images, lock) };
});
