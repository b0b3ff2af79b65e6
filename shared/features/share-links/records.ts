// Share links live in the gallery's partition (galleries/records.ts); a token points at one.
import type { FeatureRecords } from '../../data/records.ts';

export const keys = {
  shareToken: (tokenHash: string) => ({ PK: `SHARE#${tokenHash}`, SK: 'SHARE' }),
} as const;

export const records: FeatureRecords = {
  feature: 'share-links',
  rows: [{ record: 'Share token', PK: 'SHARE#<sha256(token)>', SK: 'SHARE' }],
  accessPatterns: [
    'Open a share link: GetItem SHARE#<sha256(token)> → gallery and link ids, then GetItem of the link (revocation, expiry, password) and the gallery; each use is counted on the link.',
  ],
};
