// A studio's custom domain: claim it, check it until it serves, show it, remove it.
import { randomBytes } from 'node:crypto';
import { cdnTenants, tenantName } from '../../../adapters/cdn-tenants.ts';
import { dns } from '../../../adapters/dns.ts';
import { config, siteOrigin } from '../../../config.ts';
import { conflict, unavailable } from '../../../errors.ts';
import { studioHas } from '../../plans/index.ts';
import type { Studio } from '../../studios/index.ts';
import { deleteClaim, getClaim, putClaim, updateClaim } from '../data.ts';
import type { DomainClaim } from '../records.ts';
import type { DomainView } from '../schemas.ts';
import { checkHost, cnameTarget, nextStep } from './rules.ts';

const porticoHosts = () => ({ portalDomain: config.portalDomain, targetZone: config.domainTargetZone });

export function domainView(claim: DomainClaim, studio: Studio): DomainView {
  return {
    host: claim.host,
    status: claim.status,
    cname: { name: claim.host, target: claim.cnameTarget },
    reason: claim.reason,
    claimedAt: claim.claimedAt,
    checkedAt: claim.checkedAt,
    activeAt: claim.activeAt,
    url: `${siteOrigin(claim.host)}/`,
    serving: claim.status === 'active' && studioHas(studio, 'customDomain'),
  };
}

/** The studio's own claim: none when it has no domain, or another studio took over its failed one. */
async function ownClaim(studio: Studio): Promise<DomainClaim | null> {
  if (!studio.customDomain) return null;
  const claim = await getClaim(studio.customDomain);
  return claim?.studioId === studio.studioId ? claim : null;
}

export async function getDomain(studio: Studio): Promise<DomainView | null> {
  const claim = await ownClaim(studio);
  return claim ? domainView(claim, studio) : null;
}

export async function addDomain(studio: Studio, input: string, now = new Date()): Promise<DomainView> {
  const host = checkHost(input, porticoHosts());
  // 10 random bytes as base32-ish hex: a target nobody can guess or reuse for another claim.
  const token = `d-${randomBytes(10).toString('hex')}`;
  const claim: DomainClaim = {
    host,
    studioId: studio.studioId,
    status: 'pending_dns',
    cnameTarget: cnameTarget(token, config.domainTargetZone),
    claimedAt: now.toISOString(),
    checkedAt: null,
    activeAt: null,
    tenantId: null,
    reason: null,
  };
  const staleBefore = new Date(now.getTime() - config.domainPendingHours * 3_600_000).toISOString();
  const outcome = await putClaim(claim, staleBefore);
  if (outcome === 'taken') throw conflict('domain_taken', `${host} is already in use by another Portico portal.`);
  if (outcome === 'studio_has_domain') {
    const current = await ownClaim(studio);
    if (current?.host === host) return domainView(current, studio);
    throw conflict('domain_exists', `Your portal already has a custom domain${current ? `, ${current.host}` : ''}. Remove it first.`);
  }
  return domainView(claim, studio);
}

/**
 * Looks at DNS (and the CDN tenant, once there is one) and saves the claim's next status. Called by
 * Settings → Domain while it shows a domain on its way; each call is one step, so a lost answer or a
 * concurrent check only repeats a step (tenant creation is idempotent by name).
 */
export async function verifyDomain(studio: Studio, now = new Date()): Promise<DomainView> {
  const claim = await ownClaim(studio);
  if (!claim) throw conflict('no_custom_domain', 'Add a custom domain first.');
  if (claim.status === 'active' || claim.status === 'failed') return domainView(claim, studio);
  const tenants = cdnTenants();
  let cnames: string[] = [];
  let tenant: Awaited<ReturnType<typeof tenants.state>> | undefined;
  try {
    if (claim.status === 'pending_dns') cnames = await dns.cnames(claim.host);
    if (claim.tenantId) tenant = await tenants.state(claim.tenantId);
  } catch {
    throw unavailable('DNS or the CDN did not answer. Portico will check again in a moment.');
  }
  const step = nextStep(claim, { now, cnames, tenant, pendingHours: config.domainPendingHours });
  const next: DomainClaim = { ...claim, checkedAt: now.toISOString() };
  if (step.to === 'create_tenant') {
    next.tenantId = await tenants.create(claim.host, tenantName(claim.host));
    next.status = 'validating_certificate';
    next.reason = 'Issuing the certificate.';
  } else if (step.to === 'active') {
    next.status = 'active';
    next.activeAt = now.toISOString();
    next.reason = null;
  } else {
    next.status = step.to;
    next.reason = step.reason ?? null;
  }
  // Someone else moved it on meanwhile: theirs is as good; show what is stored.
  if ((await updateClaim(next, claim.status)) === 'stale') return (await getDomain(studio)) ?? domainView(next, studio);
  return domainView(next, studio);
}

/** Stops serving the domain and frees the host (the CDN tenant first, so no host outlives its claim). */
export async function removeDomain(studio: Studio): Promise<void> {
  if (!studio.customDomain) return;
  const claim = await getClaim(studio.customDomain);
  const owns = claim?.studioId === studio.studioId;
  if (owns && claim?.tenantId) await cdnTenants().remove(claim.tenantId);
  await deleteClaim(studio.studioId, studio.customDomain, owns);
}
