// A studio's custom domain: its states and the limits of a host name. No zod here: the site imports
// this module to show the states and to check a host before it submits (the API stays the judge).

/**
 * Where a custom domain is on its way to serving the portal:
 * - pending_dns: claimed; waiting for the CNAME record to name this claim's own target;
 * - validating_certificate: the CNAME is there and the CDN tenant exists; its certificate is being
 *   issued (HTTP validation through that CNAME);
 * - active: the certificate is issued and the tenant deployed; the portal answers on the host;
 * - failed: given up, with a reason (no CNAME in time, the certificate refused). Remove and add again.
 */
export const DOMAIN_STATUSES = ['pending_dns', 'validating_certificate', 'active', 'failed'] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];
export const DOMAIN_STATUS_NAMES: Record<DomainStatus, string> = {
  pending_dns: 'Waiting for DNS',
  validating_certificate: 'Validating certificate',
  active: 'Active',
  failed: 'Failed',
};

/** RFC 1035: a name of at most 253 characters, each label at most 63. */
export const HOST_MAX = 253;
export const LABEL_MAX = 63;
/** A subdomain of the studio's own domain: `portal.theirstudio.com` (an apex cannot hold a CNAME). */
export const HOST_MIN_LABELS = 3;
/** One label: letters, digits and inner hyphens (ASCII only; a Unicode name must be entered as punycode). */
export const LABEL_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
