import { deleteStudioTemplate } from '../../shared/features/releases/domain/templates.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.deleteReleaseTemplate, async ({ params, studioSession: { studio } }) => {
  await deleteStudioTemplate(studio, params.templateId);
  return {};
});
