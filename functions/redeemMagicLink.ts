import { signInWithLink } from '../shared/domain/portal-auth.ts';
import { sessionCookies } from '../shared/http/cookies.ts';
import { defineHandler } from '../shared/http/handler.ts';
import { routes } from '../shared/routes.ts';

export const handler = defineHandler(routes.redeemMagicLink, async ({ body, portal }) => {
  const { client, tokens } = await signInWithLink(portal, body.token);
  return { body: { client: { name: client.name, email: client.email } }, cookies: sessionCookies(tokens) };
});
