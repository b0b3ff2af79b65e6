import { revokeRefreshToken } from '../../shared/adapters/identity.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { resolveHost } from '../../shared/features/studios/domain/studios.ts';
import { clearedSessionCookies, REFRESH_COOKIE } from '../../shared/http/cookies.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.signOut, async ({ cookies, host }) => {
  const refreshToken = cookies[REFRESH_COOKIE];
  const where = refreshToken ? await resolveHost(host) : { kind: 'unknown' as const };
  if (refreshToken && where.kind !== 'unknown') await revokeRefreshToken(where.kind === 'dashboard' ? 'studio' : 'client', refreshToken);
  return { cookies: clearedSessionCookies() };
});
