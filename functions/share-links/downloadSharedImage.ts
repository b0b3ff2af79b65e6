import { downloadShared } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadSharedImage, async ({ body, portal, viewerIp }) => ({
  body: await downloadShared(portal, viewerIp, body.token, body.password, body.imageId),
}));
