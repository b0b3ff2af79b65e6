import { signUpStudio } from '../../shared/features/auth/domain/studio-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { atLeast, defineHandler } from '../../shared/http/handler.ts';

/** A fresh studio and a taken email take as long, so timing does not tell whether an account exists. */
const ANSWER_FLOOR_MS = 600;

export const handler = defineHandler(routes.studioSignUp, async ({ body }) => {
  await atLeast(ANSWER_FLOOR_MS, signUpStudio(body));
  return {
    body: {
      message:
        'Thanks! We have sent an email to that address: if it was free, your studio is ready and you can sign in with it and your password.',
    },
  };
});
