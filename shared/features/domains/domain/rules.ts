// What a custom domain may be, and how its status moves on. Pure: no request, no clock of its own.
import { invalid } from '../../../errors.ts';
import { HOST_MAX, HOST_MIN_LABELS, LABEL_MAX, LABEL_PATTERN } from '../constants.ts';
import type { DomainClaim } from '../records.ts';

/** The hosts Portico itself answers on, which no studio may claim. */
export interface PorticoHosts {
  /** The dashboard host; portals are `<slug>.<portalDomain>`. */
  portalDomain: string;
  /** The zone of the per-claim CNAME targets (`<token>.<targetZone>`). */
  targetZone: string;
}

const refuse = (message: string) => invalid('invalid_host', message, { host: [message] });

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Portico's own names: the dashboard, every name under it and the CNAME targets' zone. A
 * single-label portal domain is `localhost` (RFC 6761: every name under it is this machine), where
 * only `<slug>.localhost` is a portal, so deeper names stand in for a studio's own domain locally.
 */
export function isPorticoHost(host: string, { portalDomain, targetZone }: PorticoHosts): boolean {
  if (under(host, targetZone)) return true;
  if (!under(host, portalDomain)) return false;
  if (portalDomain.includes('.')) return true;
  return host.split('.').length <= 2;
}

/**
 * The host a studio entered, as Portico stores it (lowercase, no trailing dot), or a 400 saying what
 * is wrong with it. Whether another studio holds it is the claim's conditional write (409).
 */
export function checkHost(input: string, portico: PorticoHosts): string {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is for anything beyond ASCII
  if (/[^\x00-\x7f]/.test(host))
    throw refuse('Enter the domain in ASCII; for a name with accents or other scripts, enter its punycode form (xn--…).');
  if (host.length === 0) throw refuse('Enter a domain, like portal.yourstudio.com.');
  if (host.length > HOST_MAX) throw refuse(`A domain has at most ${HOST_MAX} characters.`);
  if (host.includes('*')) throw refuse('Enter one domain, not a wildcard: like portal.yourstudio.com.');
  if (/[/?#@\s]/.test(host)) throw refuse('Enter the domain alone, without http://, a path or a port.');
  if (/^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('['))
    throw refuse('Enter a domain name, not an IP address: like portal.yourstudio.com.');
  const labels = host.split('.');
  if (labels.some((l) => l.length > LABEL_MAX)) throw refuse(`Each part of a domain has at most ${LABEL_MAX} characters.`);
  if (!labels.every((l) => LABEL_PATTERN.test(l)))
    throw refuse('A domain is made of letters, digits and inner hyphens, separated by dots.');
  if (isPorticoHost(host, portico)) throw refuse('That is a Portico address, not your own domain.');
  if (labels.length < HOST_MIN_LABELS)
    throw refuse('Use a subdomain like portal.yourstudio.com: a bare domain (apex) cannot point at Portico with a CNAME.');
  return host;
}

/** The one CNAME a claim asks for: the claim's own name under the target zone. */
export const cnameTarget = (token: string, targetZone: string): string => `${token}.${targetZone}`;

/** What a check found: the host's CNAMEs, and the CDN tenant's state once there is one. */
export interface Observation {
  now: Date;
  /** The host's CNAME records (lowercase, no trailing dot). */
  cnames: string[];
  tenant?: { certificate: 'pending' | 'issued' | 'failed'; deployed: boolean; reason?: string };
  /** How long a claim may wait for its CNAME before it fails and lets the host go. */
  pendingHours: number;
}

export type Step =
  | { to: 'pending_dns'; reason: string }
  | { to: 'create_tenant' }
  | { to: 'validating_certificate'; reason?: string }
  | { to: 'active' }
  | { to: 'failed'; reason: string };

/**
 * The next step of a claim. Only this claim's own target proves the studio controls the host: the
 * target is per claim, so another studio's claim of the same name can never verify.
 */
export function nextStep(claim: DomainClaim, seen: Observation): Step {
  switch (claim.status) {
    case 'pending_dns': {
      const target = claim.cnameTarget;
      if (seen.cnames.includes(target)) return { to: 'create_tenant' };
      const waited = seen.now.getTime() - Date.parse(claim.claimedAt);
      if (waited > seen.pendingHours * 3_600_000)
        return { to: 'failed', reason: `No CNAME record to ${target} appeared within ${seen.pendingHours} hours.` };
      const [other] = seen.cnames;
      return {
        to: 'pending_dns',
        reason: other ? `${claim.host} points to ${other}, not ${target}.` : `No CNAME record for ${claim.host} yet.`,
      };
    }
    case 'validating_certificate': {
      const t = seen.tenant;
      if (!t) return { to: 'validating_certificate', reason: 'Waiting for the CDN.' };
      if (t.certificate === 'failed') return { to: 'failed', reason: t.reason ?? 'The certificate could not be issued.' };
      if (t.certificate === 'issued' && t.deployed) return { to: 'active' };
      return { to: 'validating_certificate', reason: t.certificate === 'issued' ? 'Deploying to the CDN.' : 'Issuing the certificate.' };
    }
    case 'active':
      return { to: 'active' };
    case 'failed':
      return { to: 'failed', reason: claim.reason ?? 'Failed.' };
  }
}
