import { changeTeamRole } from '../../shared/features/team/domain/team.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.changeTeamRole, async ({ params, body, studioSession: { studio } }) => ({
  body: { member: await changeTeamRole(studio, params.userId, body.role) },
}));
