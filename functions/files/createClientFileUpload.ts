import { startClientUpload } from '../../shared/features/files/domain/uploads.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createClientFileUpload, async ({ params, body, clientSession }) => ({
  body: await startClientUpload(clientSession, params.projectId, body),
}));
