// Studio users: sign up (which creates the studio) and sign in with email and password.

import { createHash, randomBytes } from 'node:crypto';
import type { SessionTokens } from '../../../adapters/identity.ts';
import { createUser, deleteUser, signInWithPassword, UserExistsError } from '../../../adapters/identity.ts';
import { sendMail } from '../../../adapters/mail.ts';
import { config, dashboardUrl } from '../../../config.ts';
import { type Backoff, reserveAttempt } from '../../../data/rate-limit.ts';
import { conflict, notAllowed, notAuthenticated, notFound } from '../../../errors.ts';
import { createStudio, getStudioUser, isSlugTaken, markStudioEmailVerified, type Studio, type StudioUser } from '../../studios/index.ts';
import { putEmailVerification, putSignUpCode, takeEmailVerification, takeSignUpCode } from '../data.ts';
import { signUpAttemptEmail, studioReadyEmail } from './emails.ts';
import { unverifiedClaims } from './rules.ts';
import { sessionAfter } from './sessions.ts';

/** The `sub` of a token Cognito has just handed us (no need to verify our own fresh token). */
function subjectOf(accessToken: string): string {
  const sub = unverifiedClaims(accessToken)?.sub;
  if (typeof sub !== 'string') throw new Error('Token without sub');
  return sub;
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/** Issues a single-use sign-up code (SIGNUP_MODE=invite) for the operator to hand to one studio. */
export async function issueSignUpCode(validDays = 14, now = Date.now()): Promise<{ code: string; expiresAt: string }> {
  const code = randomBytes(18).toString('base64url');
  const expiresAt = Math.floor(now / 1000) + validDays * 86_400;
  await putSignUpCode(hashCode(code), { expiresAt, issuedAt: new Date(now).toISOString() });
  return { code, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

export interface NewStudio {
  studioName: string;
  slug: string;
  name: string;
  email: string;
  password: string;
}

/**
 * Who may sign up depends on SIGNUP_MODE: nobody (`closed`: the operator creates studios with
 * `npm run create-studio`), holders of an operator's code (`invite`), or anyone (`open`). The
 * refusal does not depend on the email, so sign-up still says nothing of which emails have an
 * account. Returns what to do if the email turns out taken (put an invite code back).
 */
async function admitSignUp(inviteCode: string | undefined): Promise<() => Promise<void>> {
  const mode = config.signUpMode;
  if (mode === 'closed') {
    throw notAllowed('signup_closed', 'Sign-up is closed on this Portico. Ask its operator to create your studio for you.');
  }
  if (mode === 'open') return async () => undefined;
  const code = inviteCode ? await takeSignUpCode(hashCode(inviteCode), Math.floor(Date.now() / 1000)) : undefined;
  if (!inviteCode || !code) {
    throw notAllowed('signup_invite_required', 'Sign-up on this Portico needs a valid sign-up code from its operator.');
  }
  return () => putSignUpCode(hashCode(inviteCode), code);
}

/**
 * Creates the studio and its owner, and mails the address either way: a taken email is told to
 * its owner, never to the caller, so sign-up does not say which emails have an account. A taken
 * portal address is refused: it is public anyway (the portal answers there). The caller signs in
 * next with the password they chose.
 */
export async function signUpStudio(input: NewStudio & { inviteCode?: string }): Promise<void> {
  if (config.signUpMode === 'closed') await admitSignUp(undefined);
  if (await isSlugTaken(input.slug)) throw conflict('slug_taken', 'That portal address is already taken.');
  const undoAdmission = await admitSignUp(input.inviteCode);
  const created = await createStudioAccount(input, { emailVerified: false });
  if (!created) await undoAdmission().catch(() => undefined);
}

/**
 * The operator's way to create a studio (`npm run create-studio`): the same account as a sign-up,
 * in any SIGNUP_MODE, with the owner's email taken as verified. False when the email has an account.
 */
export async function createStudioByOperator(input: NewStudio): Promise<boolean> {
  if (await isSlugTaken(input.slug)) throw conflict('slug_taken', 'That portal address is already taken.');
  return createStudioAccount(input, { emailVerified: true });
}

/** The owner's pool user and the studio; the owner is mailed either way. False when the email was taken. */
async function createStudioAccount(input: NewStudio, opts: { emailVerified: boolean }): Promise<boolean> {
  const signInUrl = `${dashboardUrl()}/signin`;
  let sub: string;
  try {
    sub = await createUser('studio', input.email, input.email, input.password);
  } catch (e) {
    if (!(e instanceof UserExistsError)) throw e;
    await sendMail({ to: input.email, fromName: 'Portico', ...signUpAttemptEmail(signInUrl) });
    return false;
  }
  let created: { studio: Studio; user: StudioUser };
  try {
    created = await createStudio({
      name: input.studioName,
      slug: input.slug,
      owner: { userId: sub, email: input.email, name: input.name },
      emailVerified: opts.emailVerified,
    });
  } catch (e) {
    await deleteUser('studio', input.email).catch(() => undefined);
    throw e;
  }
  const verifyUrl = opts.emailVerified ? undefined : await issueEmailVerification(created.studio.studioId);
  await sendMail({ to: input.email, fromName: 'Portico', ...studioReadyEmail(created.studio, signInUrl, verifyUrl) });
  return true;
}

/** How long the link in a sign-up mail verifies the owner's email. */
export const EMAIL_VERIFICATION_DAYS = 7;

/** A single-use link that proves the owner reads the sign-up mail: it lands on the dashboard's /verify-email page. */
async function issueEmailVerification(studioId: string, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await putEmailVerification(hashCode(token), { studioId, expiresAt: Math.floor(now / 1000) + EMAIL_VERIFICATION_DAYS * 86_400 });
  return `${dashboardUrl()}/verify-email#token=${token}`;
}

/**
 * Verifies a studio owner's email with the link of the sign-up mail (once): the studio then sends
 * under the daily invitation cap only. An unknown, used or expired link is "not found".
 */
export async function verifyStudioEmail(token: string): Promise<void> {
  const studioId = await takeEmailVerification(hashCode(token), Math.floor(Date.now() / 1000));
  if (!studioId) throw notFound('This verification link is invalid, used or expired.');
  await markStudioEmailVerified(studioId, new Date().toISOString());
}

/** Backoff after failed passwords, per email (a success resets it) and per source IP (it does not). */
export const signInBackoff = (per: 'email' | 'ip'): Backoff => ({
  bucket: per === 'email' ? 'signin-fail-email' : 'signin-fail-ip',
  free: per === 'email' ? config.signInFreeFailuresPerEmail : config.signInFreeFailuresPerIp,
  baseSeconds: config.signInBackoffBaseSeconds,
  maxSeconds: config.signInBackoffMaxSeconds,
  forgetSeconds: config.signInFailuresForgetSeconds,
});

/**
 * Only failures count, so nobody locks the real owner out for longer than the longest wait, and an
 * unknown email is counted and refused exactly as a real one. The IP's count is not reset by a
 * success: one account of one's own must not buy guesses at others.
 */
export async function signInStudioUser(
  email: string,
  password: string,
  sourceIp: string,
): Promise<{ user: StudioUser; tokens: SessionTokens }> {
  // Both counts hold this attempt as a failure until it proves otherwise (reserveAttempt).
  const [byEmail, byIp] = await Promise.allSettled([
    reserveAttempt(signInBackoff('email'), email),
    reserveAttempt(signInBackoff('ip'), sourceIp),
  ]);
  if (byEmail.status === 'rejected' || byIp.status === 'rejected') {
    // The one that let it through takes its reservation back: this attempt never ran.
    await Promise.all([byEmail, byIp].map((r) => (r.status === 'fulfilled' ? r.value.release() : undefined)));
    throw byEmail.status === 'rejected' ? byEmail.reason : (byIp as PromiseRejectedResult).reason;
  }
  const tokens = await signInWithPassword('studio', email, password);
  const user = tokens ? await getStudioUser(subjectOf(tokens.accessToken)) : null;
  // A failure is already counted.
  if (!tokens || !user) throw notAuthenticated('invalid_credentials', 'That email and password do not match an account.');
  await Promise.all([byEmail.value.reset(), byIp.value.release()]);
  const session = await sessionAfter(user.sessionsValidAfter, tokens, async () => {
    const again = await signInWithPassword('studio', email, password);
    if (!again) throw notAuthenticated('invalid_credentials', 'That email and password do not match an account.');
    return again;
  });
  return { user, tokens: session };
}
