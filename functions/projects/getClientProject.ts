import { projectForClient } from '../../shared/features/projects/domain/access.ts';
import { clientProjectView } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getClientProject, async ({ params, clientSession }) => ({
  body: { project: await clientProjectView(await projectForClient(clientSession, params.projectId)) },
}));
