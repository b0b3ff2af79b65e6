// Team rules the dashboard checks before it offers a control (the API stays the judge). No zod
// here: the site imports this module.
import { ROLES, type Role, roleAtLeast } from '../studios/constants.ts';

/**
 * The roles `actor` may give (invite with, or change to): its own and below. So an admin invites
 * members and admins, and only an owner makes an owner.
 */
export const grantableRoles = (actor: Role): Role[] => ROLES.filter((r) => roleAtLeast(actor, r));

export const TEAM_NAME_MAX = 80;
