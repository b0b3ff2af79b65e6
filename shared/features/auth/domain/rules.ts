// Why a magic link is refused, and when one may be renewed. Pure: no request, no HTTP.
import { notAuthenticated } from '../../../errors.ts';

type LinkRefusal = 'link_invalid' | 'link_expired' | 'link_used';

/** Each refusal says what happened and what to do next: the landing page shows it as is. */
const linkError = (code: LinkRefusal) =>
  notAuthenticated(
    code,
    {
      link_invalid: 'This sign-in link is not valid. Request a new one below.',
      link_expired: 'This sign-in link has expired. Links work for 15 minutes; request a new one below.',
      link_used: 'This sign-in link has already been used. Each link works once; request a new one below.',
    }[code],
  );

/**
 * Why a link the redeeming write refused was refused, from the record as it was: a missing link or
 * another studio's is "not valid" here (its existence is not this portal's business), a used one is
 * used, any other has expired.
 */
export function refuseRedeem(old: { studioId: string; usedAt?: string } | undefined, studioId: string): never {
  if (!old || old.studioId !== studioId) throw linkError('link_invalid');
  if (old.usedAt) throw linkError('link_used');
  throw linkError('link_expired');
}

/**
 * Only an expired link of this studio, never used nor renewed, may be renewed, and only for the
 * client it was for (the fresh link goes to the same inbox); any other gives null.
 */
export function renewableFor(
  record: { studioId: string; clientId: string; expiresAt: number; usedAt?: string; renewedAt?: string } | undefined,
  studioId: string,
  now = Date.now(),
): { clientId: string } | null {
  if (!record || record.studioId !== studioId || record.usedAt || record.renewedAt) return null;
  if (record.expiresAt * 1000 > now) return null;
  return { clientId: record.clientId };
}

/**
 * The claims of a JWT, read without verifying it: only for tokens Cognito has just handed us, or to
 * learn whose sessions a sign-out ends (never to let anyone in). Null when it is no JWT.
 */
export function unverifiedClaims(token: string): Record<string, unknown> | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** When the token's holder signed in (`auth_time`, which a refresh keeps; else `iat`), in epoch seconds. */
export function authenticatedAt(claims: Record<string, unknown>): number | null {
  const at = Number(claims.auth_time ?? claims.iat);
  return Number.isFinite(at) ? at : null;
}

/**
 * A token opened at or before the holder's last sign-out (`sessionsValidAfter`, epoch seconds) is
 * ended: the same second counts as before, as a token says only its second. A token that says no
 * time is ended too once there has been a sign-out.
 */
export function sessionEnded(claims: Record<string, unknown>, sessionsValidAfter: number | undefined): boolean {
  if (sessionsValidAfter === undefined) return false;
  const at = authenticatedAt(claims);
  return at === null || at <= sessionsValidAfter;
}
