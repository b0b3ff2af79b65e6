// The bell in Chromium: a client on a 375 px phone watches the portal's bell while the studio makes
// a gallery visible to them (updateGallery notifies galleryReady); the count rises without a reload,
// the panel lists the note under its project group, and "Mark all read" clears the count.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium, signInOnDashboard } from '../support/browser.ts';
import { magicTokenIn, mailbox } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const portalOrigin = `http://${DEMO.studio.slug}.localhost:${port}`;

describe.skipIf(!haveChromium)('the notification bell, live, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('rises when the studio publishes a gallery to the client, and Mark all read clears it', async () => {
    const email = `bell-${randomUUID().slice(0, 8)}@example.com`;
    const studio = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await studio.newPage();
    await signInOnDashboard(page, dashboard, DEMO.owner);
    // The dashboard has its bell too.
    await expect.poll(() => page.getByRole('button', { name: /^Notifications/ }).count()).toBe(1);
    const api = async (method: string, path: string, data?: unknown) => {
      const res = await page.request.fetch(`${dashboard}${path}`, { method, data, headers: { origin: dashboard } });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const { client } = await api('POST', '/api/studio/clients', { email, name: 'Bell Client' });
    const { gallery } = await api('POST', '/api/studio/galleries', { clientId: client.clientId, title: 'Bell session' });

    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    const invitation = (await mailbox()).find((m) => m.to.includes(email));
    await p.goto(`${portalOrigin}/auth#token=${magicTokenIn(invitation!.text)}`);
    await p.waitForURL(`${portalOrigin}/`);
    const bell = p.getByRole('button', { name: /^Notifications/ });
    await expect.poll(() => bell.count()).toBe(1);
    const count = p.getByTestId('bell-count');
    expect(await count.isHidden()).toBe(true);

    await api('PATCH', `/api/studio/galleries/${gallery.galleryId}`, { status: 'proofing' });
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe('1');
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');

    await bell.click();
    const panel = p.getByRole('dialog', { name: 'Notifications' });
    await expect.poll(() => panel.getByText('Bell session is ready to view').count()).toBe(1);
    // 375 px first: the panel fits the phone's width.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => count.isHidden()).toBe(true);
    await p.reload();
    await expect.poll(() => p.getByRole('button', { name: 'Notifications' }).count()).toBe(1);
    expect(await p.getByTestId('bell-count').isHidden()).toBe(true);

    // The Mentions tab and the settings link are there.
    await p.getByRole('button', { name: 'Notifications' }).click();
    await p.getByRole('tab', { name: 'Mentions' }).click();
    await expect.poll(() => p.getByText('No one has mentioned you yet.').count()).toBe(1);
    await p.getByRole('link', { name: 'Notification settings' }).click();
    await p.waitForURL(`${portalOrigin}/notifications`);
    await expect.poll(() => p.getByRole('radio', { name: /Every message/ }).isChecked()).toBe(true);
    await phone.close();
    await studio.close();
  });
});
