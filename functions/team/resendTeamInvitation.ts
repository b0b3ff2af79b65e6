import { resendTeamInvitation } from '../../shared/features/team/domain/invitations.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.resendTeamInvitation, async ({ params, studioSession: { studio, user } }) => ({
  body: { invitation: await resendTeamInvitation(studio, user, params.inviteId) },
}));
