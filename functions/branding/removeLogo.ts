import { removeLogo } from '../../shared/features/branding/domain/branding.ts';
import { routes } from '../../shared/features/branding/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.removeLogo, async ({ studioSession: { studio } }) => ({
  body: { studio: await removeLogo(studio) },
}));
