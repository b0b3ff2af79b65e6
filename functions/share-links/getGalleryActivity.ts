import { galleryActivity } from '../../shared/features/share-links/domain/activity.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.getGalleryActivity, async ({ params, query, studioSession: { studio } }) => ({
  body: await galleryActivity(studio, params.galleryId, pageRequest(query)),
}));
