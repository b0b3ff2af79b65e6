// Studio users: sign up (which creates the studio) and sign in with email and password.

import type { SessionTokens } from '../../../adapters/identity.ts';
import { createUser, deleteUser, signInWithPassword, UserExistsError } from '../../../adapters/identity.ts';
import { conflict, notAuthenticated } from '../../../errors.ts';
import { createStudio, getStudioUser, isSlugTaken, type Studio, type StudioUser } from '../../studios/index.ts';

/** The `sub` of a token Cognito has just handed us (no need to verify our own fresh token). */
function subjectOf(accessToken: string): string {
  const payload = accessToken.split('.')[1] ?? '';
  const sub = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub;
  if (typeof sub !== 'string') throw new Error('Token without sub');
  return sub;
}

export async function signUpStudio(input: { studioName: string; slug: string; name: string; email: string; password: string }): Promise<{
  studio: Studio;
  user: StudioUser;
  tokens: SessionTokens;
}> {
  if (await isSlugTaken(input.slug)) throw conflict('slug_taken', 'That portal address is already taken.');
  let sub: string;
  try {
    sub = await createUser('studio', input.email, input.email, input.password);
  } catch (e) {
    if (e instanceof UserExistsError) throw conflict('email_taken', 'An account with this email already exists. Sign in instead.');
    throw e;
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
  const tokens = await signInWithPassword('studio', input.email, input.password);
  if (!tokens) throw new Error('A user just created could not sign in');
  return { ...created, tokens };
}

export async function signInStudioUser(email: string, password: string): Promise<{ user: StudioUser; tokens: SessionTokens }> {
  const tokens = await signInWithPassword('studio', email, password);
  const user = tokens ? await getStudioUser(subjectOf(tokens.accessToken)) : null;
  if (!tokens || !user) throw notAuthenticated('invalid_credentials', 'That email and password do not match an account.');
  return { user, tokens };
}
