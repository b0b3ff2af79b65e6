import { portalHome } from '../../shared/features/home/domain/home.ts';
import { routes } from '../../shared/features/home/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getPortalHome, async ({ clientSession: { studio, client } }) => ({
  body: await portalHome(studio, client),
}));
