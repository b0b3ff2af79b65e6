// Custom domains in Chromium: the owner adds `portal.<slug>.localhost` in Settings → Domain, the
// stand-in DNS answers the CNAME it shows, the status reaches Active, and the portal opens on that
// host (Chromium resolves *.localhost to this machine, no hosts file). A Starter studio sees the
// upgrade hints instead of the custom-domain control and the feedback inbox.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { findStudioBySlugForTest, setStudioPlanForTest } from '../support/fixtures.ts';
import { DASHBOARD, Browser as Http, signUpAndSignIn } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;

async function newStudio(plan: 'starter' | 'growth') {
  const tag = randomUUID().slice(0, 8);
  const owner = {
    studioName: `Lumen ${tag}`,
    slug: `lumen-${tag}`,
    name: 'Lu Owner',
    email: `lu-${tag}@example.com`,
    password: `Owner-${tag}-9Aa`,
  };
  expect((await signUpAndSignIn(new Http(port), owner)).status).toBe(200);
  const { studioId } = await findStudioBySlugForTest(owner.slug);
  if (plan !== 'starter') await setStudioPlanForTest(studioId, plan);
  return owner;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${dashboard}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${dashboard}/`);
}

describe.skipIf(!haveChromium)('custom domain, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the owner add a custom domain that goes active once DNS answers, and the portal opens on it', async () => {
    const owner = await newStudio('growth');
    const host = `portal.${owner.slug}.localhost`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, owner.email, owner.password);
    await page.goto(`${dashboard}/settings/domain`);
    await page.getByLabel('Domain', { exact: true }).fill(host);
    await page.getByRole('button', { name: 'Add domain' }).click();
    const status = page.getByTestId('domain-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('pending_dns');
    const target = await page.getByTestId('cname-target').textContent();
    expect(target).toMatch(/\.domains\.localhost$/);

    // What the studio does at its DNS provider.
    expect((await new Http(port).post(DASHBOARD, '/_dev/dns', { name: host, cname: target })).status).toBe(200);
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
    const link = page.getByRole('link', { name: `http://${host}:${port}/` });
    await expect.poll(() => link.count()).toBe(1);

    const portal = await context.newPage();
    await portal.goto(`http://${host}:${port}/`);
    await expect.poll(() => portal.getByRole('heading', { name: `Sign in to ${owner.studioName}` }).count()).toBe(1);
    await context.close();
  });

  it('shows a Starter studio the upgrade hint instead of the custom-domain and feedback controls', async () => {
    const owner = await newStudio('starter');
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, owner.email, owner.password);
    await page.goto(`${dashboard}/settings/domain`);
    const hint = page.locator('[data-entitlement="customDomain"]');
    await expect.poll(() => hint.count()).toBe(1);
    expect(await hint.textContent()).toContain('Custom domain is on the Growth plan');
    expect(await page.getByLabel('Domain', { exact: true }).count()).toBe(0);
    // The Overview's feedback inbox: the hint, and no inbox promise.
    await page.goto(`${dashboard}/`);
    const feedbackHint = page.locator('[data-entitlement="feedback"]');
    await expect.poll(() => feedbackHint.count()).toBe(1);
    expect(await feedbackHint.textContent()).toContain('Feedback module is on the Growth plan');
    expect(await page.getByText('Clients can write to you from their portal').count()).toBe(0);
    await context.close();
  });
});
