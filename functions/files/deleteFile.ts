import { deleteFile } from '../../shared/features/files/domain/files.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.deleteFile, async ({ params, studioSession }) => {
  await deleteFile(studioSession, params.projectId, params.fileId);
  return {};
});
