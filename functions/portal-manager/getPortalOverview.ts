import { portalOverview } from '../../shared/features/portal-manager/domain/overview.ts';
import { routes } from '../../shared/features/portal-manager/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getPortalOverview, async ({ studioSession: { studio } }) => ({
  body: await portalOverview(studio),
}));
