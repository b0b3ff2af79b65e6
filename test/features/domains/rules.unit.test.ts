import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors.ts';
import { checkHost, isPorticoHost, nextStep } from '../../../shared/features/domains/domain/rules.ts';
import type { DomainClaim } from '../../../shared/features/domains/records.ts';

/** The stored host, or the refusal as `code: message`. */
function checked(input: string, hosts: typeof AWS): string {
  try {
    return checkHost(input, hosts);
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}: ${e.message}`;
    throw e;
  }
}

const AWS = { portalDomain: 'portico.example.com', targetZone: 'domains.portico.example.com' };
const LOCAL = { portalDomain: 'localhost', targetZone: 'domains.localhost' };

describe('checkHost', () => {
  it.each([
    ['portal.theirstudio.com', AWS, 'portal.theirstudio.com'],
    ['  Portal.TheirStudio.COM. ', AWS, 'portal.theirstudio.com'],
    ['clients.studio.co.uk', AWS, 'clients.studio.co.uk'],
    ['xn--caf-dma.studio.com', AWS, 'xn--caf-dma.studio.com'],
    ['theirstudio.com', AWS, 'invalid_host: Use a subdomain like portal.yourstudio.com'],
    ['com', AWS, 'invalid_host: Use a subdomain'],
    ['*.theirstudio.com', AWS, 'invalid_host: Enter one domain, not a wildcard'],
    ['192.168.1.10', AWS, 'invalid_host: Enter a domain name, not an IP address'],
    ['[::1]', AWS, 'invalid_host: Enter a domain name, not an IP address'],
    ['2001:db8::1', AWS, 'invalid_host: Enter a domain name, not an IP address'],
    ['portal.café.com', AWS, 'invalid_host: Enter the domain in ASCII'],
    ['https://portal.theirstudio.com/', AWS, 'invalid_host: Enter the domain alone'],
    ['portal.theirstudio.com:8443', AWS, 'invalid_host: Enter a domain name, not an IP address'],
    [`${'a'.repeat(64)}.theirstudio.com`, AWS, 'invalid_host: Each part of a domain has at most 63'],
    [`${'abcdefghi.'.repeat(26)}com`, AWS, 'invalid_host: A domain has at most 253'],
    ['-portal.theirstudio.com', AWS, 'invalid_host: A domain is made of letters'],
    ['portal..theirstudio.com', AWS, 'invalid_host: A domain is made of letters'],
    ['portico.example.com', AWS, 'invalid_host: That is a Portico address'],
    ['northlight.portico.example.com', AWS, 'invalid_host: That is a Portico address'],
    ['a.b.portico.example.com', AWS, 'invalid_host: That is a Portico address'],
    ['d-1.domains.portico.example.com', AWS, 'invalid_host: That is a Portico address'],
    ['', AWS, 'invalid_host: Enter a domain'],
    // Locally a studio's own domain is any deeper name under localhost (RFC 6761 loopback names).
    ['portal.theirstudio.localhost', LOCAL, 'portal.theirstudio.localhost'],
    ['northlight.localhost', LOCAL, 'invalid_host: That is a Portico address'],
    ['localhost', LOCAL, 'invalid_host: That is a Portico address'],
    ['d-1.domains.localhost', LOCAL, 'invalid_host: That is a Portico address'],
  ])('%s → %s', (input, hosts, expected) => {
    const got = checked(input, hosts);
    expect(got.startsWith(expected), got).toBe(true);
  });

  it('names the same Portico hosts the resolver serves', () => {
    expect(isPorticoHost('portal.theirstudio.com', AWS)).toBe(false);
    expect(isPorticoHost('x.portico.example.com', AWS)).toBe(true);
  });
});

const claim = (changes: Partial<DomainClaim> = {}): DomainClaim => ({
  host: 'portal.theirstudio.com',
  studioId: 's1',
  status: 'pending_dns',
  cnameTarget: 'd-abc.domains.portico.example.com',
  claimedAt: '2026-01-01T00:00:00.000Z',
  checkedAt: null,
  activeAt: null,
  tenantId: null,
  reason: null,
  ...changes,
});
const at = (iso: string) => new Date(iso);
const seen = (changes: Partial<Parameters<typeof nextStep>[1]> = {}) => ({
  now: at('2026-01-01T01:00:00.000Z'),
  cnames: [] as string[],
  pendingHours: 72,
  ...changes,
});

describe('nextStep', () => {
  it.each([
    ['no CNAME yet', claim(), seen(), 'pending_dns: No CNAME record for portal.theirstudio.com yet.'],
    [
      'a CNAME elsewhere',
      claim(),
      seen({ cnames: ['other.example.net'] }),
      'pending_dns: portal.theirstudio.com points to other.example.net, not d-abc.domains.portico.example.com.',
    ],
    // Another claim's target of the same host proves nothing for this one.
    ['another claim’s target', claim(), seen({ cnames: ['d-xyz.domains.portico.example.com'] }), 'pending_dns'],
    ['its own target', claim(), seen({ cnames: ['d-abc.domains.portico.example.com'] }), 'create_tenant'],
    ['waited too long', claim(), seen({ now: at('2026-01-04T00:00:01.000Z') }), 'failed: No CNAME record'],
    [
      'certificate pending',
      claim({ status: 'validating_certificate', tenantId: 't' }),
      seen({ tenant: { certificate: 'pending', deployed: false } }),
      'validating_certificate: Issuing the certificate.',
    ],
    [
      'issued, deploying',
      claim({ status: 'validating_certificate', tenantId: 't' }),
      seen({ tenant: { certificate: 'issued', deployed: false } }),
      'validating_certificate: Deploying to the CDN.',
    ],
    [
      'issued and deployed',
      claim({ status: 'validating_certificate', tenantId: 't' }),
      seen({ tenant: { certificate: 'issued', deployed: true } }),
      'active',
    ],
    [
      'certificate refused',
      claim({ status: 'validating_certificate', tenantId: 't' }),
      seen({ tenant: { certificate: 'failed', deployed: false, reason: 'CAA forbids Amazon.' } }),
      'failed: CAA forbids Amazon.',
    ],
    ['active stays', claim({ status: 'active' }), seen(), 'active'],
    ['failed stays', claim({ status: 'failed', reason: 'x' }), seen(), 'failed: x'],
  ])('%s', (_what, c, s, expected) => {
    const step = nextStep(c, s);
    const got = 'reason' in step && step.reason ? `${step.to}: ${step.reason}` : step.to;
    expect(got.startsWith(expected), got).toBe(true);
  });
});
