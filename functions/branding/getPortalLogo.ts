import { portalLogoLocation } from '../../shared/features/branding/domain/branding.ts';
import { routes } from '../../shared/features/branding/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getPortalLogo, async ({ portal }) => ({
  raw: '',
  headers: { location: await portalLogoLocation(portal), 'cache-control': 'public, max-age=300' },
}));
