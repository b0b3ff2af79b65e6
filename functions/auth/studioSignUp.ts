import { signUpStudio } from '../../shared/features/auth/domain/studio-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { branding } from '../../shared/features/studios/domain/studios.ts';
import { sessionCookies } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.studioSignUp, async ({ body }) => {
  const { studio, user, tokens } = await signUpStudio(body);
  return {
    body: { user: { userId: user.userId, email: user.email, name: user.name }, studio: await branding(studio) },
    cookies: sessionCookies(tokens),
  };
});
