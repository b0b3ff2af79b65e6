import { createTemplate } from '../../shared/features/releases/domain/templates.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createReleaseTemplate, async ({ body, studioSession: { studio } }) => ({
  body: { template: await createTemplate(studio, body) },
}));
