import { openSharedGallery } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.openSharedGallery, async ({ body, portal, viewerIp }) => ({
  body: await openSharedGallery(portal, viewerIp, body.token, body.password),
}));
