// Issue 12 item 2: live sockets against the local stack. The WebSocket endpoint speaks API
// Gateway's event shapes to the same handlers as in AWS, and publish() reaches it through the
// management API stand-in with the real SDK: who may open a socket on which host, who receives
// what, and what a removal or a revocation does to the sockets already open.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getConnection } from '../../../shared/features/live/data.ts';
import { disconnectPerson, openConnection, publish } from '../../../shared/features/live/index.ts';
import { DASHBOARD } from '../../support/http.ts';
import { handshakeStatus } from '../../support/sockets.ts';
import { joinTeam } from '../team/actors.ts';
import { type LiveClient, type LiveStudio, liveClient, liveStudio, portalSocket, quiet, studioSocket } from './actors.ts';

let a: LiveStudio;
let b: LiveStudio;
let ann: LiveClient;
let bob: LiveClient;
let other: LiveClient;
const port = () => inject('porticoPort');
const changed = (topic: string) => ({ type: 'changed', topic }) as const;

beforeAll(async () => {
  [a, b] = await Promise.all([liveStudio('LiveA'), liveStudio('LiveB')]);
  [ann, bob, other] = await Promise.all([liveClient(a, 'Ann'), liveClient(a, 'Bob'), liveClient(b, 'Other')]);
});

describe('opening a socket', () => {
  it('a studio user on the dashboard and a client on its portal get a socket that answers pings', async () => {
    const studio = await studioSocket(a.session);
    const client = await portalSocket(a, ann.session);
    studio.ws.send('{"action":"ping"}');
    client.ws.send(JSON.stringify({ action: 'ping' }));
    expect(await studio.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
    expect(await client.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
    await Promise.all([studio.close(), client.close()]);
  });

  it('refuses a handshake without a token, with the wrong pool, or of another portal', async () => {
    const p = port();
    const cases: Array<[string, Parameters<typeof handshakeStatus>[0], number]> = [
      ['no token on the dashboard', { port: p, host: DASHBOARD }, 401],
      ['no token on a portal', { port: p, host: a.portalHost }, 401],
      ['a garbage token', { port: p, host: DASHBOARD, session: 'not-a-jwt' }, 401],
      ["a studio's token on its own portal", { port: p, host: a.portalHost, session: a.session }, 401],
      ["a client's token on the dashboard", { port: p, host: DASHBOARD, session: ann.session }, 401],
      ["another studio's client on this portal", { port: p, host: a.portalHost, session: other.session }, 403],
      ["this studio's client on another studio's portal", { port: p, host: b.portalHost, session: ann.session }, 403],
      ['an unknown host', { port: p, host: 'nobody-here.localhost', session: ann.session }, 404],
      ['another site as Origin', { port: p, host: DASHBOARD, session: a.session, headers: { origin: 'https://evil.example' } }, 403],
    ];
    for (const [what, request, status] of cases) expect(await handshakeStatus(request), what).toBe(status);
    // The same page's Origin is fine.
    expect(await handshakeStatus({ port: p, host: DASHBOARD, session: a.session, headers: { origin: `http://localhost:${p}` } })).toBe(101);
  });

  it("closes a signed-out session's sockets and refuses it a new one", async () => {
    const mate = await joinTeam(a.browser, 'member', 'signout');
    const tab = await studioSocket(mate.session);
    const out = await mate.browser.call(DASHBOARD, 'DELETE', '/api/session');
    expect(out.status, out.text).toBeLessThan(300);
    // Signing out ends every session of the person, so every open page of theirs hears it.
    expect(await tab.next((m) => m.type === 'goodbye')).toEqual({ type: 'goodbye', reason: 'signed_out' });
    await tab.closed;
    expect(await handshakeStatus({ port: port(), host: DASHBOARD, session: mate.session })).toBe(401);
  });
});

describe('publish', () => {
  it("reaches every open socket of each recipient and nobody else's", async () => {
    const [ownerTab1, ownerTab2, annTab, bobTab, otherOwner, otherClient] = await Promise.all([
      studioSocket(a.session),
      studioSocket(a.session),
      portalSocket(a, ann.session),
      portalSocket(a, bob.session),
      studioSocket(b.session),
      portalSocket(b, other.session),
    ]);
    const delivery = await publish(a.studioId, [a.owner, ann.person], changed('inbox'));
    expect(delivery).toEqual({ sent: 3, gone: 0 });
    for (const s of [ownerTab1, ownerTab2, annTab]) expect(await s.next()).toEqual(changed('inbox'));
    expect(await quiet([bobTab, otherOwner, otherClient])).toEqual([0, 0, 0]);
    // Another studio's publish to the same person keys reaches none of studio A's sockets.
    expect(await publish(b.studioId, [a.owner, ann.person], changed('x'))).toEqual({ sent: 0, gone: 0 });
    expect(await quiet([ownerTab1, annTab])).toEqual([1, 1]);
    await Promise.all([ownerTab1, ownerTab2, annTab, bobTab, otherOwner, otherClient].map((s) => s.close()));
  });

  it('forgets a closed socket at once, and a gone one on the next publish', async () => {
    const tab = await portalSocket(a, bob.session);
    await tab.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(await publish(a.studioId, [bob.person], changed('after-close'))).toEqual({ sent: 0, gone: 0 });
    // A connection whose $disconnect never ran (API Gateway dropped it): the record stays until a send finds it gone.
    await openConnection('gHostConnId0000=', { studioId: a.studioId, person: bob.person, side: 'client' });
    expect(await publish(a.studioId, [bob.person], changed('ghost'))).toEqual({ sent: 0, gone: 1 });
    expect(await getConnection('gHostConnId0000=')).toBeNull();
  });
});

describe('removal closes sockets', () => {
  it("a removed team member's open socket hears goodbye, closes, and receives nothing after", async () => {
    const mate = await joinTeam(a.browser, 'member', 'removed');
    const [tab, ownerTab] = await Promise.all([studioSocket(mate.session), studioSocket(a.session)]);
    const removed = await a.browser.call(DASHBOARD, 'DELETE', `/api/studio/team/members/${mate.userId}`);
    expect(removed.status, removed.text).toBe(204);
    expect(await tab.next((m) => m.type === 'goodbye')).toEqual({ type: 'goodbye', reason: 'removed_from_team' });
    await tab.closed;
    const person = `user:${mate.userId}` as const;
    expect(await publish(a.studioId, [person, a.owner], changed('after-removal'))).toEqual({ sent: 1, gone: 0 });
    expect(tab.messages).toHaveLength(1);
    expect(await ownerTab.next()).toEqual(changed('after-removal'));
    expect(await handshakeStatus({ port: port(), host: DASHBOARD, session: mate.session })).toBe(403);
    await ownerTab.close();
  });

  it("a revoked client's open sockets hear goodbye, close, and the client cannot open another", async () => {
    const gone = await liveClient(a, 'Revoked');
    const [tab1, tab2] = await Promise.all([portalSocket(a, gone.session), portalSocket(a, gone.session)]);
    const revoked = await a.browser.call(DASHBOARD, 'DELETE', `/api/studio/clients/${gone.clientId}/access`);
    expect(revoked.status, revoked.text).toBe(200);
    for (const tab of [tab1, tab2]) {
      expect(await tab.next((m) => m.type === 'goodbye')).toEqual({ type: 'goodbye', reason: 'access_revoked' });
      await tab.closed;
    }
    expect(await publish(a.studioId, [gone.person], changed('after-revoke'))).toEqual({ sent: 0, gone: 0 });
    expect(await handshakeStatus({ port: port(), host: a.portalHost, session: gone.session })).toBe(403);
    expect(await disconnectPerson(a.studioId, gone.person, 'again')).toBe(0);
  });
});

describe('$default', () => {
  it('ignores garbage and keeps the socket open', async () => {
    const tab = await portalSocket(a, ann.session);
    const garbage = [
      '',
      'not json',
      '{"action":',
      'null',
      '[]',
      '"ping"',
      '{"action":"pong"}',
      '{"action":{"ping":1}}',
      JSON.stringify({ action: 'ping', __proto__: { polluted: true } }).replace('"action":"ping",', ''),
      'x'.repeat(100 * 1024),
      '\u0000\u0001\ud800',
    ];
    for (const g of garbage) tab.ws.send(g);
    tab.ws.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true });
    tab.ws.send('{"action":"ping"}');
    expect(await tab.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
    expect(tab.messages.filter((m) => m.type === 'pong')).toHaveLength(1);
    expect(tab.ws.readyState).toBe(tab.ws.OPEN);
    expect(await publish(a.studioId, [ann.person], changed('still-here'))).toEqual({ sent: 1, gone: 0 });
    await tab.close();
  });
});

describe('a handshake that skipped CloudFront', () => {
  it('is refused 403 when the deployment sets an origin secret', async () => {
    const { startLocalSecrets } = await import('../../../local/services/secrets.ts');
    const { handler } = await import('../../../functions/live/connectSocket.ts');
    const { ORIGIN_SECRET_HEADER } = await import('../../../shared/origin-header.ts');
    const secrets = await startLocalSecrets();
    const saved = { id: process.env.ORIGIN_SECRET_ID, endpoint: process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER };
    process.env.ORIGIN_SECRET_ID = secrets.create('portico/ws-origin', 'ws-origin-secret-value-0123456789');
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
    try {
      const event = (headers: Record<string, string>) => ({
        requestContext: {
          routeKey: '$connect',
          eventType: 'CONNECT' as const,
          connectionId: 'direct000000000=',
          domainName: 'x',
          stage: 'local',
        },
        headers: { host: 'localhost', 'x-portico-host': 'localhost', authorization: `Bearer ${a.session}`, ...headers },
      });
      const direct = await handler(event({}));
      expect(direct.statusCode).toBe(403);
      expect(JSON.parse(direct.body ?? '{}').error).toBe('direct_access');
      expect((await handler(event({ [ORIGIN_SECRET_HEADER]: 'guessed' }))).statusCode).toBe(403);
      expect((await handler(event({ [ORIGIN_SECRET_HEADER]: 'ws-origin-secret-value-0123456789' }))).statusCode).toBe(200);
      expect(await getConnection('direct000000000=')).not.toBeNull();
    } finally {
      for (const [k, v] of [
        ['ORIGIN_SECRET_ID', saved.id],
        ['AWS_ENDPOINT_URL_SECRETS_MANAGER', saved.endpoint],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await secrets.stop();
    }
  });
});
