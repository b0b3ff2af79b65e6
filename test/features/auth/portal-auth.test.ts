// The walking skeleton's flows through the local server, against the local AWS services:
// studio sign-in, invitations, magic links, tenancy by host, and refusals that change nothing.
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { issueMagicLink } from '../../../shared/features/auth/domain/magic-links.ts';
import { findClientByEmail } from '../../../shared/features/clients/domain/clients.ts';
import { findStudioBySlugForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, magicTokenIn, mailbox, portal, signUpAndSignIn } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import { storedState } from '../../support/snapshot.ts';

const NORTHLIGHT = portal(DEMO.studio.slug);
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

async function signedInStudio(): Promise<Browser> {
  const browser = new Browser();
  const answer = await browser.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
  expect(answer.status).toBe(200);
  return browser;
}

async function latestMailTo(email: string) {
  const mail = (await mailbox()).find((m) => m.to.includes(email));
  if (!mail) throw new Error(`No mail to ${email}`);
  return mail;
}

async function signInClient(host: string, email: string): Promise<Browser> {
  const browser = new Browser();
  const before = (await mailbox()).length;
  expect((await browser.post(host, '/api/portal/magic-link', { email })).status).toBe(202);
  const mails = await mailbox();
  expect(mails.length).toBe(before + 1);
  const token = magicTokenIn((await latestMailTo(email)).text);
  const redeemed = await browser.post(host, '/api/portal/session', { token });
  expect(redeemed.status).toBe(200);
  return browser;
}

describe('health and API description', () => {
  it('answers health with JSON and the OpenAPI 3.1 document lists every route', async () => {
    const b = new Browser();
    const health = await b.get(DASHBOARD, '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const doc = await b.get(DASHBOARD, '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const { routeList } = await import('../../../shared/routes.ts');
    for (const r of routeList) expect(doc.body.paths[r.path]?.[r.method.toLowerCase()]?.operationId).toBe(r.id);
  });

  it('answers unknown API routes 404 in JSON and carries the security headers', async () => {
    const answer = await new Browser().get(DASHBOARD, '/api/nope');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: 'Not Found' });
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('studio sign-in', () => {
  it('sets HttpOnly, SameSite=Strict session cookies and opens the dashboard API', async () => {
    const b = new Browser();
    const answer = await b.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email.toUpperCase(), password: DEMO.owner.password });
    expect(answer.status).toBe(200);
    const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('portico_session='))).toMatch(/HttpOnly; SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('portico_refresh='))).toMatch(/Path=\/api\/session; .*HttpOnly/);
    const me = await b.get(DASHBOARD, '/api/studio/me');
    expect(me.status).toBe(200);
    expect(me.body.studio.slug).toBe(DEMO.studio.slug);
    expect(me.body.portalUrl).toContain(`${DEMO.studio.slug}.localhost`);
    const clients = await b.get(DASHBOARD, '/api/studio/clients');
    expect(clients.body.clients.map((c: { email: string }) => c.email)).toEqual(expect.arrayContaining(DEMO.clients.map((c) => c.email)));
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await new Browser().post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: 'Nope-nope-1' });
    const unknown = await new Browser().post(DASHBOARD, '/api/studio/session', { email: unique('nobody'), password: 'Nope-nope-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses studio routes without a session, with a forged token, and on a portal host', async () => {
    const b = new Browser();
    expect((await b.get(DASHBOARD, '/api/studio/clients')).status).toBe(401);
    const forged = await b.call(DASHBOARD, 'GET', '/api/studio/clients', {
      headers: { cookie: 'portico_session=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
    });
    expect(forged.status).toBe(401);
    const studio = await signedInStudio();
    const session = studio.jar.get(DASHBOARD)?.get('portico_session');
    const onPortal = await b.call(NORTHLIGHT, 'GET', '/api/studio/clients', { headers: { cookie: `portico_session=${session}` } });
    expect(onPortal.status).toBe(404);
  });

  it('refreshes the session from the refresh cookie and signs out', async () => {
    const b = await signedInStudio();
    const oldSession = b.jar.get(DASHBOARD)?.get('portico_session');
    b.jar.get(DASHBOARD)?.delete('portico_session');
    const refreshed = await b.post(DASHBOARD, '/api/session/refresh');
    expect(refreshed.status).toBe(204);
    expect(b.jar.get(DASHBOARD)?.get('portico_session')).toBeTruthy();
    expect((await b.get(DASHBOARD, '/api/studio/me')).status).toBe(200);
    const out = await b.call(DASHBOARD, 'DELETE', '/api/session');
    expect(out.status).toBe(204);
    expect(b.jar.get(DASHBOARD)?.has('portico_session')).toBe(false);
    expect((await b.get(DASHBOARD, '/api/studio/me')).status).toBe(401);
    expect(oldSession).toBeTruthy();
  });
});

describe('studio sign-up', () => {
  it('creates a studio with a unique portal address', async () => {
    const slug = `studio-${randomUUID().slice(0, 6)}`;
    const b = new Browser();
    const body = { studioName: 'Fern & Fable', slug, name: 'Rae Fern', email: unique('rae'), password: 'Fern-and-Fable-1' };
    const created = await b.post(DASHBOARD, '/api/studio/signup', body);
    expect(created.status).toBe(202);
    expect((await b.post(DASHBOARD, '/api/studio/session', { email: body.email, password: body.password })).status).toBe(200);
    expect((await b.get(DASHBOARD, '/api/studio/me')).body.user.email).toBe(body.email);
    const portalBranding = await new Browser().get(portal(slug), '/api/portal');
    expect(portalBranding.body.studio.name).toBe('Fern & Fable');

    const before = await storedState();
    const taken = await new Browser().post(DASHBOARD, '/api/studio/signup', { ...body, email: unique('other') });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('slug_taken');
    expect(await storedState()).toEqual(before);
  });

  it('refuses a name that could break into a mail header, and stores nothing', async () => {
    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    const body = {
      studioName: 'Evil\r\nBcc: attacker@evil.example',
      slug: `studio-${randomUUID().slice(0, 6)}`,
      name: 'Rae\u2028Fern',
      email: unique('evil'),
      password: 'Fern-and-Fable-1',
    };
    const answer = await new Browser().post(DASHBOARD, '/api/studio/signup', body);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.fields).sort()).toEqual(['name', 'studioName']);
    for (const studioName of ['Evil\nBcc: x@evil.example', 'Tab\there', 'NEL\u0085', 'Bidi\u202eevil', 'Nul\u0000']) {
      const refused = await new Browser().post(DASHBOARD, '/api/studio/signup', { ...body, studioName, name: 'Rae Fern' });
      expect(refused.status, JSON.stringify(studioName)).toBe(400);
      expect(Object.keys(refused.body.fields)).toEqual(['studioName']);
    }
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
  });

  it('names each bad field and changes nothing', async () => {
    const before = await storedState();
    const answer = await new Browser().post(DASHBOARD, '/api/studio/signup', {
      studioName: '',
      slug: 'Bad Slug!',
      name: 'x',
      email: 'nope',
      password: 'short',
      admin: true,
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.fields)).toEqual(expect.arrayContaining(['studioName', 'slug', 'email', 'password', 'admin']));
    expect(await storedState()).toEqual(before);
  });
});

describe('invitations and magic links', () => {
  it('invites a client, whose link signs them in once and shows only their own galleries', async () => {
    const studio = await signedInStudio();
    const email = unique('newclient');
    const invited = await studio.post(DASHBOARD, '/api/studio/clients', { email, name: 'Nora New' });
    expect(invited.status).toBe(201);
    expect(invited.body.client).toMatchObject({ email, name: 'Nora New', status: 'invited' });

    const mail = await latestMailTo(email);
    expect(mail.subject).toContain(DEMO.studio.name);
    expect(mail.html).toContain(DEMO.studio.accentColor);
    const token = magicTokenIn(mail.text);
    // Only the hash is stored.
    const state = await storedState();
    expect(state.digest).toBeTruthy();

    const client = new Browser();
    const first = await client.post(NORTHLIGHT, '/api/portal/session', { token });
    expect(first.status).toBe(200);
    expect(first.body.client.email).toBe(email);
    const galleries = await client.get(NORTHLIGHT, '/api/portal/galleries');
    expect(galleries.status).toBe(200);
    expect(galleries.body.galleries).toEqual([]);

    const again = await new Browser().post(NORTHLIGHT, '/api/portal/session', { token });
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('link_used');

    const listed = await studio.get(DASHBOARD, '/api/studio/clients');
    expect(listed.body.clients.find((c: { email: string }) => c.email === email).status).toBe('active');
  });

  it('refuses a second invitation of the same email, and bad invitations, changing nothing', async () => {
    const studio = await signedInStudio();
    const before = await storedState();
    const dup = await studio.post(DASHBOARD, '/api/studio/clients', { email: DEMO.clients[0].email, name: 'Again' });
    expect(dup.status).toBe(409);
    const bad = await studio.post(DASHBOARD, '/api/studio/clients', { email: 'not-an-email', name: '', accessExpiresAt: '2001-01-01' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['accessExpiresAt', 'email', 'name']);
    const notJson = await studio.call(DASHBOARD, 'POST', '/api/studio/clients', {
      body: 'email=a@b.c',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    const broken = await studio.call(DASHBOARD, 'POST', '/api/studio/clients', {
      body: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('invalid_json');
    const crossSite = await studio.call(DASHBOARD, 'POST', '/api/studio/clients', {
      json: { email: unique('x'), name: 'X' },
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect(await storedState()).toEqual(before);
  });

  it('refuses to invite a client whose name holds a link or an address, storing and sending nothing', async () => {
    const studio = await signedInStudio();
    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    for (const name of ['Bob https://evil.example/login', 'security@paypal.example', 'www.evil.example', 'PayPal <x@paypal.example>']) {
      const answer = await studio.post(DASHBOARD, '/api/studio/clients', { email: unique('bob'), name });
      expect(answer.status, name).toBe(400);
      expect(Object.keys(answer.body.fields)).toEqual(['name']);
    }
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
  });

  it('refuses to invite a client whose name could break into a mail header, storing and sending nothing', async () => {
    const studio = await signedInStudio();
    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    for (const name of ['Bob\r\nBcc: attacker@evil.example', 'Bob\r=1+1', 'Bob\u2029Smith', 'Bob\u0085']) {
      const answer = await studio.post(DASHBOARD, '/api/studio/clients', { email: unique('bob'), name });
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(Object.keys(answer.body.fields)).toEqual(['name']);
    }
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
  });

  it('answers a sign-in request the same whether or not the email has an account', async () => {
    const b = new Browser();
    const before = (await mailbox()).length;
    const stranger = await b.post(NORTHLIGHT, '/api/portal/magic-link', { email: unique('stranger') });
    expect(stranger.status).toBe(202);
    expect((await mailbox()).length).toBe(before);
    const known = await b.post(NORTHLIGHT, '/api/portal/magic-link', { email: DEMO.clients[1].email });
    expect(known.status).toBe(202);
    expect((await mailbox()).length).toBe(before + 1);
    expect(Object.keys(stranger.body)).toEqual(Object.keys(known.body));
    expect(stranger.body.message.replace(/\S+@\S+/, 'EMAIL')).toBe(known.body.message.replace(/\S+@\S+/, 'EMAIL'));
  });

  it('rate limits sign-in mails per email', async () => {
    const b = new Browser();
    const email = unique('flood');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await b.post(NORTHLIGHT, '/api/portal/magic-link', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('refuses an expired link and offers a fresh one to the same inbox', async () => {
    const studio = await findStudioBySlugForTest(DEMO.studio.slug);
    const leo = await findClientByEmail(studio.studioId, DEMO.clients[1].email);
    const token = await issueMagicLink(studio.studioId, leo!.clientId, 'signin', Date.now() - 16 * 60 * 1000);
    const b = new Browser();
    const expired = await b.post(NORTHLIGHT, '/api/portal/session', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('link_expired');
    const before = (await mailbox()).length;
    expect((await b.post(NORTHLIGHT, '/api/portal/magic-link/renew', { token })).status).toBe(202);
    const mails = await mailbox();
    expect(mails.length).toBe(before + 1);
    expect(mails[0]?.to).toEqual([DEMO.clients[1].email]);
    const fresh = magicTokenIn(mails[0]!.text);
    expect((await b.post(NORTHLIGHT, '/api/portal/session', { token: fresh })).status).toBe(200);
    // The old link cannot be renewed twice.
    expect((await b.post(NORTHLIGHT, '/api/portal/magic-link/renew', { token })).status).toBe(202);
    expect((await mailbox()).length).toBe(before + 1);
  });

  it('refuses a client whose access has expired, with a clear message', async () => {
    const studioBrowser = await signedInStudio();
    const email = unique('expiring');
    const invited = await studioBrowser.post(DASHBOARD, '/api/studio/clients', { email, name: 'Ex Piry' });
    const studio = await findStudioBySlugForTest(DEMO.studio.slug);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.client(studio.studioId, invited.body.client.clientId),
        UpdateExpression: 'SET accessExpiresAt = :d',
        ExpressionAttributeValues: { ':d': '2020-01-31' },
      }),
    );
    const token = magicTokenIn((await latestMailTo(email)).text);
    const answer = await new Browser().post(NORTHLIGHT, '/api/portal/session', { token });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('access_expired');
    expect(answer.body.message).toContain('2020-01-31');
  });
});

describe('tenancy', () => {
  let otherSlug: string;
  beforeAll(async () => {
    // A second studio that also has Ava as a client.
    otherSlug = `other-${randomUUID().slice(0, 6)}`;
    const owner = new Browser();
    const created = await signUpAndSignIn(owner, {
      studioName: 'Other Studio',
      slug: otherSlug,
      name: 'O. Wner',
      email: unique('owner'),
      password: 'Other-studio-1',
    });
    expect(created.status).toBe(200);
    expect((await owner.post(DASHBOARD, '/api/studio/clients', { email: DEMO.clients[0].email, name: 'Ava at Other' })).status).toBe(201);
  });

  it("shows a client exactly their own galleries, never another client's", async () => {
    const ava = await signInClient(NORTHLIGHT, DEMO.clients[0].email);
    const galleries = (await ava.get(NORTHLIGHT, '/api/portal/galleries')).body.galleries;
    expect(galleries.map((g: { title: string }) => g.title)).toEqual([DEMO.clients[0].gallery]);
    expect(galleries[0].coverUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\//);
    expect(galleries[0].projectTitle).toBe(DEMO.clients[0].project);
    const leo = await signInClient(NORTHLIGHT, DEMO.clients[1].email);
    expect((await leo.get(NORTHLIGHT, '/api/portal/galleries')).body.galleries.map((g: { title: string }) => g.title)).toEqual([
      DEMO.clients[1].gallery,
    ]);
  });

  it("refuses a session from studio A's portal on studio B's portal, even for a client of both", async () => {
    const ava = await signInClient(NORTHLIGHT, DEMO.clients[0].email);
    const session = ava.jar.get(NORTHLIGHT)?.get('portico_session');
    const elsewhere = await new Browser().call(portal(otherSlug), 'GET', '/api/portal/galleries', {
      headers: { cookie: `portico_session=${session}` },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error).toBe('wrong_portal');
    // The same email signs in separately on the other portal and sees only that studio's work.
    const avaOther = await signInClient(portal(otherSlug), DEMO.clients[0].email);
    expect((await avaOther.get(portal(otherSlug), '/api/portal/me')).body.client.name).toBe('Ava at Other');
    expect((await avaOther.get(portal(otherSlug), '/api/portal/galleries')).body.galleries).toEqual([]);
  });

  it("refuses a link issued by one studio on another studio's portal, without using it up", async () => {
    const b = new Browser();
    await b.post(NORTHLIGHT, '/api/portal/magic-link', { email: DEMO.clients[0].email });
    const token = magicTokenIn((await latestMailTo(DEMO.clients[0].email)).text);
    const wrong = await b.post(portal(otherSlug), '/api/portal/session', { token });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('link_invalid');
    expect((await b.post(NORTHLIGHT, '/api/portal/session', { token })).status).toBe(200);
  });

  it('keeps studio and client sessions apart', async () => {
    const studio = await signedInStudio();
    const studioSession = studio.jar.get(DASHBOARD)?.get('portico_session');
    const onPortal = await new Browser().call(NORTHLIGHT, 'GET', '/api/portal/me', {
      headers: { cookie: `portico_session=${studioSession}` },
    });
    expect(onPortal.status).toBe(401);
    const ava = await signInClient(NORTHLIGHT, DEMO.clients[0].email);
    const clientSession = ava.jar.get(NORTHLIGHT)?.get('portico_session');
    const onDashboard = await new Browser().call(DASHBOARD, 'GET', '/api/studio/clients', {
      headers: { cookie: `portico_session=${clientSession}` },
    });
    expect(onDashboard.status).toBe(401);
  });

  it('answers 404 for a portal host that belongs to no studio', async () => {
    expect((await new Browser().get(portal('no-such-studio'), '/api/portal')).status).toBe(404);
  });
});
