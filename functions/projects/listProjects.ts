import { listStudioProjects } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listProjects, async ({ query, studioSession }) => {
  const page = await listStudioProjects(studioSession, pageRequest(query));
  return { body: { projects: page.items, nextCursor: page.nextCursor } };
});
