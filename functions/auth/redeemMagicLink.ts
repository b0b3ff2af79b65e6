import { signInWithLink } from '../../shared/features/auth/domain/portal-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { sessionCookies } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.redeemMagicLink, async ({ body, portal }) => {
  const { client, tokens } = await signInWithLink(portal, body.token);
  return { body: { client: { name: client.name, email: client.email } }, cookies: sessionCookies(tokens) };
});
