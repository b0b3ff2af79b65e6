// Session cookies. HttpOnly so page scripts never see tokens; SameSite=Strict so no other site can
// make the browser send them; host-only (no Domain attribute) so one studio's portal never
// receives another's session; Secure wherever the site is served over HTTPS.
import type { SessionTokens } from '../adapters/identity.ts';
import { config } from '../config.ts';

export const SESSION_COOKIE = 'portico_session';
export const REFRESH_COOKIE = 'portico_refresh';
/** The refresh token only travels to the routes that need it. */
const REFRESH_PATH = '/api/session';
const REFRESH_MAX_AGE = 30 * 24 * 3600;

function cookie(name: string, value: string, path: string, maxAge: number): string {
  const secure = config.secureCookies ? '; Secure' : '';
  return `${name}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

export function sessionCookies(tokens: SessionTokens): string[] {
  const cookies = [cookie(SESSION_COOKIE, tokens.accessToken, '/', tokens.expiresIn)];
  if (tokens.refreshToken) cookies.push(cookie(REFRESH_COOKIE, tokens.refreshToken, REFRESH_PATH, REFRESH_MAX_AGE));
  return cookies;
}

export function clearedSessionCookies(): string[] {
  return [cookie(SESSION_COOKIE, '', '/', 0), cookie(REFRESH_COOKIE, '', REFRESH_PATH, 0)];
}

/** Payload 2.0 events carry cookies as an array of "name=value" strings. */
export function readCookies(cookies: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const entry of cookies ?? []) {
    for (const part of entry.split(';')) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const name = part.slice(0, eq).trim();
      if (!(name in out)) out[name] = part.slice(eq + 1).trim();
    }
  }
  return out;
}
