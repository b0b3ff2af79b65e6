// The branding editor's API on the local stack: a change shows on the portal at once and in the
// next email; an accent no text reads on is refused with its readable variant; a logo goes up
// through its ticket and the logo pipeline makes the portal's size of it (and refuses what is not
// an image); the welcome message is full branding's, so Starter is refused it and keeps the footer.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { LOGO_SIZES } from '../../../shared/features/branding/constants.ts';
import { Browser, DASHBOARD, mailbox, portal, signUpAndSignIn } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';

let operator: Browser;

beforeAll(async () => {
  operator = new Browser();
  const signedIn = await operator.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
  expect(signedIn.status).toBe(200);
});

async function newStudio(plan: 'starter' | 'growth' = 'starter') {
  const tag = randomUUID().slice(0, 8);
  const browser = new Browser();
  const body = {
    studioName: `Brand ${tag}`,
    slug: `brand-${tag}`,
    name: 'Bea Owner',
    email: `brand-${tag}@example.com`,
    password: 'Branding-test-2026',
  };
  expect((await signUpAndSignIn(browser, body)).status).toBe(200);
  if (plan !== 'starter') {
    const list = await operator.get(DASHBOARD, '/api/operator/studios');
    let studioId = list.body.studios.find((s: { slug: string }) => s.slug === body.slug)?.studioId;
    for (let cursor = list.body.nextCursor; !studioId && cursor; ) {
      const page = await operator.get(DASHBOARD, `/api/operator/studios?cursor=${encodeURIComponent(cursor)}`);
      studioId = page.body.studios.find((s: { slug: string }) => s.slug === body.slug)?.studioId;
      cursor = page.body.nextCursor;
    }
    expect((await operator.call(DASHBOARD, 'PUT', `/api/operator/studios/${studioId}/plan`, { json: { plan, addOns: [] } })).status).toBe(
      200,
    );
  }
  return { browser, slug: body.slug, host: portal(body.slug) };
}

const patch = (b: Browser, json: unknown) => b.call(DASHBOARD, 'PATCH', '/api/studio/branding', { json });
const portalOf = async (host: string) => (await new Browser().get(host, '/api/portal')).body.studio;

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 200, g: 40, b: 90, alpha: 1 } } })
    .png()
    .toBuffer();
}

async function putLogo(b: Browser, bytes: Buffer, contentType = 'image/png') {
  const ticket = await b.post(DASHBOARD, '/api/studio/branding/logo', { contentType, size: bytes.length });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.upload.put.url, {
    method: 'PUT',
    headers: ticket.body.upload.put.headers,
    body: new Uint8Array(bytes),
  });
  expect(put.status).toBe(200);
}

/** Waits for the portal's logo to change from `before` (the pipeline runs on the object's event). */
async function logoChange(host: string, before: string | null, timeoutMs = 30_000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = (await portalOf(host)).logoUrl;
    if (now !== before) return now;
    if (Date.now() > deadline) return before;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('branding', () => {
  it('shows an update on the portal at once, and in the next invitation email', async () => {
    const { browser, host } = await newStudio();
    const name = `Lumen ${randomUUID().slice(0, 6)}`;
    const saved = await patch(browser, { name, accentColor: '#1F4E79', supportEmail: 'hello@lumen.example' });
    expect(saved.status).toBe(200);
    expect(saved.body.studio).toMatchObject({ name, accentColor: '#1f4e79', supportEmail: 'hello@lumen.example' });
    expect(await portalOf(host)).toMatchObject({ name, accentColor: '#1f4e79', supportEmail: 'hello@lumen.example', poweredBy: true });

    const email = `invitee-${randomUUID().slice(0, 8)}@example.com`;
    expect((await browser.post(DASHBOARD, '/api/studio/clients', { email, name: 'Ivy Invitee' })).status).toBe(201);
    const mail = (await mailbox()).find((m) => m.to.includes(email));
    expect(mail?.subject).toContain(name);
    expect(mail?.html).toContain('#1f4e79');
    expect(mail?.html).toContain(name);
    expect(mail?.text).toContain('Powered by Portico');

    expect((await patch(browser, { supportEmail: null })).body.studio.supportEmail).toBeNull();
  });

  it('refuses an accent no text reads on, naming the readable variant, and changes nothing', async () => {
    const { browser, host } = await newStudio();
    const before = await storedLines();
    const refused = await patch(browser, { accentColor: '#1c7ed6', name: 'Never Saved' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('accent_contrast');
    expect(refused.body.readable).toMatch(/^#[0-9a-f]{6}$/);
    expect(refused.body.readable).not.toBe('#1c7ed6');
    expect((await storedLines()).lines).toEqual(before.lines);
    expect((await portalOf(host)).name).not.toBe('Never Saved');
    // The variant it names is one the API takes.
    expect((await patch(browser, { accentColor: refused.body.readable })).status).toBe(200);
  });

  it('refuses an SVG logo before any upload', async () => {
    const { browser } = await newStudio();
    const refused = await browser.post(DASHBOARD, '/api/studio/branding/logo', { contentType: 'image/svg+xml', size: 1000 });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.contentType.join(' ')).toMatch(/SVG/);
  });

  it('processes an uploaded logo into the portal header size and serves it, and the emails link to it', async () => {
    const { browser, host } = await newStudio();
    await putLogo(browser, await png(1200, 600));
    const logoUrl = await logoChange(host, null);
    expect(logoUrl).toBeTruthy();
    const served = await fetch(logoUrl as string);
    expect(served.status).toBe(200);
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    // 1200 × 600 fitted inside the header's 480 × 96 box.
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 192, height: LOGO_SIZES.header.height });

    // The emails' copy, through the portal's logo route: a redirect to the PNG.
    const redirect = await new Browser().get(host, '/api/portal/logo?v=1');
    expect(redirect.status).toBe(302);
    const emailLogo = await fetch(String(redirect.headers.location));
    const emailMeta = await sharp(Buffer.from(await emailLogo.arrayBuffer())).metadata();
    expect(emailMeta).toMatchObject({ format: 'png', height: 96, width: 192 });

    // Removed: the name shows again, and the route hands out the blank pixel.
    const removed = await browser.call(DASHBOARD, 'DELETE', '/api/studio/branding/logo');
    expect(removed.status).toBe(200);
    expect(removed.body.studio.logoUrl).toBeNull();
    expect((await new Browser().get(host, '/api/portal/logo')).headers.location).toBe('/static/blank.png');
  });

  it('refuses a file that is not an image under a PNG ticket, keeping the logo', async () => {
    const { browser, host } = await newStudio();
    await putLogo(browser, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(await logoChange(host, null, 5_000)).toBeNull();
  });

  it('refuses Starter a welcome message, which shows the default text and the Powered-by footer', async () => {
    const { browser, host, slug } = await newStudio('starter');
    const refused = await patch(browser, { welcomeMessage: 'Hello from us!' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'plan_required', entitlement: 'fullBranding', plan: 'growth' });
    const shown = await portalOf(host);
    expect(shown.poweredBy).toBe(true);
    expect(shown.welcomeMessage).toBe(`Welcome to ${shown.name}'s client portal.`);
    expect(slug).toBeTruthy();
  });

  it('shows a Growth studio its own welcome message without the footer, in the portal and the invitation', async () => {
    const { browser, host } = await newStudio('growth');
    expect((await patch(browser, { welcomeMessage: 'Hello!\nYour photos are here.' })).status).toBe(200);
    expect(await portalOf(host)).toMatchObject({ welcomeMessage: 'Hello!\nYour photos are here.', poweredBy: false });
    const email = `growth-${randomUUID().slice(0, 8)}@example.com`;
    expect((await browser.post(DASHBOARD, '/api/studio/clients', { email, name: 'Gus Growth' })).status).toBe(201);
    const mail = (await mailbox()).find((m) => m.to.includes(email));
    expect(mail?.text).toContain('Your photos are here.');
    expect(mail?.text).not.toContain('Powered by Portico');
  });
});
