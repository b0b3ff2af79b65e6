// Invoices end to end in Chromium, on a 375 px phone: the client of a studio whose Stripe account is
// connected opens Billing, finds the final invoice sent, opens it and pays in the checkout embedded in
// the page (locally the Stripe stand-in's page in a frame). A declined card leaves the invoice unpaid
// and the gallery it holds back still asking to "Pay to unlock"; "Pay to unlock" opens the checkout
// at once, a good card pays, the return page says "Paid" and the gallery's downloads open. The
// studio's Billing page then shows the invoice paid.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld } from '../features/invoices/fixtures.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DECLINED_CARD = '4000 0000 0000 0002';
const GOOD_CARD = '4242 4242 4242 4242';

const noOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

/** axe-core's violations on the page as it stands, serious and critical ones only. */
async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(await readFile('node_modules/axe-core/axe.min.js', 'utf8'));
  return p.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact?: string | null; nodes: unknown[] }[] }> } }
    ).axe.run();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Types a payment number in the checkout frame and presses its Pay button. */
async function payInFrame(p: Page, number: string): Promise<void> {
  const frame = p.getByTitle('Stripe Checkout').contentFrame();
  await frame.getByLabel('Card number or IBAN').fill(number);
  await frame.getByRole('button', { name: /^Pay / }).click();
}

describe.skipIf(!haveChromium)('an invoice paid on a phone through the embedded Checkout, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('declines a card, pays with another, unlocks the gallery and shows the studio the payment', async () => {
    const started = Date.now();
    const world = await billingWorld();
    const invoicePath = `/billing/${world.finalInvoiceId}`;
    const lockText = `The originals open once invoice ${world.finalNumber} (${world.finalAmountDue}) is paid.`;

    const phone = await browser.newContext(PHONE);
    const p = await phone.newPage();
    await world.signInClient(p);

    // 1. Billing, from the portal's navigation: the final invoice is there, sent.
    await p.goto(`${world.portalUrl}/`);
    await p.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Billing' }).click();
    await p.waitForURL(`${world.portalUrl}/billing`);
    const card = p.getByRole('list', { name: 'Invoices' }).getByRole('listitem').filter({ hasText: world.finalNumber });
    await card.waitFor();
    expect(await card.textContent()).toContain('Sent');
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    expect(await axeViolations(p)).toEqual([]);

    // 2. The invoice: the document, and Pay. A double tap opens one checkout.
    await card.getByRole('link', { name: world.finalNumber }).click();
    await p.waitForURL(`${world.portalUrl}${invoicePath}`);
    await p.getByRole('heading', { name: `Invoice ${world.finalNumber}` }).waitFor();
    expect(await p.getByTestId('invoice-status').textContent()).toBe('Sent');
    expect(await p.getByTestId('invoice-amount-due').textContent()).toBe(world.finalAmountDue);
    expect(await p.getByRole('button', { name: 'Download PDF' }).count()).toBe(1);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole('button', { name: /^Pay / }).dblclick();
    await p.getByTitle('Stripe Checkout').waitFor();
    expect(await p.getByTitle('Stripe Checkout').count()).toBe(1);

    // 3. A declined card: the alert above the frame, the invoice still unpaid.
    await payInFrame(p, DECLINED_CARD);
    await p.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor();
    expect(p.url()).toBe(`${world.portalUrl}${invoicePath}`);
    expect(await p.getByTestId('invoice-status').textContent()).toBe('Sent');
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/invoice-declined-375.png', fullPage: true });

    // 4. The gallery still waits for the invoice: its notice instead of the downloads.
    await p.goto(`${world.portalUrl}/galleries/${world.galleryId}`);
    const payToUnlock = p.getByRole('link', { name: 'Pay to unlock' });
    await payToUnlock.waitFor();
    expect(await p.getByText(lockText).count()).toBe(1);
    expect(await p.getByRole('button', { name: 'Download all' }).count()).toBe(0);

    // 5. "Pay to unlock" opens the checkout at once; a good card pays and Stripe sends the client back.
    await payToUnlock.click();
    await p.waitForURL((url) => url.pathname === invoicePath);
    await p.getByTitle('Stripe Checkout').waitFor();
    await payInFrame(p, GOOD_CARD);
    const result = p.getByRole('status').filter({ hasText: 'Paid' });
    await result.waitFor({ timeout: 20_000 });
    await expect.poll(() => p.getByTestId('invoice-status').textContent(), { timeout: 10_000 }).toBe('Paid');
    // The return's session_id is taken out of the address once answered.
    expect(p.url()).toBe(`${world.portalUrl}${invoicePath}`);
    expect(await p.getByRole('button', { name: /^Pay / }).count()).toBe(0);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/invoice-paid-375.png', fullPage: true });

    // 6. The gallery's downloads are open: no lock notice.
    await p.goto(`${world.portalUrl}/galleries/${world.galleryId}`);
    await p.getByRole('button', { name: 'Download all' }).waitFor();
    expect(await p.getByRole('link', { name: 'Pay to unlock' }).count()).toBe(0);
    expect(await p.getByText(lockText).count()).toBe(0);
    await phone.close();

    // 7. The studio's Billing page shows the invoice paid.
    const studio = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const s = await studio.newPage();
    await world.studioSignIn(s);
    await s.goto(`${world.dashboardUrl}/billing`);
    const row = s.getByRole('row', { name: new RegExp(world.finalNumber) });
    await row.waitFor();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Paid');
    await studio.close();
    console.log(`invoice payment end to end: ${Math.round((Date.now() - started) / 1000)} s`);
  }, 120_000);
});
