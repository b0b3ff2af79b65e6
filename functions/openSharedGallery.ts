import { openSharedGallery } from '../shared/domain/share-links.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.openSharedGallery, async ({ body, portal }) => ({
  body: await openSharedGallery(portal, body.token, body.password),
}));
