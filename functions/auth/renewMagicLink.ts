import { renewSignInLink } from '../../shared/features/auth/domain/portal-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { atLeast, defineHandler } from '../../shared/http/handler.ts';

const ANSWER_FLOOR_MS = 400;

export const handler = defineHandler(routes.renewMagicLink, async ({ body, portal }) => {
  await atLeast(ANSWER_FLOOR_MS, renewSignInLink(portal, body.token));
  return { body: { message: 'If that link was yours, a fresh one is on its way to the same inbox. It works once, for 15 minutes.' } };
});
