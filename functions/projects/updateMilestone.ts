import { studioProjectView, updateMilestone } from '../../shared/features/projects/domain/projects.ts';
import { routes } from '../../shared/features/projects/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateMilestone, async ({ params, body, studioSession }) => ({
  body: {
    project: await studioProjectView(
      studioSession.studio,
      await updateMilestone(studioSession, params.projectId, params.milestoneId, body),
    ),
  },
}));
