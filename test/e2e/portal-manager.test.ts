// The Portal Manager in Chromium: the demo studio's owner opens "view as client" for a client with
// a gallery, sees the client's galleries under a read-only banner, opens one, and a favourite click
// is refused (the page says preview is read-only) with nothing stored, as the client's own view shows.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { freshClient, galleryFor, NORTHLIGHT, type SignedInClient, studioBrowser } from '../support/portal-actors.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;

describe.skipIf(!haveChromium)('"view as client" in Chromium', () => {
  let browser: Browser;
  let client: SignedInClient;
  let galleryId: string;
  let title: string;
  beforeAll(async () => {
    browser = await launchChromium();
    const studio = await studioBrowser();
    client = await freshClient(studio, 'Preview Paula');
    ({ galleryId } = await galleryFor(studio, client.clientId, 2));
    title = (await client.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`)).body.gallery.title;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('"view as client" shows the client\'s galleries and refuses a favourite', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${dashboard}/signin`);
    await page.getByLabel('Email').fill(DEMO.owner.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboard}/`);

    // From the Portal Manager's row of this client.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portal Manager' }).click();
    await page.waitForURL(`${dashboard}/portal-manager`);
    const row = page.getByTestId('pm-client-row').filter({ hasText: client.email });
    await row.getByRole('link', { name: 'View as client' }).click();
    await page.waitForURL(/\/portal-manager\/preview\?client=/);

    const banner = page.getByTestId('preview-banner');
    await expect.poll(() => banner.textContent()).toContain('Preview as Preview Paula — read-only');
    await expect.poll(() => page.getByRole('heading', { name: 'Hi Preview Paula' }).count()).toBe(1);
    const card = page.getByTestId('gallery-card').filter({ hasText: title });
    await expect.poll(() => card.count()).toBe(1);

    await card.getByRole('link', { name: /Open gallery/ }).click();
    await page.waitForURL(/\/portal-manager\/preview\?client=.*&gallery=/);
    const favourite = page.getByRole('button', { name: /^Favourite / }).first();
    await favourite.waitFor();
    await favourite.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'read-only' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Preview: nothing is changed').count()).toBeGreaterThan(0);
    expect(await favourite.getAttribute('aria-pressed')).toBe('false');
    await context.close();

    // The client's own portal stored no favourite.
    const own = await client.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    expect(own.body.images.some((i: { favourite: boolean }) => i.favourite)).toBe(false);
  });
});
