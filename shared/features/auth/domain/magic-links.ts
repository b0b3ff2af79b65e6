// Magic links: 32 random bytes sent by email, stored only as a SHA-256 hash, valid for 15
// minutes, redeemable once, and only on the portal of the studio that issued them.
import { createHash, randomBytes } from 'node:crypto';
import {
  getMagicLink,
  magicLinkWrite,
  markMagicLinkRenewed,
  markMagicLinkUsed,
  type NewMagicLink,
  putMagicLink,
  type TransactItem,
} from '../data.ts';
import type { LinkPurpose, MagicLinkRecord } from '../records.ts';
import { refuseRedeem, renewableFor } from './rules.ts';

export const MAGIC_LINK_TTL_SECONDS = 15 * 60;
/** Expired links are kept a little longer so the landing page can offer a fresh one. */
const KEEP_AFTER_EXPIRY_SECONDS = 7 * 24 * 3600;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function draftMagicLink(studioId: string, clientId: string, purpose: LinkPurpose, now: number): { token: string; link: NewMagicLink } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = Math.floor(now / 1000) + MAGIC_LINK_TTL_SECONDS;
  const record: MagicLinkRecord = { studioId, clientId, purpose, expiresAt };
  return { token, link: { tokenHash: hashToken(token), record, ttl: expiresAt + KEEP_AFTER_EXPIRY_SECONDS } };
}

/** A fresh link as a conditional put, for callers that write it inside their own transaction. */
export function newMagicLink(
  studioId: string,
  clientId: string,
  purpose: LinkPurpose,
  now = Date.now(),
): { token: string; write: TransactItem } {
  const { token, link } = draftMagicLink(studioId, clientId, purpose, now);
  return { token, write: magicLinkWrite(link) };
}

export async function issueMagicLink(studioId: string, clientId: string, purpose: LinkPurpose, now = Date.now()): Promise<string> {
  const { token, link } = draftMagicLink(studioId, clientId, purpose, now);
  await putMagicLink(link);
  return token;
}

/**
 * Marks the link used in one conditional write, so two tabs racing with the same link cannot both
 * win, and says precisely why a refused link was refused.
 */
export async function redeemMagicLink(
  token: string,
  studioId: string,
  now = Date.now(),
): Promise<{ clientId: string; purpose: LinkPurpose }> {
  const outcome = await markMagicLinkUsed(hashToken(token), studioId, now);
  if ('refused' in outcome) refuseRedeem(outcome.refused, studioId);
  return { clientId: outcome.used.clientId, purpose: outcome.used.purpose };
}

/**
 * For an expired link that was never used nor renewed: who it was for. A live link needs no
 * renewal, and an old one is renewed at most once (claimLinkForRenewal), so it cannot be used to
 * flood an inbox. The fresh link goes to the same inbox, so nothing is revealed to the caller.
 */
export async function findRenewableLink(token: string, studioId: string, now = Date.now()): Promise<{ clientId: string } | null> {
  return renewableFor(await getMagicLink(hashToken(token)), studioId, now);
}

/** Marks the link renewed; false when another request renewed (or used) it first. */
export async function claimLinkForRenewal(token: string, now = Date.now()): Promise<boolean> {
  return markMagicLinkRenewed(hashToken(token), now);
}
