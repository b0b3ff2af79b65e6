import { listStudioTemplates } from '../../shared/features/releases/domain/templates.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listReleaseTemplates, async ({ studioSession: { studio } }) => ({
  body: { templates: await listStudioTemplates(studio) },
}));
