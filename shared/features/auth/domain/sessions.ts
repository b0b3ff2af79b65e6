// Signing out ends the session, not only the refresh token: the user's (or client's) record keeps
// the second of the last sign-out, and the tenancy step refuses any access token opened until then
// (API Gateway's JWT authorizer only checks signature and expiry, so a revoked session's access
// token would otherwise work until it expires).
import { endClientSessions, parseClientUsername } from '../../clients/index.ts';
import { disconnectPerson } from '../../live/index.ts';
import { clientPerson, userPerson } from '../../people/index.ts';
import { endStudioUserSessions, getStudioUser, type HostContext } from '../../studios/index.ts';
import { authenticatedAt, unverifiedClaims } from './rules.ts';

const nowSeconds = (now: number) => Math.floor(now / 1000);

/**
 * Ends every session of whoever `accessToken` names on this host: the studio user on the
 * dashboard, the client on their own portal. The token is read, not verified: it must be one
 * Cognito has just handed us (sign-out refreshes the session's refresh token to learn whose it is).
 */
export async function endSessions(where: HostContext, accessToken: string | undefined, now = Date.now()): Promise<void> {
  const claims = accessToken ? unverifiedClaims(accessToken) : null;
  if (!claims) return;
  // Their open pages (every tab: each session is ended) hear a goodbye and lose their sockets.
  if (where.kind === 'dashboard' && typeof claims.sub === 'string') {
    await endStudioUserSessions(claims.sub, nowSeconds(now));
    const user = await getStudioUser(claims.sub);
    if (user) await disconnectPerson(user.studioId, userPerson(user.userId), 'signed_out');
  }
  if (where.kind === 'portal') {
    const username = claims.username ?? claims['cognito:username'];
    const member = typeof username === 'string' ? parseClientUsername(username) : null;
    if (member && member.studioId === where.studio.studioId) {
      await endClientSessions(member.studioId, member.clientId, nowSeconds(now));
      await disconnectPerson(member.studioId, clientPerson(member.clientId), 'signed_out');
    }
  }
}

/**
 * Tokens say only their second, so a token opened in the very second of a sign-out would count as
 * ended: `issue` is asked again once that second has passed (at most once, about a second late).
 */
export async function sessionAfter<T extends { accessToken: string }>(
  sessionsValidAfter: number | undefined,
  issued: T,
  issue: () => Promise<T>,
): Promise<T> {
  const at = authenticatedAt(unverifiedClaims(issued.accessToken) ?? {});
  if (sessionsValidAfter === undefined || (at !== null && at > sessionsValidAfter)) return issued;
  await new Promise((r) => setTimeout(r, Math.max(0, (sessionsValidAfter + 1) * 1000 - Date.now()) + 50));
  return issue();
}
