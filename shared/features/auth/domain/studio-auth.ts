// Studio users: sign up (which creates the studio) and sign in with email and password.

import type { SessionTokens } from '../../../adapters/identity.ts';
import { createUser, deleteUser, signInWithPassword, UserExistsError } from '../../../adapters/identity.ts';
import { sendMail } from '../../../adapters/mail.ts';
import { config, dashboardUrl } from '../../../config.ts';
import { assertNotBackedOff, type Backoff, recordFailure, resetFailures } from '../../../data/rate-limit.ts';
import { conflict, notAuthenticated } from '../../../errors.ts';
import { createStudio, getStudioUser, isSlugTaken, type Studio, type StudioUser } from '../../studios/index.ts';
import { signUpAttemptEmail, studioReadyEmail } from './emails.ts';
import { unverifiedClaims } from './rules.ts';
import { sessionAfter } from './sessions.ts';

/** The `sub` of a token Cognito has just handed us (no need to verify our own fresh token). */
function subjectOf(accessToken: string): string {
  const sub = unverifiedClaims(accessToken)?.sub;
  if (typeof sub !== 'string') throw new Error('Token without sub');
  return sub;
}

/**
 * Creates the studio and its owner, and mails the address either way: a taken email is told to
 * its owner, never to the caller, so sign-up does not say which emails have an account. A taken
 * portal address is refused: it is public anyway (the portal answers there). The caller signs in
 * next with the password they chose.
 */
export async function signUpStudio(input: {
  studioName: string;
  slug: string;
  name: string;
  email: string;
  password: string;
}): Promise<void> {
  if (await isSlugTaken(input.slug)) throw conflict('slug_taken', 'That portal address is already taken.');
  const signInUrl = `${dashboardUrl()}/signin`;
  let sub: string;
  try {
    sub = await createUser('studio', input.email, input.email, input.password);
  } catch (e) {
    if (!(e instanceof UserExistsError)) throw e;
    await sendMail({ to: input.email, fromName: 'Portico', ...signUpAttemptEmail(signInUrl) });
    return;
  }
  let created: { studio: Studio; user: StudioUser };
  try {
    created = await createStudio({
      name: input.studioName,
      slug: input.slug,
      owner: { userId: sub, email: input.email, name: input.name },
    });
  } catch (e) {
    await deleteUser('studio', input.email).catch(() => undefined);
    throw e;
  }
  await sendMail({ to: input.email, fromName: 'Portico', ...studioReadyEmail(created.studio, signInUrl) });
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
  const [{ failures }] = await Promise.all([
    assertNotBackedOff(signInBackoff('email'), email),
    assertNotBackedOff(signInBackoff('ip'), sourceIp),
  ]);
  const tokens = await signInWithPassword('studio', email, password);
  const user = tokens ? await getStudioUser(subjectOf(tokens.accessToken)) : null;
  if (!tokens || !user) {
    await Promise.all([recordFailure(signInBackoff('email'), email), recordFailure(signInBackoff('ip'), sourceIp)]);
    throw notAuthenticated('invalid_credentials', 'That email and password do not match an account.');
  }
  if (failures > 0) await resetFailures(signInBackoff('email'), email);
  const session = await sessionAfter(user.sessionsValidAfter, tokens, async () => {
    const again = await signInWithPassword('studio', email, password);
    if (!again) throw notAuthenticated('invalid_credentials', 'That email and password do not match an account.');
    return again;
  });
  return { user, tokens: session };
}
