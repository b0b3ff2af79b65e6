import { startNewVersion } from '../../shared/features/files/domain/uploads.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createFileVersion, async ({ params, body, studioSession }) => ({
  body: await startNewVersion(studioSession, params.projectId, params.fileId, body),
}));
