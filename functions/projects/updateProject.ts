import { studioProjectView, updateProject } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateProject, async ({ params, body, studioSession }) => ({
  body: { project: await studioProjectView(studioSession.studio, await updateProject(studioSession, params.projectId, body)) },
}));
