import { deleteMilestone, studioProjectView } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.deleteMilestone, async ({ params, studioSession }) => ({
  body: {
    project: await studioProjectView(studioSession.studio, await deleteMilestone(studioSession, params.projectId, params.milestoneId)),
  },
}));
