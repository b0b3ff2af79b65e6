// A studio's team invitations. The invitation lives in the studio's partition (the Team page lists
// them with one Query); its link's token is stored only as a SHA-256 hash, in a record of its own
// found by that hash, so accepting needs no studio in the request.
import type { FeatureRecords } from '../../data/records.ts';
import type { Role } from '../studios/index.ts';

export interface TeamInvitation {
  inviteId: string;
  studioId: string;
  email: string;
  name: string;
  role: Role;
  /** The studio user who sent it (or last sent it again). */
  invitedBy: string;
  createdAt: string;
  sentAt: string;
  /** Epoch seconds after which its link no longer opens. */
  expiresAt: number;
  /** The hash of the live link's token: a resend replaces it, so the old link stops working. */
  tokenHash: string;
}

/** The link's record: which invitation a token opens, until when, and whether it was used. */
export interface InvitationToken {
  studioId: string;
  inviteId: string;
  expiresAt: number;
  usedAt?: string;
}

export const keys = {
  invitation: (studioId: string, inviteId: string) => ({ PK: `STUDIO#${studioId}`, SK: `TEAMINVITE#${inviteId}` }),
  studioInvitations: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SKPrefix: 'TEAMINVITE#' }),
  invitationToken: (tokenHash: string) => ({ PK: `TEAMTOKEN#${tokenHash}`, SK: 'TEAMTOKEN' }),
} as const;

export const records: FeatureRecords = {
  feature: 'team',
  rows: [
    { record: 'Team invitation', PK: 'STUDIO#<studioId>', SK: 'TEAMINVITE#<inviteId>' },
    { record: 'Team invitation link', PK: 'TEAMTOKEN#<sha256(token)>', SK: 'TEAMTOKEN', ttl: true },
  ],
  accessPatterns: [
    "A studio's pending team invitations: Query PK=STUDIO#<studioId>, SK begins_with TEAMINVITE#.",
    'Accept an invitation: one conditional UpdateItem of TEAMTOKEN#<hash> marks the link used (exists, unused, live: atomic single use) and returns it; then GetItem of its TEAMINVITE#, and one transaction deletes the invitation (on condition its link is still this one), puts STUDIOUSER#<sub> and, for an owner, adds one to the STUDIO record’s ownerCount.',
    "Change a team member's role or remove one: one transaction writes STUDIOUSER#<sub> (on condition its role is as read) and, when an owner is demoted or removed, takes one off STUDIO.ownerCount on condition it stays at least 1, so concurrent requests can never leave a studio without an owner.",
    'Resend or revoke an invitation: one transaction replaces (or deletes) the TEAMTOKEN# record and updates (or deletes) the TEAMINVITE# record on condition its tokenHash is the one read.',
  ],
};
