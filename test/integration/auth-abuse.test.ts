// The abuse cases of sign-in, in one place: magic links reused, expired, tampered with or carried
// to another studio's portal; renewals that try to mail someone else; sign-in floods; account
// enumeration by answer or by timing; the session cookies' attributes; and cross-site requests
// against every state-changing route of the route table. Each refusal is shown to change nothing.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../local/api-gateway.ts';
import { db, tableName } from '../../shared/data/db.ts';
import { hashToken } from '../../shared/features/auth/domain/magic-links.ts';
import { SIGN_IN_LIMIT } from '../../shared/features/auth/domain/portal-auth.ts';
import { type RouteDef, routeList, routes } from '../../shared/routes.ts';
import { addReadyImages, findStudioBySlugForTest } from '../support/fixtures.ts';
import { type Answer, Browser, DASHBOARD, magicTokenIn, mailbox, portal, signUpAndSignIn } from '../support/http.ts';
import { keys } from '../support/keys.ts';
import { galleryRules } from '../support/portal-actors.ts';
import { type SampleContext, sampleRequest } from '../support/route-samples.ts';
import { storedState } from '../support/snapshot.ts';

const PASSWORD = 'Abuse-proof-2026';
const hex = () => randomUUID().replace(/-/g, '').slice(0, 8);
/** Addresses of one length, so answers that echo them can be compared byte for byte. */
const email = (tag: string) => `${tag.padEnd(5, 'x').slice(0, 5)}-${hex()}@example.com`;

interface Studio {
  slug: string;
  host: string;
  studioId: string;
  ownerEmail: string;
  /** Signed in on the dashboard. */
  owner: Browser;
}

async function newStudio(name: string): Promise<Studio> {
  const slug = `abuse-${hex()}`;
  const ownerEmail = email('owner');
  const owner = new Browser();
  const created = await signUpAndSignIn(owner, {
    studioName: name,
    slug,
    name: 'Owner',
    email: ownerEmail,
    password: PASSWORD,
  });
  expect(created.status).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  return { slug, host: portal(slug), studioId, ownerEmail, owner };
}

async function mailsTo(address: string) {
  return (await mailbox()).filter((m) => m.to.includes(address));
}

/** Invites a client; returns their id and the invitation's (unused) magic link. */
async function invite(studio: Studio, address: string, name = 'Client'): Promise<{ clientId: string; token: string }> {
  const invited = await studio.owner.post(DASHBOARD, '/api/studio/clients', { email: address, name });
  expect(invited.status).toBe(201);
  const [mail] = await mailsTo(address);
  return { clientId: invited.body.client.clientId, token: magicTokenIn(mail?.text ?? '') };
}

/** Asks for a sign-in link on the studio's portal and returns the token of the mail it sent. */
async function signInLink(studio: Studio, address: string): Promise<string> {
  const before = (await mailsTo(address)).length;
  expect((await new Browser().post(studio.host, '/api/portal/magic-link', { email: address })).status).toBe(202);
  const mails = await mailsTo(address);
  expect(mails.length).toBe(before + 1);
  return magicTokenIn(mails[0]?.text ?? '');
}

async function signedInClient(studio: Studio, token: string): Promise<Browser> {
  const browser = new Browser();
  expect((await browser.post(studio.host, '/api/portal/session', { token })).status).toBe(200);
  return browser;
}

/** Moves a link's expiry into the past, as 15 minutes of waiting would. */
async function expire(token: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.magicLink(hashToken(token)),
      UpdateExpression: 'SET expiresAt = :past',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
    }),
  );
}

/** Removes this address's sign-in rate-limit window, as its end (and ttl) would. */
async function clearSignInWindows(studio: Studio, address: string): Promise<void> {
  const windowStart = Math.floor(Date.now() / 1000 / SIGN_IN_LIMIT.windowSeconds) * SIGN_IN_LIMIT.windowSeconds;
  await db().send(
    new DeleteCommand({ TableName: tableName(), Key: keys.rateWindow(SIGN_IN_LIMIT.bucket, `${studio.studioId}#${address}`, windowStart) }),
  );
}

const setCookies = (answer: Answer): string[] => ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
/** Headers that may differ between two answers for reasons other than their content. */
const comparableHeaders = (answer: Answer) => {
  const { date: _date, 'retry-after': _retry, ...rest } = answer.headers;
  return rest;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

/** Rate-limit windows are fixed; a test that counts within one waits out a window about to close. */
async function awayFromWindowEdge(seconds: number): Promise<void> {
  const left = SIGN_IN_LIMIT.windowSeconds - ((Date.now() / 1000) % SIGN_IN_LIMIT.windowSeconds);
  if (left < seconds) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

let a: Studio;
let b: Studio;
beforeAll(async () => {
  [a, b] = await Promise.all([newStudio('Abuse A'), newStudio('Abuse B')]);
});

describe('magic links', () => {
  it('work once: a second use is refused, changes nothing, and the first session stays open', async () => {
    const address = email('reuse');
    const { token } = await invite(a, address);
    const first = new Browser();
    const redeemed = await first.post(a.host, '/api/portal/session', { token });
    expect(redeemed.status).toBe(200);

    const before = await storedState();
    const second = new Browser();
    const again = await second.post(a.host, '/api/portal/session', { token });
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('link_used');
    expect(setCookies(again)).toEqual([]);
    expect(await storedState()).toEqual(before);

    expect((await second.get(a.host, '/api/portal/me')).status).toBe(401);
    const me = await first.get(a.host, '/api/portal/me');
    expect(me.status).toBe(200);
    expect(me.body.client.email).toBe(address);
  });

  it('expire: an expired link is refused, changes nothing, and a fresh one goes to the same inbox', async () => {
    const address = email('expir');
    await invite(a, address);
    const token = await signInLink(a, address);
    await expire(token);

    const before = await storedState();
    const refused = await new Browser().post(a.host, '/api/portal/session', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('link_expired');
    expect(setCookies(refused)).toEqual([]);
    expect(await storedState()).toEqual(before);

    const mailsBefore = (await mailbox()).length;
    expect((await new Browser().post(a.host, '/api/portal/magic-link/renew', { token })).status).toBe(202);
    const mails = await mailbox();
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]?.to).toEqual([address]);
    await signedInClient(a, magicTokenIn(mails[0]?.text ?? ''));
  });

  it('tampered with (a character changed, cut short, too long, other alphabets): refused, nothing written, the real link intact', async () => {
    const address = email('tampr');
    const { token } = await invite(a, address);
    const swap = (i: number) => token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const wellFormed = [swap(0), swap(21), swap(42), token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()];
    const malformed = [
      token.slice(0, 42),
      token.slice(1),
      `${token}A`,
      `${token}${token}`,
      `${token.slice(0, 42)}=`,
      `${token.slice(0, 42)}+`,
      `${token.slice(0, 42)}/`,
      `${token.slice(0, 42)}é`,
      `${token.slice(0, 21)} ${token.slice(22)}`,
      '',
    ];
    // What a link that never existed gets: a tampered one must look exactly like it.
    const never = await new Browser().post(a.host, '/api/portal/session', { token: 'A'.repeat(43) });
    expect(never.status).toBe(401);
    expect(never.body.error).toBe('link_invalid');

    const before = await storedState();
    for (const forged of wellFormed) {
      const answer = await new Browser().post(a.host, '/api/portal/session', { token: forged });
      expect(answer.status, forged).toBe(401);
      expect(answer.body).toEqual(never.body);
      expect(setCookies(answer)).toEqual([]);
    }
    // Malformed ones never reach the table: the schema refuses them (the portal's page checks the
    // same format itself and shows its "not valid" message).
    for (const forged of [...malformed, 12345, null, ['x']]) {
      const answer = await new Browser().post(a.host, '/api/portal/session', { token: forged });
      expect(answer.status, String(forged)).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
      expect(Object.keys(answer.body.fields)).toEqual(['token']);
      expect(setCookies(answer)).toEqual([]);
    }
    expect(await storedState()).toEqual(before);
    await signedInClient(a, token);
  });

  it("are refused on another studio's portal, even for a client of both, without being used up", async () => {
    const address = email('both');
    await invite(a, address, 'Client of A');
    await invite(b, address, 'Client of B');
    const token = await signInLink(a, address);
    const never = await new Browser().post(b.host, '/api/portal/session', { token: 'B'.repeat(43) });

    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    const elsewhere = await new Browser().post(b.host, '/api/portal/session', { token });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toEqual(never.body);
    expect(setCookies(elsewhere)).toEqual([]);
    // Renewing it there neither mails anyone nor claims the link.
    expect((await new Browser().post(b.host, '/api/portal/magic-link/renew', { token })).status).toBe(202);
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);

    const home = await signedInClient(a, token);
    expect((await home.get(a.host, '/api/portal/me')).body.client.name).toBe('Client of A');
  });

  it('renewal mails only whoever the expired link was for, once, and answers every caller alike', async () => {
    const victim = email('victm');
    const attacker = email('attak');
    await invite(a, victim);
    await invite(a, attacker);
    const expired = await signInLink(a, victim);
    await expire(expired);
    const used = await signInLink(a, attacker);
    await signedInClient(a, used);

    const renew = (host: string, body: unknown) => new Browser().post(host, '/api/portal/magic-link/renew', body);
    const mailsBefore = (await mailbox()).length;
    const before = await storedState();
    // Nothing to renew: a link that never existed, a used one, the expired one on the wrong portal.
    const nothing = [
      await renew(a.host, { token: 'C'.repeat(43) }),
      await renew(a.host, { token: used }),
      await renew(b.host, { token: expired }),
    ];
    // The body names only the link: an address smuggled in is refused, not used.
    const smuggled = await renew(a.host, { token: expired, email: attacker });
    expect(smuggled.status).toBe(400);
    expect(Object.keys(smuggled.body.fields)).toEqual(['email']);
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);

    const renewed = await renew(a.host, { token: expired });
    const twice = await renew(a.host, { token: expired });
    for (const answer of [...nothing, twice]) {
      expect(answer.status).toBe(renewed.status);
      expect(answer.body).toEqual(renewed.body);
    }
    const mails = await mailbox();
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]?.to).toEqual([victim]);
  });

  it('renews only expired links, and a renewal refused by the rate limit leaves the link renewable', async () => {
    await awayFromWindowEdge(10);
    const address = email('limit');
    await invite(a, address);
    const live = await signInLink(a, address);
    const mailsBefore = (await mailsTo(address)).length;
    // A live link still works: renewing it sends nothing.
    expect((await new Browser().post(a.host, '/api/portal/magic-link/renew', { token: live })).status).toBe(202);
    expect((await mailsTo(address)).length).toBe(mailsBefore);

    await expire(live);
    for (let i = 0; i < 5; i++) await new Browser().post(a.host, '/api/portal/magic-link', { email: address });
    const limited = await new Browser().post(a.host, '/api/portal/magic-link/renew', { token: live });
    expect(limited.status).toBe(429);
    const mailsWhenLimited = (await mailsTo(address)).length;
    // The window passes (its records removed, as their ttl would): the same link renews now, once.
    await clearSignInWindows(a, address);
    expect((await new Browser().post(a.host, '/api/portal/magic-link/renew', { token: live })).status).toBe(202);
    expect((await mailsTo(address)).length).toBe(mailsWhenLimited + 1);
  });
});

describe('invitation floods', () => {
  it('50 invitations in a row from a fresh (unverified) studio: 20 sent, then 429s with Retry-After that store and mail nothing', async () => {
    const hourLeft = 3600 - ((Date.now() / 1000) % 3600);
    if (hourLeft < 60) await new Promise((r) => setTimeout(r, (hourLeft + 1) * 1000));
    const relay = await newStudio('Relay Studio');
    const addresses = Array.from({ length: 50 }, (_, i) => email(`rel${i}`));
    const statuses: number[] = [];
    let before: Awaited<ReturnType<typeof storedState>> | undefined;
    let mailsBefore = 0;
    const started = performance.now();
    for (const [i, address] of addresses.entries()) {
      if (i === 20) {
        before = await storedState();
        mailsBefore = (await mailbox()).length;
      }
      const answer = await relay.owner.post(DASHBOARD, '/api/studio/clients', { email: address, name: `Client ${i}` });
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.body.error).toBe('rate_limited');
        const retryAfter = Number(answer.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(3600);
      }
    }
    console.log(
      `[abuse] 50 invitations in ${Math.round(performance.now() - started)} ms: ${statuses.filter((s) => s === 201).length} sent, ${statuses.filter((s) => s === 429).length} refused (429)`,
    );
    expect(statuses).toEqual([...Array(20).fill(201), ...Array(30).fill(429)]);
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
    for (const address of addresses.slice(0, 20)) expect((await mailsTo(address)).length).toBe(1);
  });
});

describe('sign-in floods', () => {
  it('20 requests for one email send exactly 5 mails; the rest are limited exactly as for an unknown email', async () => {
    await awayFromWindowEdge(30);
    const known = email('flood');
    await invite(a, known);
    const unknown = email('nobdy');
    const mailsBefore = (await mailsTo(known)).length;
    const portalBrowser = new Browser();
    const knownAnswers: Answer[] = [];
    const unknownAnswers: Answer[] = [];
    for (let i = 0; i < 20; i++) {
      knownAnswers.push(await portalBrowser.post(a.host, '/api/portal/magic-link', { email: known }));
      unknownAnswers.push(await portalBrowser.post(a.host, '/api/portal/magic-link', { email: unknown }));
    }
    const expected = [...Array(SIGN_IN_LIMIT.max).fill(202), ...Array(20 - SIGN_IN_LIMIT.max).fill(429)];
    expect(knownAnswers.map((x) => x.status)).toEqual(expected);
    expect(unknownAnswers.map((x) => x.status)).toEqual(expected);
    knownAnswers.forEach((k, i) => {
      const u = unknownAnswers[i] as Answer;
      expect(u.text).toBe(k.text.replace(known, unknown));
      expect(comparableHeaders(u)).toEqual(comparableHeaders(k));
      if (k.status === 429) {
        expect(k.body.error).toBe('rate_limited');
        expect(Math.abs(Number(u.headers['retry-after']) - Number(k.headers['retry-after']))).toBeLessThanOrEqual(1);
      }
    });
    expect((await mailsTo(known)).length - mailsBefore).toBe(SIGN_IN_LIMIT.max);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it('studio password floods answer alike for a real account and an unknown one: 401s, then the same 429s', async () => {
    // Failed passwords back off per email (and per IP; see test/features/auth/sign-in-limits.test.ts),
    // counted for an unknown email exactly as for a real one: one answer, never a hint, never a 500.
    // A studio of its own, so a's owner is not made to wait in the tests below.
    const flooded = await newStudio('Abuse Flood');
    const answers: Array<[Answer, Answer]> = [];
    const ghost = email('nouser');
    for (let i = 0; i < 10; i++) {
      answers.push([
        await new Browser().post(DASHBOARD, '/api/studio/session', { email: flooded.ownerEmail, password: `Wrong-${i}-password` }),
        await new Browser().post(DASHBOARD, '/api/studio/session', { email: ghost, password: `Wrong-${i}-password` }),
      ]);
    }
    for (const [i, [real, unknown]] of answers.entries()) {
      expect(unknown.status, `attempt ${i}`).toBe(real.status);
      expect(unknown.body).toEqual(real.body);
      expect(comparableHeaders(unknown)).toEqual(comparableHeaders(real));
      if (i < 5) expect(real.body).toEqual({ error: 'invalid_credentials', message: 'That email and password do not match an account.' });
      else expect([401, 429]).toContain(real.status);
      expect(setCookies(real)).toEqual([]);
    }
    expect(answers.filter(([real]) => real.status === 429).length).toBeGreaterThan(0);
  });
});

describe('no account enumeration', () => {
  it('a sign-in request answers alike for a client, a stranger and a client of another studio', async () => {
    const client = email('clint');
    const stranger = email('strng');
    const elsewhere = email('elsew');
    await invite(a, client);
    await invite(b, elsewhere);
    const ask = (address: string) => new Browser().post(a.host, '/api/portal/magic-link', { email: address });
    const mailsBefore = (await mailbox()).length;
    const [forClient, forStranger, forElsewhere] = [await ask(client), await ask(stranger), await ask(elsewhere)];
    for (const [answer, address] of [
      [forStranger, stranger],
      [forElsewhere, elsewhere],
    ] as const) {
      expect(answer.status).toBe(forClient.status);
      expect(answer.text.replace(address, client)).toBe(forClient.text);
      expect(comparableHeaders(answer)).toEqual(comparableHeaders(forClient));
    }
    expect(forClient.status).toBe(202);
    const mails = await mailbox();
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]?.to).toEqual([client]);
  });

  it('a sign-in request takes as long for a client as for a stranger', async () => {
    // A security property, not a speed target: the route answers no sooner than 400 ms either way,
    // so the mail a client's request sends hides behind the floor. Each pair runs at once (the same
    // load on both) and medians keep a loaded machine's noise out; each client asks fewer times
    // than the rate limit allows.
    const clients = [email('timea'), email('timeb'), email('timec')];
    for (const c of clients) await invite(a, c);
    const ask = (address: string) => timed(() => new Browser().post(a.host, '/api/portal/magic-link', { email: address }));
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      const [[forClient, clientMs], [forStranger, strangerMs]] = await Promise.all([ask(clients[i % 3] as string), ask(email('timex'))]);
      expect([forClient.status, forStranger.status]).toEqual([202, 202]);
      known.push(clientMs);
      unknown.push(strangerMs);
    }
    const [k, u] = [median(known), median(unknown)];
    console.log(`magic-link request medians: client ${k.toFixed(0)} ms, stranger ${u.toFixed(0)} ms (12 each)`);
    expect(Math.min(...known, ...unknown)).toBeGreaterThanOrEqual(395);
    expect(Math.abs(k - u)).toBeLessThan(100);
  });

  it('a studio sign-in answers alike for a wrong password and an unknown email', async () => {
    const wrong = await new Browser().post(DASHBOARD, '/api/studio/session', { email: a.ownerEmail, password: 'Not-the-password-1' });
    const unknown = await new Browser().post(DASHBOARD, '/api/studio/session', { email: email('ghost'), password: 'Not-the-password-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.text).toBe(wrong.text);
    expect(comparableHeaders(unknown)).toEqual(comparableHeaders(wrong));
  });
});

/** A Set-Cookie line as name, value and attributes (lower-case names). */
function parseSetCookie(line: string) {
  const [pair = '', ...parts] = line.split(';').map((p) => p.trim());
  const attributes = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    attributes.set((eq < 0 ? part : part.slice(0, eq)).toLowerCase(), eq < 0 ? '' : part.slice(eq + 1));
  }
  return { name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), attributes };
}

/** Every session cookie: HttpOnly, SameSite=Strict, host-only (no Domain), on its own path. */
function expectSessionCookies(lines: string[], opts: { secure: boolean; cleared?: boolean }): void {
  const cookies = lines.map(parseSetCookie);
  expect(cookies.map((c) => c.name).sort()).toEqual(['portico_refresh', 'portico_session']);
  for (const c of cookies) {
    expect(c.attributes.has('httponly'), `${c.name} HttpOnly`).toBe(true);
    expect(c.attributes.get('samesite'), `${c.name} SameSite`).toBe('Strict');
    expect(c.attributes.has('domain'), `${c.name} Domain`).toBe(false);
    expect(c.attributes.has('secure'), `${c.name} Secure`).toBe(opts.secure);
    expect(c.attributes.get('path')).toBe(c.name === 'portico_session' ? '/' : '/api/session');
    const maxAge = Number(c.attributes.get('max-age'));
    if (opts.cleared) expect(maxAge).toBe(0);
    else expect(maxAge).toBeGreaterThan(0);
  }
}

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Strict, host-only and path-scoped on the dashboard and on a portal (not Secure over http)', async () => {
    // A studio of its own: signing out ends every session of its owner, and a's are used below.
    const own = await newStudio('Abuse Cookies');
    const studio = new Browser();
    const signedIn = await studio.post(DASHBOARD, '/api/studio/session', { email: own.ownerEmail, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expectSessionCookies(setCookies(signedIn), { secure: false });
    const refreshed = await studio.post(DASHBOARD, '/api/session/refresh');
    expect(refreshed.status).toBe(204);
    expectSessionCookies(setCookies(refreshed), { secure: false });
    const out = await studio.call(DASHBOARD, 'DELETE', '/api/session');
    expectSessionCookies(setCookies(out), { secure: false, cleared: true });

    const address = email('cooki');
    const { token } = await invite(a, address);
    const redeemed = await new Browser().post(a.host, '/api/portal/session', { token });
    expect(redeemed.status).toBe(200);
    expectSessionCookies(setCookies(redeemed), { secure: false });
  });

  it('are Secure wherever the site is served over HTTPS (PUBLIC_SCHEME=https, as in AWS, or unset)', async () => {
    // The handlers read PUBLIC_SCHEME on every call (shared/config.ts has no cache), so this process
    // can call them through the API Gateway stand-in as AWS would, with the scheme AWS sets.
    const call = (method: string, path: string, body?: unknown) =>
      invoke(
        {
          method,
          url: new URL(`http://localhost${path}`),
          headers: { host: 'localhost', 'x-portico-host': 'localhost', 'content-type': 'application/json' },
          cookies: [],
          body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
          sourceIp: '127.0.0.1',
        },
        { studio: async () => null, client: async () => null },
      );
    const saved = process.env.PUBLIC_SCHEME;
    try {
      for (const scheme of ['https', undefined, 'http']) {
        if (scheme === undefined) delete process.env.PUBLIC_SCHEME;
        else process.env.PUBLIC_SCHEME = scheme;
        const signedIn = await call('POST', '/api/studio/session', { email: a.ownerEmail, password: PASSWORD });
        expect(signedIn.status).toBe(200);
        expectSessionCookies(signedIn.cookies, { secure: scheme !== 'http' });
        const out = await call('DELETE', '/api/session');
        expect(out.status).toBe(204);
        expectSessionCookies(out.cookies, { secure: scheme !== 'http', cleared: true });
      }
    } finally {
      process.env.PUBLIC_SCHEME = saved;
    }
  });
});

// ---- cross-site requests ----

const stateChanging = routeList.filter((r) => r.method !== 'GET');
const withBody = stateChanging.filter((r) => r.body);

describe('cross-site requests', () => {
  let records: SampleContext;
  let client: Browser;
  const browserOrigin = (host: string) => `http://${host}:${client.port}`;

  /** Where a route is called from and by whom: studio routes by the owner, portal routes by the client. */
  function caller(route: RouteDef): { browser: Browser; host: string } {
    return route.host === 'portal' ? { browser: client, host: a.host } : { browser: a.owner, host: DASHBOARD };
  }
  // Requests each route would accept (test/support/route-samples.ts), naming this test's records:
  // refused only for where they come from, never for what they say.
  const pathOf = (route: RouteDef) => sampleRequest(route, records).path;
  const bodyOf = (route: RouteDef) => sampleRequest(route, records).body;

  beforeAll(async () => {
    const address = email('csrf');
    const invited = await invite(a, address);
    client = await signedInClient(a, invited.token);
    const gallery = await a.owner.post(DASHBOARD, '/api/studio/galleries', {
      clientId: invited.clientId,
      title: 'Cross-site',
      rules: galleryRules(),
    });
    expect(gallery.status).toBe(201);
    const galleryId = gallery.body.gallery.galleryId as string;
    const [imageId] = await addReadyImages(a.studioId, galleryId, 2);
    expect((await a.owner.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } })).status).toBe(
      200,
    );
    const link = await a.owner.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, { access: 'download' });
    expect(link.status).toBe(201);
    const shareToken = /#(?:token=)?([A-Za-z0-9_-]{43})$/.exec(link.body.link.url)?.[1] ?? '';
    expect(shareToken).toHaveLength(43);
    records = {
      studioId: a.studioId,
      galleryId,
      imageId: imageId as string,
      linkId: link.body.link.linkId,
      clientId: invited.clientId,
      // GET routes only: never sent here.
      submissionId: randomUUID(),
      jobId: randomUUID(),
      clientEmail: email('forge'),
      // Sign-in as the owner would succeed (a login CSRF); sign-up with the owner's email would not.
      studioEmail: a.ownerEmail,
      studioPassword: PASSWORD,
      slug: `forged-${hex()}`,
      // A live link of the signed-in client, for the redeem and renew routes.
      magicToken: await signInLink(a, address),
      shareToken,
      // The owner's unused email verification link, from the sign-up mail.
      verifyToken: /\/verify-email#token=([A-Za-z0-9_-]{43})/.exec((await mailsTo(a.ownerEmail)).at(-1)?.text ?? '')?.[1] ?? '',
      // Refused for their origin before any record is read: ids of nothing do.
      inviteId: randomUUID(),
      inviteToken: 'A'.repeat(43),
      memberUserId: randomUUID(),
      // Refused as cross-site before any record is read: any id will do.
      ownerUserId: randomUUID(),
      projectId: randomUUID(),
      milestoneId: randomUUID(),
      deliverableId: randomUUID(),
      version: '1',
      deliverableCommentId: randomUUID(),
      imageCommentId: randomUUID(),
      folderId: randomUUID(),
      fileId: randomUUID(),
      fileVersion: 1,
      feedbackId: randomUUID(),
      attachmentId: randomUUID(),
      templateId: randomUUID(),
      releaseId: randomUUID(),
      signerId: randomUUID(),
      signingToken: 'A'.repeat(43),
      invoiceId: randomUUID(),
      checkoutSessionId: 'cs_test_aaaaaaaaaaaaaaaaaaaaaaaa',
    };
  });

  it('every state-changing route refuses a foreign Origin, even with a valid session, and changes nothing', async () => {
    expect(stateChanging.length).toBeGreaterThanOrEqual(20);
    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    let refused = 0;
    for (const route of stateChanging) {
      const { browser, host } = caller(route);
      const otherArea = host === DASHBOARD ? a.host : DASHBOARD;
      for (const origin of [
        'https://evil.example',
        'null',
        browserOrigin(b.host), // another studio's portal
        browserOrigin(otherArea), // the dashboard calling a portal, or the reverse
        `http://${host}:1`, // same name, another port: another origin
        `http://${host}.evil.example:${client.port}`,
      ]) {
        const answer = await browser.call(host, route.method, pathOf(route), { json: route.body ? bodyOf(route) : undefined, origin });
        expect(answer.status, `${route.id} from ${origin}`).toBe(403);
        expect(answer.body.error).toBe('cross_origin');
        expect(setCookies(answer)).toEqual([]);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
        refused++;
      }
      // Nor does any preflight grant another site a JSON request: no CORS at all.
      const preflight = await browser.call(host, 'OPTIONS', pathOf(route), {
        origin: 'https://evil.example',
        headers: { 'access-control-request-method': route.method, 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status, `${route.id} preflight`).toBeGreaterThanOrEqual(400);
      expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    console.log(`cross-site: ${refused} requests to ${stateChanging.length} routes refused`);
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
    // Sign-out and refresh change Cognito, not the table: the sessions they targeted still work.
    expect((await a.owner.get(DASHBOARD, '/api/studio/me')).status).toBe(200);
    expect((await a.owner.post(DASHBOARD, '/api/session/refresh')).status).toBe(204);
    expect((await client.get(a.host, '/api/portal/me')).status).toBe(200);
  });

  it('the same requests from the page itself go through (so the refusals above were about the origin)', async () => {
    const { browser, host } = caller(routes.setFavourite);
    const favourite = await browser.call(host, 'PUT', pathOf(routes.setFavourite), { json: bodyOf(routes.setFavourite) });
    expect(favourite.status).toBe(200);
    expect(favourite.body.favourite).toBe(true);
    const shared = await new Browser().post(a.host, '/api/share/gallery', bodyOf(routes.openSharedGallery));
    expect(shared.status).toBe(200);
  });

  it('every route that takes a body refuses the bodies an HTML form can send cross-site (415), and changes nothing', async () => {
    // No Origin here, so the media-type check stands alone. A form can only send these three types
    // without a CORS preflight; JSON cannot be sent cross-site without one, which this API never grants.
    expect(withBody.length).toBeGreaterThanOrEqual(15);
    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    for (const route of withBody) {
      const { browser, host } = caller(route);
      const sample = bodyOf(route) as Record<string, unknown>;
      const formFields = new URLSearchParams(
        Object.entries(sample).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]),
      ).toString();
      const boundary = 'forged';
      const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="${JSON.stringify(sample)}"\r\n\r\n\r\n--${boundary}--\r\n`;
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', formFields],
        ['text/plain', JSON.stringify(sample)], // the classic trick: a form posting JSON-looking text
        ['text/plain;charset=UTF-8', JSON.stringify(sample)],
        [`multipart/form-data; boundary=${boundary}`, multipart],
      ]) {
        const answer = await browser.call(host, route.method, pathOf(route), {
          body,
          headers: { 'content-type': type as string },
          origin: null,
        });
        expect(answer.status, `${route.id} as ${type}`).toBe(415);
        expect(answer.body.error).toBe('unsupported_media_type');
      }
    }
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
  });

  it('without an Origin header: non-browser clients pass; a cross-site browser request carries no session and changes nothing', async () => {
    // The wrapper lets requests without an Origin through: curl, scripts and server-to-server calls
    // send none, and they are not a CSRF vector (they hold their own credentials). Browsers send an
    // Origin on every cross-site POST, PUT, PATCH and DELETE; and only GET and POST can cross sites
    // without a preflight at all. Were some browser to omit it, the request would still arrive
    // without the session: the cookies are SameSite=Strict, so a browser never attaches them to a
    // request another site started. Asserted here: a session holder without Origin is served; the
    // same requests as a cross-site browser would send them (no Origin, no cookies) change nothing.
    const { browser, host } = caller(routes.setSelection);
    const own = await browser.call(host, 'PUT', pathOf(routes.setSelection), { json: { selected: true }, origin: null });
    expect(own.status).toBe(200);

    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    const statuses: Record<string, number> = {};
    for (const route of stateChanging) {
      const { host: target } = caller(route);
      // A fresh browser: no cookies, as SameSite=Strict leaves a cross-site request.
      const answer = await new Browser().call(target, route.method, pathOf(route), {
        body: route.body ? JSON.stringify(bodyOf(route)) : undefined,
        headers: { 'content-type': 'text/plain' },
        origin: null,
      });
      statuses[route.id] = answer.status;
      if (route.id === 'signOut') {
        // Signing out nobody: it only clears cookies the browser did not send.
        expect(answer.status).toBe(204);
        expectSessionCookies(setCookies(answer), { secure: false, cleared: true });
      } else {
        expect(answer.status, route.id).toBeGreaterThanOrEqual(400);
        expect(answer.status, route.id).toBeLessThan(500);
        expect(setCookies(answer).filter((l) => !/max-age=0/i.test(l))).toEqual([]);
      }
    }
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
    // Authenticated routes stop at the gateway; public ones with a body at the media type.
    for (const route of stateChanging) {
      if (route.auth !== 'public') expect(statuses[route.id], route.id).toBe(401);
      else if (route.body) expect(statuses[route.id], route.id).toBe(415);
    }
    expect(statuses.refreshSession).toBe(401);
    // The link the forged requests named is still good.
    await signedInClient(a, records.magicToken);
  });
});
