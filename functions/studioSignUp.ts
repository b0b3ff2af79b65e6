import { signUpStudio } from '../shared/domain/studio-auth.ts';
import { branding } from '../shared/domain/studios.ts';
import { sessionCookies } from '../shared/http/cookies.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.studioSignUp, async ({ body }) => {
  const { studio, user, tokens } = await signUpStudio(body);
  return {
    body: { user: { userId: user.userId, email: user.email, name: user.name }, studio: await branding(studio) },
    cookies: sessionCookies(tokens),
  };
});
