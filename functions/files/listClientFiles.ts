import { clientFilesTab } from '../../shared/features/files/domain/files.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listClientFiles, async ({ params, clientSession }) => ({
  body: await clientFilesTab(clientSession, params.projectId),
}));
