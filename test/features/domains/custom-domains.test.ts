// Custom domains against the local stack: the DNS stand-in (local/services/dns.ts, through
// /_dev/dns) answers the CNAME, FakeCloudFrontTenants issues the certificate, and the portal then
// answers on the studio's own host, with sessions of its own.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findStudioBySlugForTest, setStudioPlanForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, portal, signUpAndSignIn } from '../../support/http.ts';
import { latestTokenFor } from '../../support/portal-actors.ts';
import { storedLines } from '../../support/snapshot.ts';

async function studio(plan: 'starter' | 'growth') {
  const tag = randomUUID().slice(0, 8);
  const slug = `dom-${tag}`;
  const browser = new Browser();
  const email = `owner-${slug}@example.com`;
  const signedIn = await signUpAndSignIn(browser, {
    studioName: `Domain ${tag}`,
    slug,
    name: 'Dee Owner',
    email,
    password: `Owner-${tag}-9Aa`,
  });
  expect(signedIn.status).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  if (plan !== 'starter') await setStudioPlanForTest(studioId, plan);
  return { slug, browser, studioId, host: `portal.${slug}.localhost` };
}

const setCname = (browser: Browser, name: string, cname: string | null) => browser.post(DASHBOARD, '/_dev/dns', { name, cname });

describe('custom domains', () => {
  it('lets the owner add a domain; once the stand-in DNS answers, it goes active and the portal opens on it', async () => {
    const s = await studio('growth');
    expect((await s.browser.get(DASHBOARD, '/api/studio/domain')).body).toEqual({ domain: null });
    const added = await s.browser.post(DASHBOARD, '/api/studio/domain', { host: ` Portal.${s.slug}.localhost ` });
    expect(added.status, added.text).toBe(201);
    const { domain } = added.body;
    expect(domain).toMatchObject({ host: s.host, status: 'pending_dns', cname: { name: s.host }, serving: false });
    expect(domain.cname.target).toMatch(/^d-[0-9a-f]{20}\.domains\.localhost$/);

    // Not a portal until verified.
    expect((await new Browser().get(s.host, '/api/portal')).status).toBe(404);
    const waiting = await s.browser.post(DASHBOARD, '/api/studio/domain/verify');
    expect(waiting.body.domain).toMatchObject({ status: 'pending_dns', reason: `No CNAME record for ${s.host} yet.` });

    const started = Date.now();
    await setCname(s.browser, s.host, domain.cname.target);
    const statuses: string[] = [];
    let status = '';
    while (status !== 'active' && Date.now() - started < 20_000) {
      const checked = await s.browser.post(DASHBOARD, '/api/studio/domain/verify');
      expect(checked.status, checked.text).toBe(200);
      status = checked.body.domain.status;
      if (statuses.at(-1) !== status) statuses.push(status);
      if (status !== 'active') await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`custom domain: CNAME added → active in ${Date.now() - started} ms (${statuses.join(' → ')})`);
    expect(statuses).toEqual(['validating_certificate', 'active']);
    const shown = await s.browser.get(DASHBOARD, '/api/studio/domain');
    expect(shown.body.domain).toMatchObject({ status: 'active', serving: true, url: `http://${s.host}:${s.browser.port}/` });

    // The portal answers on both hosts: the same studio.
    const onCustom = await new Browser().get(s.host, '/api/portal');
    expect(onCustom.status).toBe(200);
    expect(onCustom.body.studio.slug).toBe(s.slug);
    expect((await new Browser().get(portal(s.slug), '/api/portal')).body.studio.slug).toBe(s.slug);

    // Sessions are per host: a client signed in on the custom domain is not signed in on the subdomain.
    const email = `client-${randomUUID().slice(0, 8)}@example.com`;
    expect((await s.browser.post(DASHBOARD, '/api/studio/clients', { email, name: 'Cam Client' })).status).toBe(201);
    const client = new Browser();
    expect((await client.post(s.host, '/api/portal/session', { token: await latestTokenFor(email) })).status).toBe(200);
    const cookie = client.jar.get(s.host)?.get('portico_session');
    expect(cookie).toBeTruthy();
    expect((await client.get(s.host, '/api/portal/me')).status).toBe(200);
    expect((await client.get(portal(s.slug), '/api/portal/me')).status).toBe(401);

    // A downgrade keeps it on show, not served.
    await setStudioPlanForTest(s.studioId, 'starter');
    expect((await new Browser().get(s.host, '/api/portal')).status).toBe(404);
    expect((await s.browser.get(DASHBOARD, '/api/studio/domain')).body.domain).toMatchObject({ status: 'active', serving: false });
    await setStudioPlanForTest(s.studioId, 'growth');

    // Removing it stops serving and frees the host.
    expect((await s.browser.call(DASHBOARD, 'DELETE', '/api/studio/domain')).status).toBe(204);
    expect((await new Browser().get(s.host, '/api/portal')).status).toBe(404);
    expect((await s.browser.get(DASHBOARD, '/api/studio/domain')).body).toEqual({ domain: null });
    await setCname(s.browser, s.host, null);
  });

  it('refuses hosts that are not a studio’s own subdomain with a clear 4xx, changing nothing', async () => {
    const s = await studio('growth');
    const other = await studio('growth');
    expect((await other.browser.post(DASHBOARD, '/api/studio/domain', { host: other.host })).status).toBe(201);
    const cases: [string, number, string][] = [
      [other.host, 409, 'domain_taken'],
      [`${s.slug}.localhost`, 400, 'invalid_host'],
      ['localhost', 400, 'invalid_host'],
      ['theirstudio.com', 400, 'invalid_host'],
      ['*.theirstudio.com', 400, 'invalid_host'],
      ['10.0.0.1', 400, 'invalid_host'],
      [`${'a'.repeat(64)}.theirstudio.com`, 400, 'invalid_host'],
      ['portal.ståudio.com', 400, 'invalid_host'],
      ['d-0.domains.localhost', 400, 'invalid_host'],
      ['x'.repeat(301), 400, 'invalid_request'],
    ];
    const before = (await storedLines()).lines;
    for (const [host, status, error] of cases) {
      const answer = await s.browser.post(DASHBOARD, '/api/studio/domain', { host });
      expect([host, answer.status], answer.text).toEqual([host, status]);
      if (error !== 'invalid_request') expect(answer.body.error).toBe(error);
      expect(typeof answer.body.message).toBe('string');
    }
    expect((await storedLines()).lines).toEqual(before);
  });

  it('shows a Starter studio nothing to add and refuses the API with plan_required', async () => {
    const s = await studio('starter');
    expect((await s.browser.get(DASHBOARD, '/api/studio/domain')).body).toEqual({ domain: null });
    for (const [method, path, json] of [
      ['POST', '/api/studio/domain', { host: s.host }],
      ['POST', '/api/studio/domain/verify', {}],
    ] as const) {
      const refused = await s.browser.call(DASHBOARD, method, path, { json });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'plan_required', plan: 'growth' });
    }
  });
});
