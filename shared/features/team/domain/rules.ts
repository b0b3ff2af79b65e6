// The team's pure rules: who may give which role, and why an invitation link is refused. No I/O.
import { gone, notAllowed, notFound } from '../../../errors.ts';
import { ROLE_NAMES, type Role } from '../../studios/index.ts';
import { grantableRoles } from '../constants.ts';

/** Only an owner makes an owner; an admin invites members and admins. */
export function assertMayGrant(actor: Role, role: Role): void {
  if (grantableRoles(actor).includes(role)) return;
  throw notAllowed('role_required', `Only an owner can give the ${ROLE_NAMES[role].toLowerCase()} role.`);
}

/**
 * Why a link the accepting write refused was refused, from its record as it was: unknown (or
 * revoked: its record is gone) is "not found", a used or expired one is gone, saying which.
 */
export function refuseInvitationLink(old: { usedAt?: string } | undefined): never {
  if (!old) throw notFound('This invitation link is not valid, or the invitation was revoked. Ask whoever invited you for a new one.');
  if (old.usedAt) throw gone('invitation_used', 'This invitation has already been accepted. Sign in with your email and password.');
  throw gone('invitation_expired', 'This invitation has expired. Ask whoever invited you to send it again.');
}

/** The last owner stays: a studio always has someone who can pay for it, or delete it. */
export const lastOwnerMessage = 'A studio always keeps at least one owner: make someone else an owner first.';
