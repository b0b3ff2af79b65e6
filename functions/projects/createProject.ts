import { createProject, studioProjectView } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createProject, async ({ body, studioSession: { studio } }) => ({
  body: { project: await studioProjectView(studio, await createProject(studio, body)) },
}));
