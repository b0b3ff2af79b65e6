import { requestSignInLink } from '../../shared/features/auth/domain/portal-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { atLeast, defineHandler } from '../../shared/http/handler.ts';

/** Both answers take as long as sending a mail, so timing does not tell whether an account exists. */
const ANSWER_FLOOR_MS = 400;

export const handler = defineHandler(routes.requestMagicLink, async ({ body, portal }) => {
  await atLeast(ANSWER_FLOOR_MS, requestSignInLink(portal, body.email));
  return {
    body: {
      message: `If ${body.email} has access to ${portal.name}'s portal, a sign-in link is on its way. It works once, for 15 minutes.`,
    },
  };
});
