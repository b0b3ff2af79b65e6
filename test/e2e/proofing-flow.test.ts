// The galleries issue end to end in Chromium: the studio uploads 200 photos from the dashboard and
// watches the progress, the images go through the real pipeline, the client proofs them on a
// 375 px phone (filter, favourite, select to the limit, comment, confirm, download a ZIP), and the
// studio sees the submission.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { magicTokenIn, mailbox } from '../support/http.ts';

const PHOTOS = 200;
const MAX = 5;
const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const portalOrigin = `http://${DEMO.studio.slug}.localhost:${port}`;

describe.skipIf(!haveChromium)('upload → proof on a phone → submission, in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'portico-e2e-photos-'));
    // Small but real JPEGs, each a different colour.
    for (let i = 0; i < PHOTOS; i++) {
      const file = join(dir, `E2E_${String(i + 1).padStart(4, '0')}.jpg`);
      await sharp({
        create: { width: 600, height: 400, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 } },
      })
        .jpeg({ quality: 70 })
        .toFile(file);
      files.push(file);
    }
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('works for the studio and the client', async () => {
    const email = `proof-${randomUUID().slice(0, 8)}@example.com`;
    const studio = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await studio.newPage();
    await page.goto(`${dashboard}/signin`);
    await page.getByLabel('Email').fill(DEMO.owner.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboard}/`);

    // Set-up through the same API the dashboard uses, with the studio's own session.
    const api = async (method: string, path: string, data?: unknown) => {
      const res = await page.request.fetch(`${dashboard}${path}`, { method, data, headers: { origin: dashboard } });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const { client } = await api('POST', '/api/studio/clients', { email, name: 'Phone Client' });
    const { gallery } = await api('POST', '/api/studio/galleries', {
      clientId: client.clientId,
      title: 'Engagement session',
      shootDate: '2026-11-14',
      deadline: '2099-12-31',
      rules: {
        selection: { enabled: true, min: 1, max: MAX },
        favourites: true,
        comments: true,
        downloads: 'web',
        viewOnly: false,
        watermark: null,
      },
    });

    // 200 photos through the dashboard's uploader, with overall progress.
    await page.goto(`${dashboard}/galleries/${gallery.galleryId}`);
    await page.locator('input[type="file"]').setInputFiles(files);
    const overall = page.getByTestId('upload-overall');
    await expect.poll(() => overall.getAttribute('aria-valuenow'), { timeout: 120_000 }).toBe('100');
    // The pipeline makes every photo ready.
    await expect
      .poll(async () => (await api('GET', `/api/studio/galleries/${gallery.galleryId}`)).gallery.imageCount, {
        timeout: 180_000,
        interval: 2000,
      })
      .toBe(PHOTOS);
    await api('PATCH', `/api/studio/galleries/${gallery.galleryId}`, { status: 'proofing' });

    // The client signs in from the invitation on a phone and opens the gallery.
    const invitation = (await mailbox()).find((m) => m.to.includes(email));
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${portalOrigin}/auth#token=${magicTokenIn(invitation!.text)}`);
    await p.waitForURL(`${portalOrigin}/`);
    await p
      .getByRole('link', { name: /Engagement session/ })
      .first()
      .click();
    await p.waitForURL(`${portalOrigin}/galleries/${gallery.galleryId}`);
    await expect.poll(() => p.getByTestId('image-tile').count()).toBeGreaterThan(0);

    // Favourite two, and filter to them.
    await p.getByRole('button', { name: 'Favourite E2E_0001.jpg' }).click();
    await p.getByRole('button', { name: 'Favourite E2E_0002.jpg' }).click();
    await p.getByRole('button', { name: /^Favourites/ }).click();
    await expect.poll(() => p.getByTestId('image-tile').count()).toBe(2);
    await p.getByRole('button', { name: /^All/ }).click();

    // Select up to the limit; one more is refused with a clear message.
    for (let i = 1; i <= MAX; i++) {
      await p.getByRole('button', { name: `Select E2E_${String(i).padStart(4, '0')}.jpg` }).click();
      await expect.poll(() => p.getByTestId('selected-counter').textContent()).toContain(String(i));
    }
    await p.getByRole('button', { name: `Select E2E_${String(MAX + 1).padStart(4, '0')}.jpg` }).click();
    await expect.poll(() => p.getByText(/maximum of 5/).count()).toBeGreaterThan(0);
    expect(await p.getByTestId('selected-counter').textContent()).toContain(`${MAX}`);

    // Comment on one in the viewer.
    await p.getByRole('button', { name: 'Open E2E_0003.jpg' }).click();
    await p.getByRole('button', { name: /Comments/ }).click();
    await p.getByLabel('Add a comment').fill('Could this one be a little warmer?');
    await p.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => p.getByText('Could this one be a little warmer?').count()).toBeGreaterThan(0);
    // The studio's Comments tab has the thread; a reply with an @mention shows in the client's open
    // viewer without a reload, the mention highlighted.
    await page.getByRole('tab', { name: 'Comments' }).click();
    const onPhoto = page.getByRole('article', { name: 'Comments on E2E_0003.jpg' });
    await expect.poll(() => onPhoto.getByText('Could this one be a little warmer?').count(), { timeout: 10_000 }).toBe(1);
    const replyBox = onPhoto.getByLabel('Reply to Comment 1 on E2E_0003.jpg');
    await replyBox.click();
    await replyBox.pressSequentially('Yes @Pho');
    await page.getByRole('option', { name: /Phone Client/ }).click();
    await replyBox.pressSequentially('we will warm it up.');
    await onPhoto.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect.poll(() => p.getByText(/we will warm it up/).count(), { timeout: 10_000 }).toBe(1);
    expect(await p.locator('.comments .mention', { hasText: '@Phone Client' }).count()).toBe(1);
    await onPhoto.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => p.getByText('Resolved by', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await p.keyboard.press('Escape');
    await p.keyboard.press('Escape');

    // Confirm the final set.
    await p.getByRole('button', { name: 'Confirm final set' }).click();
    await p.getByRole('button', { name: `Confirm ${MAX} photos` }).click();
    await expect.poll(() => p.getByText(/Selection confirmed/).count()).toBeGreaterThan(0);
    expect(await p.getByRole('button', { name: 'Select E2E_0010.jpg' }).count()).toBe(0);

    // Download the selected set as a ZIP.
    await p.getByRole('button', { name: 'Download selected' }).click();
    const zipLink = p.getByRole('link', { name: /Download ZIP|Save|Download/ }).last();
    await expect.poll(() => p.getByText(/Your ZIP is ready/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const zipUrl = await zipLink.getAttribute('href');
    const zip = await fetch(zipUrl as string);
    expect(zip.status).toBe(200);
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/proofing-375.png' });
    await phone.close();

    // The studio sees the submission with its file names.
    await page.goto(`${dashboard}/galleries/${gallery.galleryId}`);
    await page.getByRole('tab', { name: /Submissions/ }).click();
    const submission = page.getByTestId('submission');
    await expect.poll(() => submission.count()).toBe(1);
    expect(await submission.textContent()).toContain(`${MAX} photos`);
    // The file names, ready to paste into Lightroom's filter.
    expect(await submission.locator('textarea').inputValue()).toBe('E2E_0001.jpg, E2E_0002.jpg, E2E_0003.jpg, E2E_0004.jpg, E2E_0005.jpg');
    await studio.close();
    // 200 photos through the real pipeline on 2 cores: a limit for a stuck run, not a speed target.
  }, 240_000);
});
