// The two Cognito user pools (studio users, client users) behind one small interface.
//
// Magic links without CUSTOM_AUTH: Portico checks the link itself (single use, hashed, 15 minutes,
// see domain/magic-links.ts) and then asks Cognito for tokens with ADMIN_USER_PASSWORD_AUTH, using a
// fresh random password it sets a moment before and never stores. Cognito stays the only token
// issuer, so API Gateway's JWT authorizer verifies client sessions like any other, and the flow is
// the same against cognito-local and AWS (which has no CUSTOM_AUTH locally to lean on).
import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  type AdminCreateUserCommandOutput,
  AdminDeleteUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  type AuthenticationResultType,
  CognitoIdentityProviderClient,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { config } from '../config.ts';

export type Pool = 'studio' | 'client';

let client: CognitoIdentityProviderClient | undefined;
const cognito = () => (client ??= new CognitoIdentityProviderClient({}));

const pool = (p: Pool) =>
  p === 'studio'
    ? { UserPoolId: config.studioPoolId, ClientId: config.studioPoolClientId }
    : { UserPoolId: config.clientPoolId, ClientId: config.clientPoolClientId };

const isError = (e: unknown, ...names: string[]) => e instanceof Error && names.includes(e.name);

/** What a sign-in yields: the session cookies are made of it. */
export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

function toTokens(result: AuthenticationResultType | undefined, refreshToken?: string): SessionTokens {
  if (!result?.AccessToken) throw new Error('Cognito returned no access token');
  return { accessToken: result.AccessToken, expiresIn: result.ExpiresIn ?? 3600, refreshToken: result.RefreshToken ?? refreshToken };
}

/** A password that meets any pool policy and is never shown to anyone. */
const throwawayPassword = () => `${randomBytes(24).toString('base64url')}aA1!`;

export class UserExistsError extends Error {
  override name = 'UserExistsError';
}

/** Creates a confirmed user without Cognito's own invitation mail; returns the user's `sub`. */
export async function createUser(p: Pool, username: string, email: string, password?: string): Promise<string> {
  const { UserPoolId } = pool(p);
  let created: AdminCreateUserCommandOutput;
  try {
    created = await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: throwawayPassword(),
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } catch (e) {
    if (isError(e, 'UsernameExistsException')) throw new UserExistsError(username);
    throw e;
  }
  await cognito().send(
    new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password ?? throwawayPassword(), Permanent: true }),
  );
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned no sub for the new user');
  return sub;
}

export async function deleteUser(p: Pool, username: string): Promise<void> {
  await cognito().send(new AdminDeleteUserCommand({ UserPoolId: pool(p).UserPoolId, Username: username }));
}

/**
 * Revokes every refresh token of the user (a removed team member). cognito-local has no such
 * operation: there, deleting the user next is what makes its refresh tokens fail. A user already
 * gone has nothing left to revoke.
 */
export async function signOutEverywhere(p: Pool, username: string): Promise<void> {
  try {
    await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool(p).UserPoolId, Username: username }));
  } catch (e) {
    if (isError(e, 'UserNotFoundException') || (e instanceof Error && /unsupported/i.test(`${e.name} ${e.message}`))) return;
    throw e;
  }
}

/** Deletes the user, if it is still there: removal must finish even when a retry finds it gone. */
export async function deleteUserIfPresent(p: Pool, username: string): Promise<void> {
  try {
    await deleteUser(p, username);
  } catch (e) {
    if (!isError(e, 'UserNotFoundException')) throw e;
  }
}

/** Email + password sign-in. Null for any credential problem, so callers cannot tell which. */
export async function signInWithPassword(p: Pool, username: string, password: string): Promise<SessionTokens | null> {
  try {
    const out = await cognito().send(
      new AdminInitiateAuthCommand({
        ...pool(p),
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    return toTokens(out.AuthenticationResult);
  } catch (e) {
    // AWS says NotAuthorizedException for a wrong password; cognito-local says InvalidPasswordException.
    if (
      isError(
        e,
        'NotAuthorizedException',
        'InvalidPasswordException',
        'UserNotFoundException',
        'UserNotConfirmedException',
        'PasswordResetRequiredException',
      )
    )
      return null;
    throw e;
  }
}

/** Tokens for a user whose identity Portico has already proven (a redeemed magic link). */
export async function issueSession(p: Pool, username: string): Promise<SessionTokens> {
  const { UserPoolId } = pool(p);
  // Two sign-ins at the same moment may rotate the password under each other: try again once.
  for (let attempt = 0; ; attempt++) {
    const password = throwawayPassword();
    await cognito().send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password, Permanent: true }));
    const tokens = await signInWithPassword(p, username, password);
    if (tokens) return tokens;
    if (attempt >= 2) throw new Error('Could not open a session after rotating the password');
  }
}

export async function refreshSession(p: Pool, refreshToken: string): Promise<SessionTokens | null> {
  try {
    const out = await cognito().send(
      new AdminInitiateAuthCommand({ ...pool(p), AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    );
    return toTokens(out.AuthenticationResult, refreshToken);
  } catch (e) {
    if (isError(e, 'NotAuthorizedException', 'UserNotFoundException', 'InvalidParameterException')) return null;
    throw e;
  }
}

export async function revokeRefreshToken(p: Pool, refreshToken: string): Promise<void> {
  try {
    await cognito().send(new RevokeTokenCommand({ ClientId: pool(p).ClientId, Token: refreshToken }));
  } catch (e) {
    // Signing out must always succeed for the user; an unknown or already revoked token is fine.
    if (
      !isError(
        e,
        'NotAuthorizedException',
        'UnauthorizedException',
        'InvalidParameterException',
        'UnsupportedOperationException',
        'UnsupportedTokenTypeException',
      )
    )
      throw e;
  }
}
