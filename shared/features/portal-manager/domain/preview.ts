// "View as client": the client's portal as the client sees it, computed by the very functions the
// portal routes use, for a client of the caller's studio. Reads only: no view is counted, no mark,
// no activity, so previewing leaves no trace the client or the studio's reports could see.

import type { PageRequest } from '../../../paging.ts';
import { branding } from '../../branding/index.ts';
import { clientOfStudio } from '../../clients/index.ts';
import { listClientGalleries } from '../../galleries/index.ts';
import { paymentLockOf } from '../../invoices/index.ts';
import { clientGalleryAnswer, clientImages, viewGallery } from '../../proofing/index.ts';
import type { Studio } from '../../studios/index.ts';

export async function previewMe(studio: Studio, clientId: string) {
  const client = await clientOfStudio(studio.studioId, clientId);
  return { client: { name: client.name, email: client.email, accessExpiresAt: client.accessExpiresAt }, studio: await branding(studio) };
}

export async function previewGalleries(studio: Studio, clientId: string, page: PageRequest) {
  const client = await clientOfStudio(studio.studioId, clientId);
  return listClientGalleries(studio.studioId, client.clientId, page);
}

/** The proofing page's answer, without getClientGallery's view count (a preview is not a visit). */
export async function previewGallery(studio: Studio, clientId: string, galleryId: string) {
  const client = await clientOfStudio(studio.studioId, clientId);
  const view = await viewGallery(studio, client, galleryId);
  const [images, lock] = await Promise.all([clientImages(view, client.clientId), paymentLockOf(studio.studioId, galleryId)]);
  return clientGalleryAnswer(view, images, lock);
}
