import { studioFilesTab } from '../../shared/features/files/domain/files.ts';
import { routes } from '../../shared/features/files/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listStudioFiles, async ({ params, studioSession }) => ({
  body: await studioFilesTab(studioSession, params.projectId),
}));
