// The branding editor end to end in Chromium: a studio owner uploads a logo and changes the accent
// colour in Settings → Portal (the editor first refuses a colour no text reads on, offering the
// readable variant); the client's portal and the next invitation email then show them.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { DASHBOARD, Browser as Http, mailbox, signUpAndSignIn } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;

describe.skipIf(!haveChromium)('Settings → Portal, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the owner upload a logo and change the colour, which the portal and the next email show', async () => {
    const tag = randomUUID().slice(0, 8);
    const owner = {
      studioName: `Atelier ${tag}`,
      slug: `atelier-${tag}`,
      name: 'Ada Owner',
      email: `atelier-${tag}@example.com`,
      password: 'Atelier-test-2026',
    };
    const http = new Http();
    expect((await signUpAndSignIn(http, owner)).status).toBe(200);
    const logoFile = join(tmpdir(), `logo-${tag}.png`);
    writeFileSync(
      logoFile,
      await sharp({ create: { width: 800, height: 200, channels: 4, background: { r: 20, g: 90, b: 60, alpha: 1 } } })
        .png()
        .toBuffer(),
    );

    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${dashboard}/signin`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboard}/`);
    await page.goto(`${dashboard}/settings/portal`);

    // Starter: the welcome message is an upgrade hint, and the previews keep the Portico line.
    await expect.poll(() => page.locator('[data-entitlement="fullBranding"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('preview-powered-by').count()).toBe(1);

    // The logo goes straight to S3 and through the pipeline.
    await page.getByTestId('logo-input').setInputFiles(logoFile);
    await expect.poll(() => page.getByText('Logo saved').count(), { timeout: 30_000 }).toBe(1);

    // A colour no text reads on is refused before saving, with the readable variant offered.
    const hex = page.getByLabel('Accent colour');
    await hex.fill('#1c7ed6');
    await expect.poll(() => page.getByTestId('accent-warning').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save branding' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /Use #[0-9a-f]{6} instead/ }).click();
    const accent = (await hex.inputValue()).toLowerCase();
    expect(accent).toMatch(/^#[0-9a-f]{6}$/);
    expect(accent).not.toBe('#1c7ed6');
    await expect.poll(() => page.getByTestId('accent-readable').count()).toBe(1);
    // The email preview is the server's template, in a sandboxed frame, already in the new colour.
    expect(await page.getByTestId('email-preview').getAttribute('sandbox')).toBe('');
    expect(await page.getByTestId('email-preview').getAttribute('srcdoc')).toContain(accent);
    const letter = page.frameLocator('[data-testid="email-preview"]');
    await expect.poll(() => letter.getByText('Open your portal').count()).toBe(1);
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect.poll(() => page.getByText('Saved. Your portal').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: 'test-results/settings-portal-375.png', fullPage: true });

    // The client's portal (its sign-in page) shows the logo and the colour.
    const portalPage = await context.newPage();
    await portalPage.goto(`http://${owner.slug}.localhost:${port}/signin`);
    const logo = portalPage.locator('img.studio-brand__logo');
    await expect.poll(() => logo.count()).toBe(1);
    expect(await logo.getAttribute('alt')).toBe(owner.studioName);
    await expect
      .poll(() => portalPage.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()))
      .toBe(accent);
    await expect.poll(() => portalPage.getByTestId('powered-by').count()).toBe(1);
    await context.close();

    // The next invitation email carries them too.
    const email = `atelier-client-${tag}@example.com`;
    expect((await http.post(DASHBOARD, '/api/studio/clients', { email, name: 'Cleo Client' })).status).toBe(201);
    const mail = (await mailbox()).find((m) => m.to.includes(email));
    expect(mail?.html).toContain(`/api/portal/logo?v=`);
    expect(mail?.html).toContain(`border-bottom:3px solid ${accent}`);
  });
});
