import { deleteFolder } from '../../shared/features/files/domain/folders.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.deleteFolder, async ({ params, studioSession }) => {
  await deleteFolder(studioSession, params.projectId, params.folderId);
  return {};
});
