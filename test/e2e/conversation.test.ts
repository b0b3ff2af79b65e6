// A project conversation end to end in Chromium: a client on a 375 px phone writes on the Messages
// tab; the project lead, on a desktop, sees it within 2 seconds without reloading, replies with an
// @mention of the client's colleague, whose bell (open on another phone) counts it; each side's
// page shows the other's read receipt. Text that looks like HTML stays text (the stored-XSS probe
// for message text).
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium, signInOnDashboard } from '../support/browser.ts';
import { magicTokenIn, mailbox } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const portalOrigin = `http://${DEMO.studio.slug}.localhost:${port}`;
const PROBE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

const noOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!haveChromium)('a project conversation between a phone and a desktop, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('delivers, mentions and shows receipts', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `robin-${tag}@example.com`;
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lead = await desk.newPage();
    await signInOnDashboard(lead, dashboard, DEMO.owner);
    const api = async (method: string, path: string, data?: unknown) => {
      const res = await lead.request.fetch(`${dashboard}${path}`, { method, data, headers: { origin: dashboard } });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const me = await api('GET', '/api/studio/me');
    const robin = (await api('POST', '/api/studio/clients', { email, name: 'Robin Reyes' })).client;
    const casey = (await api('POST', '/api/studio/clients', { email: `casey-${tag}@example.com`, name: 'Casey Quinn' })).client;
    const { project } = await api('POST', '/api/studio/projects', {
      title: `Spring campaign ${tag}`,
      contactIds: [robin.clientId, casey.clientId],
      leadId: me.user.userId,
      status: 'in_progress',
    });
    await lead.goto(`${dashboard}/projects/${project.projectId}#messages`);
    await lead.getByText('No messages yet. Say hello.').waitFor();

    // The client signs in from the invitation on a phone and opens the project's Messages tab.
    const invitation = (await mailbox()).find((m) => m.to.includes(email) && /auth#token=/.test(m.text));
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const client = await phone.newPage();
    await client.goto(`${portalOrigin}/auth#token=${magicTokenIn(invitation?.text ?? '')}`);
    await client.waitForURL(`${portalOrigin}/`);
    await client.goto(`${portalOrigin}/projects/${project.projectId}#messages`);
    await client.getByText('No messages yet. Say hello.').waitFor();

    // The colleague has the portal open on another phone: their bell counts what reaches them.
    const caseyInvite = (await mailbox()).find((m) => m.to.includes(`casey-${tag}@example.com`) && /auth#token=/.test(m.text));
    const otherPhone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const colleague = await otherPhone.newPage();
    await colleague.goto(`${portalOrigin}/auth#token=${magicTokenIn(caseyInvite?.text ?? '')}`);
    await colleague.waitForURL(`${portalOrigin}/`);
    const caseyCount = colleague.getByTestId('bell-count');
    await expect.poll(() => colleague.getByRole('button', { name: /^Notifications/ }).count()).toBe(1);
    const unread = async () => ((await caseyCount.isHidden()) ? 0 : Number(await caseyCount.textContent()));

    // The client writes; the lead's open page shows it within 2 seconds.
    const hello = `Could we move the shoot to Friday? ${PROBE}`;
    await client.getByRole('combobox', { name: 'Message' }).fill(hello);
    const sentAt = Date.now();
    await client.getByRole('button', { name: 'Send' }).click();
    await lead.getByText('Could we move the shoot to Friday?', { exact: false }).waitFor({ timeout: 2000 });
    expect(Date.now() - sentAt).toBeLessThan(2000);
    expect(await lead.getByText(PROBE, { exact: false }).count()).toBe(1);
    expect(await lead.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // The lead replies with an @mention of the colleague, picked from the autocomplete.
    const box = lead.getByRole('combobox', { name: 'Message' });
    await box.click();
    await box.pressSequentially('@Cas');
    await lead.getByRole('option', { name: /Casey Quinn/ }).click();
    await box.pressSequentially('can you confirm Friday works for the team?');
    await lead.getByRole('button', { name: 'Send' }).click();
    await client.getByText('can you confirm Friday works for the team?', { exact: false }).waitFor({ timeout: 4000 });
    expect(await client.locator('.mention', { hasText: '@Casey Quinn' }).count()).toBe(1);
    // The colleague's bell rises without a reload: the client's message, then the mention of them.
    await expect.poll(unread, { timeout: 10_000 }).toBe(2);
    await colleague.getByRole('button', { name: /^Notifications/ }).click();
    await colleague.getByRole('tab', { name: 'Mentions' }).click();
    await expect.poll(() => colleague.getByText(/can you confirm Friday/).count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await client.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // Receipts: the lead had the client's message on screen; the client has the reply on screen.
    await client.getByText(/Seen by Maya at/).waitFor({ timeout: 6000 });
    await lead.getByText(/Seen by Robin at/).waitFor({ timeout: 6000 });
    expect(await noOverflow(client)).toBeLessThanOrEqual(375);
    await client.screenshot({ path: 'test-results/conversation-375.png', fullPage: true });
    await lead.screenshot({ path: 'test-results/conversation-1280.png', fullPage: true });
  }, 120_000);
});
