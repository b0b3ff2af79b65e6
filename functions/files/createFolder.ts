import { createFolder } from '../../shared/features/files/domain/folders.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createFolder, async ({ params, body, studioSession }) => ({
  body: { folder: await createFolder(studioSession, params.projectId, body) },
}));
