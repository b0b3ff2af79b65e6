import { studioUserView } from '../../shared/features/studios/index.ts';
import { acceptTeamInvitation } from '../../shared/features/team/domain/invitations.ts';
import { routes } from '../../shared/features/team/routes.ts';
import { sessionCookies } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.acceptTeamInvitation, async ({ body }) => {
  const { user, tokens } = await acceptTeamInvitation(body);
  return { body: { user: studioUserView(user) }, cookies: sessionCookies(tokens) };
});
