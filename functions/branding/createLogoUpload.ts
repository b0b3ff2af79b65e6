import { startLogoUpload } from '../../shared/features/branding/domain/branding.ts';
import { routes } from '../../shared/features/branding/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createLogoUpload, async ({ body, studioSession: { studio } }) => ({
  body: { upload: await startLogoUpload(studio, body) },
}));
