import { updateTemplate } from '../../shared/features/releases/domain/templates.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateReleaseTemplate, async ({ params, body, studioSession: { studio } }) => ({
  body: { template: await updateTemplate(studio, params.templateId, body) },
}));
