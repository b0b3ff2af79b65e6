import { studioDownload } from '../../shared/features/files/domain/files.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadStudioFile, async ({ params, studioSession }) => ({
  body: await studioDownload(studioSession, params.projectId, params.fileId, params.version),
}));
