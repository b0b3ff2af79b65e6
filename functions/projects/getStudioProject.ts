import { projectForStudio } from '../../shared/features/projects/domain/access.ts';
import { studioProjectView } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getStudioProject, async ({ params, studioSession }) => ({
  body: { project: await studioProjectView(studioSession.studio, await projectForStudio(studioSession, params.projectId)) },
}));
