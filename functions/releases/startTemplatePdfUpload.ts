import { templatePdfUpload } from '../../shared/features/releases/domain/templates.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.startTemplatePdfUpload, async ({ params, body, studioSession: { studio } }) => ({
  body: await templatePdfUpload(studio, params.templateId, body.size),
}));
