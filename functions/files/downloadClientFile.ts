import { clientDownload } from '../../shared/features/files/domain/files.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadClientFile, async ({ params, clientSession }) => ({
  body: await clientDownload(clientSession, params.projectId, params.fileId, params.version),
}));
