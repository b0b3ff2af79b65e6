import { studioTemplate } from '../../shared/features/releases/domain/templates.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getReleaseTemplate, async ({ params, studioSession: { studio } }) => ({
  body: { template: await studioTemplate(studio, params.templateId) },
}));
