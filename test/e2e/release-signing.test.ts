// The releases issue end to end in Chromium: the studio makes a model release from the starter for a
// client, attached to the client's gallery with its downloads held back, and sends it from the New
// release form; the client, on a 375 px phone, is refused a download, opens the release from the
// portal home, consents, reads the rendered pages, draws a signature and signs; the downloads open;
// the studio's sealed PDF passes poppler's pdfsig; the public verify page finds it sealed, and a
// copy with one byte changed not intact.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium, signInOnDashboard } from '../support/browser.ts';
import { addReadyImages, findStudioBySlugForTest } from '../support/fixtures.ts';
import { magicTokenIn, mailbox } from '../support/http.ts';
import { pdfsig } from '../support/pdfsig.ts';
import { galleryRules } from '../support/portal-actors.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const portalOrigin = `http://${DEMO.studio.slug}.localhost:${port}`;
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

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

describe.skipIf(!haveChromium)('a model release sent, signed on a phone, sealed and verified, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('works for the studio, the client and anyone holding the PDF', async () => {
    const started = Date.now();
    const tag = randomUUID().slice(0, 8);
    const email = `release-${tag}@example.com`;
    const clientName = `Rae Model ${tag}`;
    const galleryTitle = `Portrait session ${tag}`;
    const title = `Model release ${tag}`;

    const studio = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await studio.newPage();
    await signInOnDashboard(page, dashboard, DEMO.owner);
    // Set-up through the same API the dashboard uses, with the studio's own session.
    const api = async (method: string, path: string, data?: unknown) => {
      const res = await page.request.fetch(`${dashboard}${path}`, { method, data, headers: { origin: dashboard } });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const { client } = await api('POST', '/api/studio/clients', { email, name: clientName });
    const { gallery } = await api('POST', '/api/studio/galleries', {
      clientId: client.clientId,
      title: galleryTitle,
      deadline: '2099-12-31',
      rules: galleryRules(),
    });
    const galleryId = gallery.galleryId as string;
    const { studioId } = await findStudioBySlugForTest(DEMO.studio.slug);
    const [imageId] = await addReadyImages(studioId, galleryId, 2, `REL_${tag}`);
    await api('PATCH', `/api/studio/galleries/${galleryId}`, { status: 'proofing' });

    // 1. The New release form, from the starter model release, sent at once.
    await page.goto(`${dashboard}/portal-manager/releases/new`);
    await page.getByLabel('Template').selectOption({ label: 'Model release (starter)' });
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Signer 1').selectOption({ label: `${clientName} (${email})` });
    await page.getByLabel('Gallery').selectOption({ label: `${galleryTitle} (${clientName})` });
    await page.getByLabel('Require signature before downloads').check();
    await page.getByLabel('Shoot date').fill('2026-11-14');
    await page.getByLabel('Compensation').fill('Ten edited prints');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.waitForURL(/\/portal-manager\/releases\/[0-9a-f-]{36}$/);
    const releaseId = /releases\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
    await expect.poll(() => page.getByTestId('release-state').textContent()).toContain('Sent');
    const made = (await api('GET', `/api/studio/releases/${releaseId}`)).release;
    expect(made).toMatchObject({ title, requiredForDownloads: true, gallery: { id: galleryId } });

    // 2. The client signs in on a phone from the invitation; the gallery's downloads wait for the release.
    const invitation = (await mailbox()).find((m) => m.to.includes(email) && /auth#token=/.test(m.text));
    const phone = await browser.newContext(PHONE);
    const p = await phone.newPage();
    await p.goto(`${portalOrigin}/auth#token=${magicTokenIn(invitation?.text ?? '')}`);
    await p.waitForURL(`${portalOrigin}/`);
    // Asked from the page, with its session (Node cannot resolve the portal's *.localhost host).
    const downloadAnswer = () =>
      p.evaluate(async (path) => {
        const res = await fetch(path);
        return { status: res.status, body: await res.json() };
      }, `/api/portal/galleries/${galleryId}/images/${imageId}/download`);
    const refused = await downloadAnswer();
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'release_required', message: expect.stringContaining(`Sign "${title}" first`) });
    await p.goto(`${portalOrigin}/galleries/${galleryId}`);
    await p.getByRole('button', { name: `Open REL_${tag}_0001.jpg` }).click();
    await p.getByRole('button', { name: 'Download', exact: true }).click();
    await expect.poll(() => p.getByText(`Sign "${title}" first`, { exact: false }).count()).toBeGreaterThan(0);
    await p.keyboard.press('Escape');

    // 3. From the portal home: consent, the pages, a drawn signature.
    await p.goto(`${portalOrigin}/`);
    const releases = p.getByRole('region', { name: 'Releases' });
    await releases.getByRole('link', { name: `Review and sign ${title}` }).click();
    await p.waitForURL(`${portalOrigin}/releases/${releaseId}`);
    await p.getByRole('heading', { name: 'Consent to sign electronically' }).waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await p.getByLabel('I agree to sign electronically').check();
    await p.getByRole('button', { name: 'Continue', exact: true }).click();
    // The page images come from an object event after the document is stored: the page polls for them.
    await p.getByRole('img', { name: 'Page 1', exact: true }).waitFor({ timeout: 20_000 });
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await p.getByRole('button', { name: 'Continue to sign' }).click();
    const pad = p.getByRole('img', { name: 'Signature drawing area' });
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    await p.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.7);
    await p.mouse.down();
    for (const [x, y] of [
      [0.2, 0.3],
      [0.3, 0.75],
      [0.45, 0.25],
      [0.6, 0.7],
      [0.8, 0.35],
      [0.9, 0.6],
    ] as const)
      await p.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 4 });
    await p.mouse.up();
    await expect.poll(() => p.getByText('Drawn.').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await p.getByRole('button', { name: 'Sign', exact: true }).click();
    await p.getByRole('heading', { name: 'Signed. The sealed PDF will be emailed to you' }).waitFor();
    await p.screenshot({ path: 'test-results/release-signed-375.png', fullPage: true });

    // 4. The one signer has signed: the release is sealed and the downloads open.
    const signed = (await api('GET', `/api/studio/releases/${releaseId}`)).release;
    expect(signed.state).toBe('completed');
    expect(signed.signers[0]).toMatchObject({ state: 'signed' });
    expect((await downloadAnswer()).status).toBe(200);
    await phone.close();

    // 5. The studio downloads the sealed PDF from the release's page: poppler finds it valid and whole.
    await page.reload();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download sealed PDF' }).click();
    const sealedPath = await (await download).path();
    const sealed = await readFile(sealedPath);
    expect(sealed.subarray(0, 5).toString()).toBe('%PDF-');
    const check = await pdfsig(sealed);
    expect(check.valid, check.output).toBe(true);
    expect(check.wholeFile, check.output).toBe(true);
    await studio.close();

    // 6. Anyone may check it on the verify page: sealed and intact, then a copy with one byte changed.
    const visitor = await browser.newContext(PHONE);
    const v = await visitor.newPage();
    await v.goto(`${dashboard}/verify`);
    const file = v.getByLabel('Choose or drop the PDF');
    await file.setInputFiles({ name: 'model-release.pdf', mimeType: 'application/pdf', buffer: sealed });
    const result = v.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-result'), { timeout: 10_000 }).toBe('sealed');
    expect(await result.getByRole('heading', { name: 'Sealed and intact' }).count()).toBe(1);
    expect(await v.getByTestId('verify-summary').textContent()).toContain(`Sealed by ${DEMO.studio.name}`);
    expect(await v.getByTestId('verify-summary').textContent()).toContain(clientName);
    expect(await axeViolations(v)).toEqual([]);
    const altered = Buffer.from(sealed);
    const at = sealed.indexOf('stream') + 40;
    altered[at] = (altered[at] as number) ^ 0x01;
    await file.setInputFiles({ name: 'model-release-altered.pdf', mimeType: 'application/pdf', buffer: altered });
    await expect.poll(() => result.getAttribute('data-result'), { timeout: 10_000 }).toBe('altered');
    expect(await result.getByRole('heading', { name: 'Not intact' }).count()).toBe(1);
    await v.screenshot({ path: 'test-results/verify-375.png', fullPage: true });
    expect(await noOverflow(v)).toBeLessThanOrEqual(375);
    await visitor.close();
    console.log(`release signing end to end: ${Math.round((Date.now() - started) / 1000)} s`);
  }, 120_000);
});
