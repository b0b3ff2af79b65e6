import { updateFile } from '../../shared/features/files/domain/files.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateFile, async ({ params, body, studioSession }) => ({
  body: { file: await updateFile(studioSession, params.projectId, params.fileId, body) },
}));
