import { refreshSession } from '../../shared/adapters/identity.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { resolveHost } from '../../shared/features/studios/domain/studios.ts';
import { clearedSessionCookies, REFRESH_COOKIE, sessionCookies } from '../../shared/http/cookies.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { defineHandler } from '../../shared/http/handler.ts';

const expired = () => new HttpError(401, 'session_expired', 'Your session has ended. Please sign in again.');

export const handler = defineHandler(routes.refreshSession, async ({ cookies, host }) => {
  const refreshToken = cookies[REFRESH_COOKIE];
  if (!refreshToken) throw expired();
  // The host decides the pool: the dashboard signs studio users in, portals sign clients in.
  const where = await resolveHost(host);
  if (where.kind === 'unknown') throw expired();
  const tokens = await refreshSession(where.kind === 'dashboard' ? 'studio' : 'client', refreshToken);
  if (!tokens)
    return {
      status: 401,
      body: { error: 'session_expired', message: 'Your session has ended. Please sign in again.' },
      cookies: clearedSessionCookies(),
    };
  return { cookies: sessionCookies(tokens) };
});
