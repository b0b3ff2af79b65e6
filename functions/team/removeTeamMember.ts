import { removeTeamMember } from '../../shared/features/team/domain/team.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.removeTeamMember, async ({ params, studioSession: { studio } }) => {
  await removeTeamMember(studio, params.userId);
  return {};
});
