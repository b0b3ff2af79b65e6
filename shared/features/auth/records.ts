// Sign-in links: stored only as the hash of their token, used once, gone after a while.
import type { FeatureRecords } from '../../data/records.ts';

export type LinkPurpose = 'invite' | 'signin';

export interface MagicLinkRecord {
  studioId: string;
  clientId: string;
  purpose: LinkPurpose;
  expiresAt: number;
  usedAt?: string;
  renewedAt?: string;
}

export const keys = {
  magicLink: (tokenHash: string) => ({ PK: `MAGIC#${tokenHash}`, SK: 'MAGIC' }),
} as const;

export const records: FeatureRecords = {
  feature: 'auth',
  rows: [{ record: 'Magic link', PK: 'MAGIC#<sha256(token)>', SK: 'MAGIC', ttl: true }],
  accessPatterns: ['Redeem a magic link: one conditional UpdateItem of MAGIC#<hash> marks it used (atomic single use) and returns it.'],
};
