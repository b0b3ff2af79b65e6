import { refreshSession, revokeRefreshToken } from '../../shared/adapters/identity.ts';
import { endSessions } from '../../shared/features/auth/domain/sessions.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { resolveHost } from '../../shared/features/studios/domain/studios.ts';
import { clearedSessionCookies, REFRESH_COOKIE } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.signOut, async ({ cookies, host }) => {
  const refreshToken = cookies[REFRESH_COOKIE];
  const where = refreshToken ? await resolveHost(host) : { kind: 'unknown' as const };
  if (refreshToken && where.kind !== 'unknown') {
    const pool = where.kind === 'dashboard' ? 'studio' : 'client';
    // Whose session this is, as Cognito says for the refresh token (an access token sent here is
    // not verified: a forged one must not sign anyone out). Their access tokens would work until
    // they expire; their record now refuses them.
    const proven = await refreshSession(pool, refreshToken);
    if (proven) await endSessions(where, proven.accessToken);
    await revokeRefreshToken(pool, refreshToken);
  }
  return { cookies: clearedSessionCookies() };
});
