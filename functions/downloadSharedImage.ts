import { downloadShared } from '../shared/domain/share-links.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.downloadSharedImage, async ({ body, portal }) => ({
  body: await downloadShared(portal, body.token, body.password, body.imageId),
}));
