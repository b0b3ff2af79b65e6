import { updateBranding } from '../../shared/features/branding/domain/branding.ts';
import { routes } from '../../shared/features/branding/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateBranding, async ({ body, studioSession: { studio } }) => ({
  body: { studio: await updateBranding(studio, body) },
}));
