import { completeStudioUpload } from '../../shared/features/files/domain/uploads.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.completeStudioFileUpload, async ({ params, body, studioSession }) => ({
  body: { file: await completeStudioUpload(studioSession, params.projectId, params.fileId, params.version, body) },
}));
