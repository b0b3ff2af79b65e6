import { updateFolder } from '../../shared/features/files/domain/folders.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateFolder, async ({ params, body, studioSession }) => ({
  body: { folder: await updateFolder(studioSession, params.projectId, params.folderId, body) },
}));
