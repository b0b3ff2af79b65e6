import { previewMe } from '../../shared/features/portal-manager/domain/preview.ts';
import { routes } from '../../shared/features/portal-manager/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.previewClientMe, async ({ params, studioSession: { studio } }) => ({
  body: await previewMe(studio, params.clientId),
}));
