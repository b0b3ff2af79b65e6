import { signInStudioUser } from '../../shared/features/auth/domain/studio-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { studioUserView } from '../../shared/features/studios/index.ts';
import { sessionCookies } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.studioSignIn, async ({ body, viewerIp }) => {
  const { user, tokens } = await signInStudioUser(body.email, body.password, viewerIp);
  return { body: { user: studioUserView(user) }, cookies: sessionCookies(tokens) };
});
