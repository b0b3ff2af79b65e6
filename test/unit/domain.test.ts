import { describe, expect, it } from 'vitest';
import { invitationEmail } from '../../shared/features/auth/domain/emails.ts';
import { StudioSignUpBody } from '../../shared/features/auth/schemas.ts';
import { clientUsername, hasAccess, parseClientUsername, summarize } from '../../shared/features/clients/domain/clients.ts';
import type { Client } from '../../shared/features/clients/records.ts';
import { InviteClientBody } from '../../shared/features/clients/schemas.ts';
import type { Studio } from '../../shared/features/studios/records.ts';
import { Slug } from '../../shared/features/studios/schemas.ts';
import { readCookies } from '../../shared/http/cookies.ts';
import { contentSecurityPolicy, securityHeaders } from '../../shared/security-headers.ts';

const studioId = '2b7e1a52-1c1f-4c1c-9a40-3f1f8a2b9c01';
const clientId = '9f0c3d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const client: Client = {
  clientId,
  studioId,
  email: 'a@example.com',
  name: '<script>alert(1)</script> Ana',
  invitedAt: '2026-11-01T10:00:00.000Z',
  lastSignInAt: null,
  accessExpiresAt: '2026-11-30',
};

describe('client membership', () => {
  it('round-trips the pool username that binds a session to one studio', () => {
    expect(parseClientUsername(clientUsername(studioId, clientId))).toEqual({ studioId, clientId });
    expect(parseClientUsername('someone@example.com')).toBeNull();
    expect(parseClientUsername(`${studioId}.${clientId}.extra`)).toBeNull();
  });

  it('keeps access through the last day and reports the status a studio expects', () => {
    expect(hasAccess(client, new Date('2026-11-30T23:59:00Z'))).toBe(true);
    expect(hasAccess(client, new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(summarize(client, new Date('2026-11-20T00:00:00Z')).status).toBe('invited');
    expect(summarize({ ...client, lastSignInAt: '2026-11-02T00:00:00Z' }, new Date('2026-11-20T00:00:00Z')).status).toBe('active');
    expect(summarize(client, new Date('2026-12-02T00:00:00Z')).status).toBe('expired');
    expect(hasAccess({ ...client, accessExpiresAt: null }, new Date('2099-01-01'))).toBe(true);
  });
});

describe('schemas', () => {
  it('accepts portal addresses a DNS label allows and refuses the rest', () => {
    for (const ok of ['northlight', 'fern-and-fable', 'a1b']) expect(Slug.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['ab', '-lead', 'trail-', 'Upper', 'sp ace', 'www', 'app', 'a'.repeat(41), '../x'])
      expect(Slug.safeParse(bad).success, bad).toBe(false);
  });

  it('lower-cases emails, refuses unknown fields and past expiry dates', () => {
    const parsed = StudioSignUpBody.parse({ studioName: 'S', slug: 'sss', name: 'N', email: 'Me@Example.COM', password: 'Abcdefghi1' });
    expect(parsed.email).toBe('me@example.com');
    expect(StudioSignUpBody.safeParse({ ...parsed, role: 'admin' }).success).toBe(false);
    expect(InviteClientBody.safeParse({ email: 'a@b.co', name: 'A', accessExpiresAt: '2000-01-01' }).success).toBe(false);
    expect(InviteClientBody.safeParse({ email: 'a@b.co', name: 'A', accessExpiresAt: '2999-01-01' }).success).toBe(true);
    expect(InviteClientBody.safeParse({ email: 'a@b.co', name: 'A', accessExpiresAt: '2999-02-30' }).success).toBe(false);
  });
});

describe('emails', () => {
  it('escapes names in HTML and keeps the link in both parts', () => {
    const studio = { name: 'Studio "Q" & Co', plan: 'starter', accentColor: '#112233', supportEmail: 'help@q.example' } as Studio;
    const mail = invitationEmail(studio, client, 'http://q.localhost:3000/auth#token=abc');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('http://q.localhost:3000/auth#token=abc');
    expect(mail.text).toContain('http://q.localhost:3000/auth#token=abc');
    expect(mail.subject).toContain('Studio "Q" & Co');
  });
});

describe('cookies and headers', () => {
  it('reads payload 2.0 cookies, first value winning', () => {
    expect(readCookies(['a=1', 'portico_session=x.y.z', 'a=2'])).toEqual({ a: '1', portico_session: 'x.y.z' });
    expect(readCookies(undefined)).toEqual({});
    expect(readCookies(['__proto__=1'])).not.toHaveProperty('polluted');
  });

  it('forbids inline scripts and framing, and always sends HSTS (browsers ignore it over HTTP)', () => {
    const csp = contentSecurityPolicy({ storageOrigin: 'https://bucket.s3.amazonaws.com' });
    expect(csp).toMatch(/script-src 'self' https:\/\/js\.stripe\.com(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(securityHeaders({ storageOrigin: 'x' })['strict-transport-security']).toContain('max-age=');
  });

  it("lets the portal frame Stripe's embedded Checkout (locally the stand-in's page, only when it is given)", () => {
    const directive = (csp: string, name: string) =>
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find(([n]) => n === name)
        ?.slice(1);
    const aws = contentSecurityPolicy({ storageOrigin: 'https://bucket.s3.amazonaws.com' });
    expect(directive(aws, 'frame-src')).toEqual(['https://js.stripe.com', 'https://checkout.stripe.com', 'https://hooks.stripe.com']);
    expect(directive(aws, 'script-src')).toEqual(["'self'", 'https://js.stripe.com']);
    expect(directive(aws, 'connect-src')).toEqual([
      "'self'",
      'https://bucket.s3.amazonaws.com',
      'https://api.stripe.com',
      'https://checkout.stripe.com',
    ]);
    const local = contentSecurityPolicy({ storageOrigin: 'http://127.0.0.1:3002', checkoutFrameOrigin: 'http://127.0.0.1:3005/' });
    expect(directive(local, 'frame-src')).toEqual([
      'https://js.stripe.com',
      'https://checkout.stripe.com',
      'https://hooks.stripe.com',
      'http://127.0.0.1:3005',
    ]);
  });
});

describe('the site and the API agree', () => {
  it('reserve the same portal addresses', async () => {
    const site = await import('../../site/src/lib/validation.ts');
    const { RESERVED_SLUGS } = await import('../../shared/features/studios/constants.ts');
    expect([...site.RESERVED_SLUGS].sort()).toEqual([...RESERVED_SLUGS].sort());
  });
});
