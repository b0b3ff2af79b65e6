import { downloadShared } from '../../shared/features/share-links/domain/share-links.ts';
import { routes } from '../../shared/features/share-links/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadSharedImage, async ({ body, portal }) => ({
  body: await downloadShared(portal, body.token, body.password, body.imageId),
}));
