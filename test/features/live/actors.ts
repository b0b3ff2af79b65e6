// Studios and clients for the live tests, lighter than the tenants fixture: a studio signed up
// through the API (its owner signed in on the dashboard), clients invited and signed in on its portal.
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { clientPerson, type PersonKey, userPerson } from '../../../shared/features/people/constants.ts';
import { findStudioBySlugForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, portal, signUpAndSignIn } from '../../support/http.ts';
import { latestTokenFor } from '../../support/portal-actors.ts';
import { mustOpen, type OpenSocket } from '../../support/sockets.ts';

export interface LiveStudio {
  slug: string;
  studioId: string;
  portalHost: string;
  browser: Browser;
  ownerUserId: string;
  owner: PersonKey;
  session: string;
}
export interface LiveClient {
  clientId: string;
  person: PersonKey;
  browser: Browser;
  session: string;
}

const cookie = (b: Browser, host: string) => {
  const token = b.jar.get(host)?.get('portico_session');
  if (!token) throw new Error(`no session on ${host}`);
  return token;
};

export async function liveStudio(label: string): Promise<LiveStudio> {
  const tag = randomUUID().slice(0, 8);
  const slug = `${label.toLowerCase()}-${tag}`;
  const browser = new Browser();
  const signedIn = await signUpAndSignIn(browser, {
    studioName: `${label} ${tag}`,
    slug,
    name: `${label} Owner`,
    email: `owner-${slug}@example.com`,
    password: `Owner-${tag}-9Aa`,
  });
  expect(signedIn.status, signedIn.text).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  const me = await browser.get(DASHBOARD, '/api/studio/me');
  const ownerUserId = me.body.user.userId as string;
  return {
    slug,
    studioId,
    portalHost: portal(slug),
    browser,
    ownerUserId,
    owner: userPerson(ownerUserId),
    session: cookie(browser, DASHBOARD),
  };
}

export async function liveClient(s: LiveStudio, name: string): Promise<LiveClient> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const invited = await s.browser.post(DASHBOARD, '/api/studio/clients', { email, name });
  expect(invited.status, invited.text).toBe(201);
  const browser = new Browser(s.browser.port);
  const redeemed = await browser.post(s.portalHost, '/api/portal/session', { token: await latestTokenFor(email, s.browser.port) });
  expect(redeemed.status, redeemed.text).toBe(200);
  const clientId = invited.body.client.clientId as string;
  return { clientId, person: clientPerson(clientId), browser, session: cookie(browser, s.portalHost) };
}

const port = () => inject('porticoPort');

export const studioSocket = (session: string) => mustOpen({ port: port(), host: DASHBOARD, session });
export const portalSocket = (s: LiveStudio, session: string) => mustOpen({ port: port(), host: s.portalHost, session });

/** Waits until the socket has said nothing for `ms`: what it received by then is all it got. */
export const quiet = (sockets: OpenSocket[], ms = 300) =>
  new Promise((r) => setTimeout(r, ms)).then(() => sockets.map((s) => s.messages.length));
