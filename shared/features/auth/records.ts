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

/** An operator's sign-up code (SIGNUP_MODE=invite): stored as its hash, used once. */
export interface SignUpCodeRecord {
  /** Epoch seconds after which the code no longer opens a sign-up. */
  expiresAt: number;
  issuedAt: string;
}

/** A studio owner's email verification link (sign-up): stored as the hash of its token, used once. */
export interface EmailVerificationRecord {
  studioId: string;
  /** Epoch seconds after which the link no longer verifies. */
  expiresAt: number;
}

export const keys = {
  magicLink: (tokenHash: string) => ({ PK: `MAGIC#${tokenHash}`, SK: 'MAGIC' }),
  signUpCode: (codeHash: string) => ({ PK: `SIGNUPCODE#${codeHash}`, SK: 'SIGNUPCODE' }),
  emailVerification: (tokenHash: string) => ({ PK: `EMAILVERIFY#${tokenHash}`, SK: 'EMAILVERIFY' }),
} as const;

export const records: FeatureRecords = {
  feature: 'auth',
  rows: [
    { record: 'Magic link', PK: 'MAGIC#<sha256(token)>', SK: 'MAGIC', ttl: true },
    { record: 'Sign-up code', PK: 'SIGNUPCODE#<sha256(code)>', SK: 'SIGNUPCODE', ttl: true },
    { record: 'Email verification', PK: 'EMAILVERIFY#<sha256(token)>', SK: 'EMAILVERIFY', ttl: true },
  ],
  accessPatterns: [
    'Redeem a magic link: one conditional UpdateItem of MAGIC#<hash> marks it used (atomic single use) and returns it.',
    "Verify a studio owner's email: one conditional DeleteItem of EMAILVERIFY#<hash> (it exists and is live) returns the studio, then UpdateItem of its STUDIO record.",
    'Use a sign-up code: one conditional DeleteItem of SIGNUPCODE#<hash> (it exists and is live), put back if the email had an account.',
  ],
};
