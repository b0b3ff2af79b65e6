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
