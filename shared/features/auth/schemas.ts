// Sign-up, sign-in and sign-in links.
import * as z from 'zod/mini';
import { Email, NameText } from '../../schemas.ts';
import { PASSWORD_MIN, Slug } from '../studios/index.ts';

export const Password = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, { error: `at least ${PASSWORD_MIN} characters` }),
    z.maxLength(128),
    z.regex(/[a-z]/, { error: 'needs a lowercase letter' }),
    z.regex(/[A-Z]/, { error: 'needs an uppercase letter' }),
    z.regex(/[0-9]/, { error: 'needs a digit' }),
  );

export const StudioSignUpBody = z.strictObject({
  studioName: NameText(1, 80),
  slug: Slug,
  name: NameText(1, 80),
  email: Email,
  password: Password,
  /** The operator's sign-up code; needed when sign-up is by invitation (SIGNUP_MODE=invite). */
  inviteCode: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'not a valid sign-up code' }))),
});
export const StudioSignInBody = z.strictObject({ email: Email, password: z.string().check(z.minLength(1), z.maxLength(128)) });
export const MagicLinkBody = z.strictObject({ email: Email });
export const VerifyStudioEmailBody = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid verification link' })),
});
export const RedeemMagicLinkBody = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a valid sign-in link' })),
});
