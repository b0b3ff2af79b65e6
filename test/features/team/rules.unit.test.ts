// The team's pure rules, table by table: who may give which role, who works on which gallery, and
// why a refused invitation link was refused.
import { describe, expect, it } from 'vitest';
import { mayWorkOn } from '../../../shared/features/galleries/domain/rules.ts';
import { ROLES, type Role } from '../../../shared/features/studios/constants.ts';
import { grantableRoles } from '../../../shared/features/team/constants.ts';
import { assertMayGrant, refuseInvitationLink } from '../../../shared/features/team/domain/rules.ts';
import { outcome } from '../../support/outcome.ts';

describe('who may give which role', () => {
  const table: Record<Role, Record<Role, string>> = {
    member: { member: 'allowed', admin: 'role_required', owner: 'role_required' },
    admin: { member: 'allowed', admin: 'allowed', owner: 'role_required' },
    owner: { member: 'allowed', admin: 'allowed', owner: 'allowed' },
  };
  it.each(ROLES.flatMap((actor) => ROLES.map((role) => [actor, role] as const)))('%s giving %s', (actor, role) => {
    expect(outcome(() => assertMayGrant(actor, role))).toBe(table[actor][role]);
    expect(grantableRoles(actor).includes(role)).toBe(table[actor][role] === 'allowed');
  });
});

describe('who works on a gallery', () => {
  it.each<[string, { assigneeIds?: string[] }, Role, boolean]>([
    ['a member assigned', { assigneeIds: ['u1'] }, 'member', true],
    ['a member not assigned', { assigneeIds: ['u2'] }, 'member', false],
    ['a member, on a gallery from before assignments', {}, 'member', false],
    ['an admin, assigned or not', { assigneeIds: [] }, 'admin', true],
    ['an owner, assigned or not', {}, 'owner', true],
  ])('%s', (_, gallery, role, expected) => {
    expect(mayWorkOn(gallery, { userId: 'u1', role })).toBe(expected);
  });
});

describe('a refused invitation link says why', () => {
  it.each<[string, Parameters<typeof refuseInvitationLink>[0], string, RegExp]>([
    ['unknown or revoked', undefined, 'not_found', /not valid|revoked/],
    ['already used', { usedAt: '2026-12-01T10:00:00.000Z' }, 'invitation_used', /already been accepted/],
    ['any other has expired', {}, 'invitation_expired', /has expired/],
  ])('%s', (_, old, code, message) => {
    expect(outcome(() => refuseInvitationLink(old))).toBe(code);
    expect(() => refuseInvitationLink(old)).toThrow(message);
  });
});
