import { revokeTeamInvitation } from '../../shared/features/team/domain/invitations.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.revokeTeamInvitation, async ({ params, studioSession: { studio, user } }) => {
  await revokeTeamInvitation(studio, user, params.inviteId);
  return {};
});
