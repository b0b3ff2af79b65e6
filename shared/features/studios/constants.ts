// Studio rules the site checks before it submits (the API stays the judge). No zod here: the site
// imports this module.

/** A new studio's branding: the branding feature's defaults (its constants, which need nothing of studios). */
export { DEFAULT_ACCENT, defaultWelcome } from '../branding/constants.ts';

/** Portal addresses no studio may claim: the dashboard's and the infrastructure's own names. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'app',
  'api',
  'admin',
  'mail',
  'portal',
  'static',
  'assets',
  'cdn',
  'dashboard',
  // The zone of custom domains' CNAME targets (<token>.domains.<domain>).
  'domains',
]);
/** A portal address: lowercase letters, digits and inner hyphens. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
export const PASSWORD_MIN = 10;

/**
 * A studio's team roles, least to most: a member works on what it is assigned, an admin on
 * everything else, an owner also on billing, plan, domain and the studio itself.
 */
export const ROLES = ['member', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_NAMES: Record<Role, string> = { member: 'Member', admin: 'Admin', owner: 'Owner' };
/** Whether `role` may do what `needed` may. */
export const roleAtLeast = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);
