import { branding, studioPortalUrl } from '../../shared/features/studios/domain/studios.ts';
import { routes } from '../../shared/features/studios/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getStudioMe, async ({ studioSession: { user, studio } }) => ({
  body: {
    user: { userId: user.userId, email: user.email, name: user.name },
    studio: await branding(studio),
    portalUrl: studioPortalUrl(studio),
  },
}));
