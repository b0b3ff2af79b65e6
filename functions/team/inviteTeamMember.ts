import { inviteTeamMember } from '../../shared/features/team/domain/invitations.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.inviteTeamMember, async ({ body, studioSession: { studio, user } }) => ({
  body: { invitation: await inviteTeamMember(studio, user, body) },
}));
