// The live socket in the isolation story (issue 12): every actor of two tenants opens a socket on
// every host, and only a session of that host's own studio and side opens one; forged and expired
// copies of real tokens never do. Then a small fuzz of the handshake (cookies, headers, query
// strings) answered 4xx, never 5xx, with no socket left open. A socket that opened nonetheless would
// receive the tenant's events: the publish checks at the end prove the refused ones got none.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../../shared/features/live/index.ts';
import { clientPerson, userPerson } from '../../shared/features/people/constants.ts';
import { DASHBOARD } from '../support/http.ts';
import { type Handshake, handshakeStatus, mustOpen, openSocket } from '../support/sockets.ts';
import { type TenantFixture, tenantFixture } from '../support/tenants.ts';
import { expiredCopy, forgedCopy } from '../support/tokens.ts';

let victim: TenantFixture;
let rival: TenantFixture;
const port = () => inject('porticoPort');

interface Actor {
  name: string;
  session: string;
  /** The studio whose sessions these are, and on which side. */
  tenant: TenantFixture;
  side: 'studio' | 'client';
}

const actorsOf = (t: TenantFixture, label: string): Actor[] => [
  { name: `${label} owner`, session: t.studioSession, tenant: t, side: 'studio' },
  { name: `${label} member`, session: t.member.session, tenant: t, side: 'studio' },
  { name: `${label} client A`, session: t.clients[0].session, tenant: t, side: 'client' },
  { name: `${label} client B`, session: t.clients[1].session, tenant: t, side: 'client' },
];

beforeAll(async () => {
  [victim, rival] = await Promise.all([tenantFixture('SockVictim'), tenantFixture('SockRival')]);
});

describe('who opens a socket where', () => {
  it('accepts only a session of the host’s own studio and side; refuses the rest with 401/403/404', async () => {
    const hosts = [
      { name: 'dashboard', host: DASHBOARD, studio: undefined },
      { name: "victim's portal", host: victim.portalHost, studio: victim },
      { name: "rival's portal", host: rival.portalHost, studio: rival },
      { name: 'unknown host', host: 'no-such-studio.localhost', studio: undefined },
    ];
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const actor of [...actorsOf(victim, 'victim'), ...actorsOf(rival, 'rival')]) {
      for (const h of hosts) {
        const tokens = [
          ['real', actor.session],
          ['forged', forgedCopy(actor.session)],
          ['expired', expiredCopy(actor.session)],
        ] as const;
        for (const [kind, session] of tokens) {
          const status = await handshakeStatus({ port: port(), host: h.host, session });
          outcomes.push(`${actor.name} ${kind} on ${h.name}: ${status}`);
          let want: number;
          if (h.name === 'unknown host') want = 404;
          else if (kind !== 'real') want = 401;
          else if (h.host === DASHBOARD) want = actor.side === 'studio' ? 101 : 401;
          else if (actor.side === 'studio') want = 401;
          else want = actor.tenant === h.studio ? 101 : 403;
          expected.push(`${actor.name} ${kind} on ${h.name}: ${want}`);
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it("a client never receives another studio's events, nor another client's", async () => {
    const victimClient = await mustOpen({ port: port(), host: victim.portalHost, session: victim.clients[0].session });
    const victimOther = await mustOpen({ port: port(), host: victim.portalHost, session: victim.clients[1].session });
    const rivalOwner = await mustOpen({ port: port(), host: DASHBOARD, session: rival.studioSession });
    // The rival publishing to the victim's people, and the victim to its first client only.
    const stray = await publish(rival.studioId, [clientPerson(victim.clients[0].clientId), userPerson(victim.ownerUserId)], {
      type: 'changed',
      topic: 'stray',
    });
    expect(stray.sent).toBe(0);
    await publish(victim.studioId, [clientPerson(victim.clients[0].clientId)], { type: 'changed', topic: 'mine' });
    expect(await victimClient.next()).toEqual({ type: 'changed', topic: 'mine' });
    await new Promise((r) => setTimeout(r, 300));
    expect(victimClient.messages).toHaveLength(1);
    expect(victimOther.messages).toHaveLength(0);
    expect(rivalOwner.messages).toHaveLength(0);
    await Promise.all([victimClient.close(), victimOther.close(), rivalOwner.close()]);
  });
});

describe('handshake fuzz', () => {
  const cases: Array<[string, Parameters<typeof openSocket>[0]]> = [];
  const base = () => ({ port: port(), host: DASHBOARD });
  beforeAll(() => {
    const junk = ['', '=', ';;;', 'a.b.c', 'eyJ.eyJ.sig', '%00%ff', '\u00e9\u00e8', 'x'.repeat(8000), 'Bearer ', '"quoted"'];
    for (const j of junk)
      cases.push([
        `cookie ${JSON.stringify(j.slice(0, 20))}`,
        { ...base(), headers: { cookie: `portico_session=${encodeURIComponent(j)}` } },
      ]);
    cases.push(['many cookies', { ...base(), headers: { cookie: Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join('; ') } }]);
    cases.push(['authorization garbage', { ...base(), headers: { authorization: 'Basic Zm9vOmJhcg==' } }]);
    cases.push([
      'authorization with a studio token on a portal',
      { port: port(), host: victim.portalHost, headers: { authorization: `Bearer ${victim.studioSession}` } },
    ]);
    cases.push(['huge header', { ...base(), headers: { 'x-junk': 'y'.repeat(20 * 1024) } }]);
    cases.push([
      'spoofed x-portico-host',
      { ...base(), session: victim.clients[0].session, headers: { 'x-portico-host': victim.portalHost } },
    ]);
    cases.push(['origin that is not a URL', { ...base(), session: victim.studioSession, headers: { origin: 'null' } }]);
    for (const search of ['?', '?a', '?a=1&a=2', '?%zz', `?${'q'.repeat(4000)}=1`, '?__proto__[x]=1', '/../api/health', '?token=abc'])
      cases.push([`query ${search.slice(0, 20)}`, { ...base(), search }]);
    cases.push(['another path', { ...base(), search: '/extra' }]);
  });

  it('answers every odd handshake with a 4xx, never a 5xx, and opens nothing', async () => {
    const statuses: Record<string, number> = {};
    for (const [name, request] of cases) {
      // A connection the server drops before answering (none is expected) counts as 0: a failure below.
      const h = await openSocket(request).catch((): Handshake => ({ status: 0, body: 'connection dropped' }));
      if (h.opened) {
        await h.opened.close();
        statuses[name] = 101;
      } else statuses[name] = h.status;
    }
    for (const [name, status] of Object.entries(statuses)) {
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }
  });
});
