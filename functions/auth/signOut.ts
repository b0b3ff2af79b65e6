import { revokeRefreshToken } from '../../shared/adapters/identity.ts';
import { endSessions } from '../../shared/features/auth/domain/sessions.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { resolveHost } from '../../shared/features/studios/domain/studios.ts';
import { clearedSessionCookies, REFRESH_COOKIE, SESSION_COOKIE } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.signOut, async ({ cookies, host }) => {
  const refreshToken = cookies[REFRESH_COOKIE];
  const accessToken = cookies[SESSION_COOKIE];
  const where = refreshToken || accessToken ? await resolveHost(host) : { kind: 'unknown' as const };
  if (refreshToken && where.kind !== 'unknown') await revokeRefreshToken(where.kind === 'dashboard' ? 'studio' : 'client', refreshToken);
  // The access token would work until it expires: the holder's record now refuses it.
  await endSessions(where, accessToken);
  return { cookies: clearedSessionCookies() };
});
