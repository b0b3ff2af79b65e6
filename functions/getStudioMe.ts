import { branding, studioPortalUrl } from '../shared/domain/studios.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.getStudioMe, async ({ studioSession: { user, studio } }) => ({
  body: {
    user: { userId: user.userId, email: user.email, name: user.name },
    studio: await branding(studio),
    portalUrl: studioPortalUrl(studio),
  },
}));
