// Signing out ends the session: the access token a browser held before it is refused (401
// session_ended) on the dashboard and on a portal, even though it is still within its lifetime,
// and signing in again works at once.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, DASHBOARD, magicTokenIn, mailbox, portal } from '../../support/http.ts';

const PASSWORD = 'Sign-out-2026';
const tag = () => randomUUID().slice(0, 8);

/** A browser holding only the given session cookie on `host`, as a copied cookie would be. */
function browserWithSession(host: string, session: string): Browser {
  const b = new Browser();
  b.jar.set(host, new Map([['portico_session', session]]));
  return b;
}

const sessionOf = (b: Browser, host: string) => b.jar.get(host)?.get('portico_session') ?? '';

let slug: string;
let ownerEmail: string;

async function signIn(): Promise<Browser> {
  const b = new Browser();
  const signedIn = await b.post(DASHBOARD, '/api/studio/session', { email: ownerEmail, password: PASSWORD });
  expect(signedIn.status, signedIn.text).toBe(200);
  return b;
}

beforeAll(async () => {
  slug = `signout-${tag()}`;
  ownerEmail = `signout-${tag()}@example.com`;
  const signedUp = await new Browser().post(DASHBOARD, '/api/studio/signup', {
    studioName: 'Sign-out Studio',
    slug,
    name: 'Owner',
    email: ownerEmail,
    password: PASSWORD,
  });
  expect(signedUp.status).toBeLessThan(300);
});

describe('signing out', () => {
  it("refuses the studio user's old session token, and a new sign-in works", async () => {
    const b = await signIn();
    const old = sessionOf(b, DASHBOARD);
    expect((await browserWithSession(DASHBOARD, old).get(DASHBOARD, '/api/studio/me')).status).toBe(200);
    expect((await b.call(DASHBOARD, 'DELETE', '/api/session')).status).toBe(204);

    const replayed = await browserWithSession(DASHBOARD, old).get(DASHBOARD, '/api/studio/me');
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe('session_ended');
    expect(replayed.body.message).toMatch(/signed out/i);

    const again = await signIn();
    const me = await again.get(DASHBOARD, '/api/studio/me');
    expect(me.status, me.text).toBe(200);
    expect(me.body.user.email).toBe(ownerEmail);
  });

  it('signs nobody out for a session cookie alone (a copied or forged token): only the refresh token proves whose session it is', async () => {
    const b = await signIn();
    const session = sessionOf(b, DASHBOARD);
    expect((await browserWithSession(DASHBOARD, session).call(DASHBOARD, 'DELETE', '/api/session')).status).toBe(204);
    expect((await b.get(DASHBOARD, '/api/studio/me')).status).toBe(200);
  });

  it("refuses a client's old session token on the portal, and a new sign-in works", async () => {
    const host = portal(slug);
    const email = `client-${tag()}@example.com`;
    const studio = await signIn();
    expect((await studio.post(DASHBOARD, '/api/studio/clients', { email, name: 'Cleo Client' })).status).toBe(201);
    const redeem = async () => {
      const token = magicTokenIn((await mailbox()).find((m) => m.to.includes(email))?.text ?? '');
      const c = new Browser();
      const redeemed = await c.post(host, '/api/portal/session', { token });
      expect(redeemed.status, redeemed.text).toBe(200);
      return c;
    };
    const c = await redeem();
    const old = sessionOf(c, host);
    expect((await browserWithSession(host, old).get(host, '/api/portal/me')).status).toBe(200);
    expect((await c.call(host, 'DELETE', '/api/session')).status).toBe(204);

    const replayed = await browserWithSession(host, old).get(host, '/api/portal/me');
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe('session_ended');

    expect((await new Browser().post(host, '/api/portal/magic-link', { email })).status).toBe(202);
    const again = await redeem();
    expect((await again.get(host, '/api/portal/me')).status).toBe(200);
    // The studio's own session is the studio user's, untouched by the client signing out.
    expect((await studio.get(DASHBOARD, '/api/studio/me')).status).toBe(200);
  });
});
