// Share links live in the gallery's partition (galleries/records.ts); a token points at one.
import type { FeatureRecords } from '../../data/records.ts';

export const keys = {
  shareToken: (tokenHash: string) => ({ PK: `SHARE#${tokenHash}`, SK: 'SHARE' }),
  /** A visitor (source IP) who gave the link's right password: their later requests are not counted. */
  sharePass: (tokenHash: string, visitor: string) => ({ PK: `SHARE#${tokenHash}`, SK: `PASS#${visitor}` }),
} as const;

export const records: FeatureRecords = {
  feature: 'share-links',
  rows: [
    { record: 'Share token', PK: 'SHARE#<sha256(token)>', SK: 'SHARE' },
    { record: 'Proven visitor of a protected link', PK: 'SHARE#<sha256(token)>', SK: 'PASS#<visitor IP>', ttl: true },
  ],
  accessPatterns: [
    'Open a share link: GetItem SHARE#<sha256(token)> → gallery and link ids, then GetItem of the link (revocation, expiry, password) and the gallery; each use is counted on the link.',
    "A protected link: GetItem SHARE#<sha256(token)>/PASS#<visitor>; without it the password check holds one of the visitor's failure uses, and a right password puts the pass (TTL SHARE_PASS_HOURS).",
  ],
};
