// Studios (tenants), their branding, and which studio a request's host belongs to.
import { randomUUID } from 'node:crypto';
import { config, portalUrl } from '../../../config.ts';
import { conflict } from '../../../errors.ts';
import { studioHas } from '../../plans/index.ts';
import { DEFAULT_ACCENT, defaultWelcome } from '../constants.ts';
import { getDomainClaim, getSlugStudioId, getStudio, putStudioWithSlugAndOwner } from '../data.ts';
import type { Studio, StudioUser } from '../records.ts';

/** Creates the studio, claims its slug and records its owner in one transaction. */
export async function createStudio(input: {
  studioId?: string;
  name: string;
  slug: string;
  owner: { userId: string; email: string; name: string };
  branding?: Partial<Pick<Studio, 'accentColor' | 'welcomeMessage' | 'supportEmail' | 'logoKey' | 'plan'>>;
  /** The owner's email is known to be theirs (the operator created the studio for them). */
  emailVerified?: boolean;
}): Promise<{ studio: Studio; user: StudioUser }> {
  const studio: Studio = {
    studioId: input.studioId ?? randomUUID(),
    name: input.name,
    slug: input.slug,
    plan: input.branding?.plan ?? config.defaultPlan,
    accentColor: input.branding?.accentColor ?? DEFAULT_ACCENT,
    welcomeMessage: input.branding?.welcomeMessage ?? defaultWelcome(input.name),
    supportEmail: input.branding?.supportEmail ?? input.owner.email,
    logoKey: input.branding?.logoKey ?? null,
    createdAt: new Date().toISOString(),
    emailVerifiedAt: input.emailVerified ? new Date().toISOString() : null,
    ownerCount: 1,
  };
  const user: StudioUser = { ...input.owner, studioId: studio.studioId, role: 'owner' };
  if ((await putStudioWithSlugAndOwner(studio, user)) === 'taken') throw conflict('slug_taken', 'That portal address is already taken.');
  return { studio, user };
}

/** What a request's host means: the studio dashboard, one studio's portal, or nothing we serve. */
export type HostContext = { kind: 'dashboard' } | { kind: 'portal'; studio: Studio } | { kind: 'unknown' };

export async function resolveHost(rawHost: string | undefined): Promise<HostContext> {
  const host = (rawHost ?? '').toLowerCase().replace(/:\d+$/, '');
  const base = config.portalDomain;
  if (host === base) return { kind: 'dashboard' };
  let studioId: string | undefined;
  const slug = host.endsWith(`.${base}`) ? host.slice(0, -(base.length + 1)) : undefined;
  if (slug !== undefined && /^[a-z0-9-]{1,63}$/.test(slug)) {
    studioId = await getSlugStudioId(slug);
  } else if (/^[a-z0-9.-]{1,253}$/.test(host)) {
    // A custom domain (locally also `<name>.<studio>.localhost`, see domains' isPorticoHost): served
    // once verified, and only while the plan includes it; until then the host is nobody's portal.
    const claim = await getDomainClaim(host);
    if (claim?.status === 'active') {
      const studio = await getStudio(claim.studioId);
      return studio && studio.customDomain === host && studioHas(studio, 'customDomain') ? { kind: 'portal', studio } : { kind: 'unknown' };
    }
  }
  if (!studioId) return { kind: 'unknown' };
  const studio = await getStudio(studioId);
  return studio ? { kind: 'portal', studio } : { kind: 'unknown' };
}

export const studioPortalUrl = (studio: Studio): string => portalUrl(studio.slug);

/** What the API says about a studio user: never their sessions or anything else on the record. */
export const studioUserView = (user: StudioUser) => ({ userId: user.userId, email: user.email, name: user.name, role: user.role });

/**
 * An operator of this deployment (OPERATOR_EMAILS): an owner whose address is listed and proven
 * (the studio's email verified), so signing up with a listed address grants nothing by itself.
 */
export const isOperator = (user: StudioUser, studio: Studio): boolean =>
  user.role === 'owner' && Boolean(studio.emailVerifiedAt) && config.operatorEmails.includes(user.email.toLowerCase());
