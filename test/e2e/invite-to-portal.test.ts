// The first flow end to end in a real browser: the demo studio invites a new client from the
// dashboard, the client opens the magic link from the mail on a phone-sized screen and sees exactly
// their own gallery; the same link opened again is refused.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { findClientByEmail } from '../../shared/features/clients/domain/clients.ts';
import { createGallery } from '../../shared/features/galleries/domain/galleries.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { findStudioBySlugForTest } from '../support/fixtures.ts';
import { mailbox } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const portalOrigin = `http://${DEMO.studio.slug}.localhost:${port}`;

describe.skipIf(!haveChromium)('invitation → magic link → portal, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the studio invite a client who then sees only their own gallery, once per link', async () => {
    const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
    const galleryTitle = `Engagement session ${randomUUID().slice(0, 4)}`;

    // The studio signs in and invites the client.
    const studio = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await studio.newPage();
    await page.goto(`${dashboard}/signin`);
    await page.getByLabel('Email').fill(DEMO.owner.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboard}/`);
    await page.goto(`${dashboard}/clients`);
    await page.getByLabel('Name').fill('Elin Eriksson');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Invite client' }).click();
    await expect.poll(() => page.getByTestId('client-row').filter({ hasText: email }).count()).toBe(1);
    await studio.close();

    // The studio has a gallery ready for the new client (gallery management arrives with uploads).
    const northlight = await findStudioBySlugForTest(DEMO.studio.slug);
    const client = await findClientByEmail(northlight.studioId, email);
    await createGallery({
      studioId: northlight.studioId,
      clientId: client!.clientId,
      projectId: null,
      title: galleryTitle,
      status: 'proofing',
      shootDate: '2026-11-20',
      deadline: '2026-12-20',
      imageCount: 0,
      coverThumbKey: null,
    });

    // The client opens the link from the invitation mail on a phone.
    const mail = (await mailbox()).find((m) => m.to.includes(email));
    expect(mail?.subject).toContain(DEMO.studio.name);
    const link = /http:\/\/\S+\/auth#token=[A-Za-z0-9_-]{43}/.exec(mail!.text)?.[0];
    expect(link?.startsWith(`${portalOrigin}/auth#token=`)).toBe(true);

    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const clientPage = await phone.newPage();
    await clientPage.goto(link!);
    await clientPage.waitForURL(`${portalOrigin}/`);
    const cards = clientPage.getByTestId('gallery-card');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain(galleryTitle);
    const body = (await clientPage.textContent('body')) ?? '';
    for (const other of DEMO.clients) expect(body).not.toContain(other.gallery);
    expect(body).toContain(DEMO.studio.name);
    // Usable on a 375 px phone: nothing wider than the screen.
    expect(await clientPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await clientPage.screenshot({ path: 'test-results/portal-home-375.png', fullPage: true });
    await phone.close();

    // The same link, opened again, is refused with a clear message.
    const again = await browser.newContext();
    const againPage = await again.newPage();
    await againPage.goto(link!);
    await expect.poll(() => againPage.getByRole('alert').filter({ hasText: 'already been used' }).count()).toBe(1);
    expect(againPage.url()).toContain('/auth');
    await again.close();
  });
});
