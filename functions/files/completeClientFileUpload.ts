import { completeClientUpload } from '../../shared/features/files/domain/uploads.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.completeClientFileUpload, async ({ params, body, clientSession }) => ({
  body: { file: await completeClientUpload(clientSession, params.projectId, params.fileId, params.version, body) },
}));
