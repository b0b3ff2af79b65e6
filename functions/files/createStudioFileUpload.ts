import { startStudioUpload } from '../../shared/features/files/domain/uploads.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createStudioFileUpload, async ({ params, body, studioSession }) => ({
  body: await startStudioUpload(studioSession, params.projectId, body),
}));
