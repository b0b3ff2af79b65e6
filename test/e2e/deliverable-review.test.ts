// The projects issue's review round end to end in Chromium: the studio uploads a 3-page PDF as
// version 1 from the Deliverables tab and sends it; the client, on a 375 px phone, signs in from the
// invitation, opens the review mail's link, pins a comment on page 2 and requests changes; the
// studio uploads and sends version 2; the client compares the two and approves; the studio's
// version 3 is refused as locked. Then the Files tab: the client sees only what was shared, and
// the client's own upload reaches the studio.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPdf } from '../../local/demo-media.ts';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { magicTokenIn, mailbox } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const portalOrigin = `http://${DEMO.studio.slug}.localhost:${port}`;
const TITLE = 'Annual report layout';
const LOCKED = 'This deliverable is approved and locked: it cannot change any more.';

const noOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!haveChromium)('a deliverable reviewed on a phone, versioned, approved and locked, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('works for the studio and the client', async () => {
    const started = Date.now();
    const email = `review-${randomUUID().slice(0, 8)}@example.com`;
    const studio = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await studio.newPage();
    await page.goto(`${dashboard}/signin`);
    await page.getByLabel('Email').fill(DEMO.owner.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboard}/`);

    // Set-up through the same API the dashboard uses, with the studio's own session.
    const request = (method: string, path: string, data?: unknown) =>
      page.request.fetch(`${dashboard}${path}`, { method, data, headers: { origin: dashboard } });
    const api = async (method: string, path: string, data?: unknown) => {
      const res = await request(method, path, data);
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const me = await api('GET', '/api/studio/me');
    const { client } = await api('POST', '/api/studio/clients', { email, name: 'Robin Reviewer' });
    const { project } = await api('POST', '/api/studio/projects', {
      title: 'Annual report 2026',
      contactIds: [client.clientId],
      leadId: me.user.userId,
      status: 'in_progress',
      deliverableDownloads: 'any',
    });
    const projectId = project.projectId as string;
    const { deliverable } = await api('POST', `/api/studio/projects/${projectId}/deliverables`, { title: TITLE });
    const deliverableId = deliverable.deliverableId as string;

    // Files: a folder open to client uploads, one shared file in it and one that is not.
    const { folder } = await api('POST', `/api/studio/projects/${projectId}/folders`, { name: 'Brand assets', clientUploads: true });
    const put = async (name: string, shared: boolean) => {
      const bytes = new TextEncoder().encode(`${name}: the studio's file.`);
      const up = await api('POST', `/api/studio/projects/${projectId}/files/uploads`, {
        folderId: folder.folderId,
        fileName: name,
        contentType: 'text/plain',
        size: bytes.length,
        shared,
      });
      const res = await fetch(up.ticket.put.url, { method: 'PUT', headers: up.ticket.put.headers, body: bytes });
      expect(res.status).toBe(200);
      await api('POST', `/api/studio/projects/${projectId}/files/${up.file.fileId}/versions/${up.version}/complete`, {});
    };
    await put('shared-guidelines.txt', true);
    await put('internal-notes.txt', false);

    // Version 1 through the Deliverables tab: upload with progress, wait for its preview, send.
    await page.goto(`${dashboard}/projects/${projectId}#deliverables`);
    const row = page.getByRole('listitem', { name: TITLE });
    const pdf = async (n: number, pages = 3) => ({
      name: `annual-report-v${n}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from(await demoPdf(pages, `Annual report v${n}`)),
    });
    await row.getByLabel(`Upload version 1 of ${TITLE}`).setInputFiles(await pdf(1));
    await expect.poll(() => row.getByText('Version 1 (annual-report-v1.pdf) is ready.').count(), { timeout: 30_000 }).toBe(1);
    await row.getByLabel('Review due').fill('2099-06-30');
    await row.getByRole('button', { name: 'Send version 1 for review' }).click();
    await expect.poll(() => row.getByText(/Version 1 was sent for review/).count()).toBe(1);
    await expect.poll(() => row.getByText('In review').count()).toBe(1);
    await page.screenshot({ path: 'test-results/deliverables-tab-1280.png', fullPage: true });

    // The client signs in from the invitation on a phone, then opens the review mail's link.
    const mails = await mailbox();
    const invitation = mails.find((m) => m.to.includes(email) && /auth#token=/.test(m.text));
    const review = mails.find((m) => m.to.includes(email) && m.subject.includes('ready for your review'));
    const reviewPath = new RegExp(`/projects/${projectId}/deliverables/${deliverableId}`).exec(review?.text ?? '')?.[0];
    expect(reviewPath, review?.text).toBeTruthy();
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${portalOrigin}/auth#token=${magicTokenIn(invitation?.text ?? '')}`);
    await p.waitForURL(`${portalOrigin}/`);
    await p.goto(`${portalOrigin}${reviewPath}`);
    await p.getByRole('heading', { name: TITLE }).waitFor();
    expect(await p.getByRole('img', { name: /^Page \d of 3$/ }).count()).toBe(3);

    // A comment pinned on page 2.
    await p.getByRole('button', { name: 'Pin a comment on page 2' }).click({ position: { x: 120, y: 200 } });
    await p.getByLabel('Comment at Page 2').fill('The chart on this page needs the 2026 figures.');
    await p.getByRole('button', { name: 'Post comment' }).click();
    const thread = p.getByRole('listitem', { name: 'Comment 1' });
    await expect.poll(() => thread.getByText('The chart on this page needs the 2026 figures.').count()).toBe(1);
    expect(await thread.getByText('Page 2', { exact: true }).count()).toBe(1);

    // Live, both ways: the lead's open review page shows the client's comment without a reload, the
    // lead replies with an @mention picked from the list, and the reply shows on the client's open page.
    const lead = await studio.newPage();
    await lead.goto(`${dashboard}${reviewPath}`);
    const leadThread = lead.getByRole('listitem', { name: 'Comment 1' });
    await expect.poll(() => leadThread.getByText('The chart on this page needs the 2026 figures.').count()).toBe(1);
    const replyBox = lead.getByLabel('Reply to Comment 1');
    await replyBox.click();
    await replyBox.pressSequentially('Noted @Rob');
    await lead.getByRole('option', { name: /Robin Reviewer/ }).click();
    await replyBox.pressSequentially('the chart gets the 2026 figures.');
    await leadThread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect.poll(() => thread.getByText(/the chart gets the 2026 figures/).count(), { timeout: 10_000 }).toBe(1);
    expect(await thread.locator('.mention', { hasText: '@Robin Reviewer' }).count()).toBe(1);

    // Stored XSS: markup in a comment is text on both pages, its link is safe, nothing runs.
    const probe = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> see https://example.com/brief';
    await p.getByLabel('Add a comment').fill(probe);
    await p.getByRole('button', { name: 'Post comment' }).click();
    for (const view of [p, lead]) {
      const t2 = view.getByRole('listitem', { name: 'Comment 2' });
      await expect.poll(() => t2.getByText('<img src=x onerror="window.__xss=1">', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
      expect(await view.locator('img[src="x"], .comment-thread script').count()).toBe(0);
      expect(await view.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      expect(await t2.getByRole('link', { name: 'https://example.com/brief' }).getAttribute('rel')).toBe('noopener noreferrer');
    }
    await lead.close();

    // Requesting changes needs a note: the field says so, then the decision goes in.
    await p.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => p.getByText('Say what should change to request changes.').count()).toBe(1);
    await p.getByLabel('What should change').fill('Update the chart on page 2, please.');
    await p.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => p.getByText(/your decision is in: requested changes/).count()).toBe(1);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/review-375-v1.png', fullPage: true });

    // Version 2 from the studio's tab; the row shows it, then sends it.
    await page.reload();
    await expect.poll(() => row.getByText('Changes requested').count()).toBe(1);
    await row.getByLabel(`Upload version 2 of ${TITLE}`).setInputFiles(await pdf(2));
    await expect.poll(() => row.getByText('Version 2 (annual-report-v2.pdf) is ready.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => row.getByText('Version 2', { exact: true }).count()).toBe(1);
    await row.getByRole('button', { name: 'Send version 2 for review' }).click();
    await expect.poll(() => row.getByText('In review').count()).toBe(1);

    // The client compares version 1 with version 2, then approves.
    await p.reload();
    await p.getByRole('heading', { name: TITLE }).waitFor();
    await p.getByLabel('Compare with').selectOption({ label: 'Version 1 — changes requested' });
    const compare = p.getByRole('region', { name: 'Compare version 1 with version 2' });
    await expect.poll(() => compare.getByRole('figure').count()).toBe(2);
    expect(await compare.getByText('Version 1 — changes requested').count()).toBe(1);
    expect(await compare.getByText('Version 2 — in review').count()).toBe(1);
    expect(await compare.getByRole('img', { name: /^Page \d of 3$/ }).count()).toBe(6);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await p.screenshot({ path: 'test-results/review-375-compare.png', fullPage: true });
    // On a wide screen the two versions stand side by side.
    await p.setViewportSize({ width: 1280, height: 900 });
    const [a, b] = await compare.getByRole('figure').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(a).toBe(b);
    await p.screenshot({ path: 'test-results/review-1280-compare.png' });
    await p.setViewportSize({ width: 375, height: 812 });
    await p.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(() => p.getByText(/your decision is in: approved/).count()).toBe(1);
    await expect.poll(() => p.getByText('Approved — locked').count()).toBe(1);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);

    // Version 3 is refused as locked: from the tab still open on the old state the server's message
    // shows, then the row shows the lock; the API answers 409 locked.
    await row.getByLabel(`Upload version 3 of ${TITLE}`).setInputFiles(await pdf(3, 1));
    await expect.poll(() => row.getByText(LOCKED, { exact: false }).count()).toBe(1);
    await expect.poll(() => row.getByText('Approved — locked').count()).toBe(1);
    expect(await row.getByRole('button', { name: /Upload version/ }).count()).toBe(0);
    const refused = await request('POST', `/api/studio/projects/${projectId}/deliverables/${deliverableId}/versions`, {
      fileName: 'annual-report-v3.pdf',
      contentType: 'application/pdf',
      size: 100,
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error).toBe('locked');
    await page.screenshot({ path: 'test-results/deliverables-tab-locked.png', fullPage: true });

    // The client's Files tab: the shared file, never the other; an upload into the folder.
    await expect
      .poll(
        async () =>
          (await api('GET', `/api/studio/projects/${projectId}/files`)).files.every((f: { current: { status: string } | null }) =>
            ['ready', 'failed'].includes(f.current?.status ?? ''),
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    await p.goto(`${portalOrigin}/projects/${projectId}#files`);
    const brand = p.getByRole('region', { name: 'Brand assets' });
    await expect.poll(() => brand.getByText('shared-guidelines.txt').count()).toBe(1);
    expect(await p.getByText('internal-notes.txt').count()).toBe(0);
    await brand.locator('input[type="file"]').setInputFiles({ name: 'client-logo.png', mimeType: 'image/png', buffer: await pngBytes() });
    await expect.poll(() => brand.getByText('client-logo.png uploaded.').count(), { timeout: 20_000 }).toBe(1);
    expect(await noOverflow(p)).toBeLessThanOrEqual(375);
    await phone.close();
    const files = (await api('GET', `/api/studio/projects/${projectId}/files`)).files as { name: string }[];
    expect(files.map((f) => f.name)).toContain('client-logo.png');
    // The studio's page is still on the project: its Files tab lists the client's upload.
    await page.getByRole('tab', { name: 'Files' }).click();
    await expect.poll(() => page.getByText('client-logo.png').count()).toBeGreaterThan(0);
    await studio.close();
    console.log(`deliverable review end to end: ${Math.round((Date.now() - started) / 1000)} s`);
  }, 90_000);
});

/** A small real PNG (the files pipeline makes its thumbnail). */
async function pngBytes(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();
}
