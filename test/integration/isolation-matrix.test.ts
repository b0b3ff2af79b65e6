// The tenant-isolation matrix, generated from the route table: every route, called by every kind
// of outsider with the victim's ids, on the victim's portal, on the attacker's portal and on the
// dashboard, must refuse (401/403/404), leak nothing and change nothing. A route added to the table
// is in the matrix the day it is added; one the samples cannot build fails the suite.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { roleAtLeast } from '../../shared/features/studios/constants.ts';
import { type RouteDef, type RouteId, routeList } from '../../shared/routes.ts';
import { joinTeam } from '../features/team/actors.ts';
import { Browser, DASHBOARD } from '../support/http.ts';
import { pooled } from '../support/pool.ts';
import { paramNames, type SampleContext, sampleRequest } from '../support/route-samples.ts';
import { changedLines, storedLines } from '../support/snapshot.ts';
import { type ClientFixture, sampleContextOf, type TenantFixture, tenantFixture } from '../support/tenants.ts';
import { expiredCopy, forgedCopy } from '../support/tokens.ts';

const REFUSED = [401, 403, 404];

/**
 * Routes whose answer to another tenant's data is not a refusal, by design. `writes` are the key
 * prefixes such a call may add to (never anything else of the victim's).
 */
const signingLink = {
  statuses: [],
  writes: ['RATE#signlink#'],
  why: 'a signing-link token that leads nowhere counts against the source IP (SIGNING_LINK_TRIES_PER_HOUR), whoever sends it',
};
const BY_DESIGN: Partial<Record<RouteId, { statuses: number[]; writes?: string[]; why: string }>> = {
  openSigningLink: signingLink,
  recordLinkReleaseStep: signingLink,
  signByLink: signingLink,
  declineByLink: signingLink,
  studioSignUp: {
    statuses: [409],
    why: "the victim's portal address is taken, which its public host name shows anyway (a taken email alone would answer 202, as a free one does)",
  },
  studioSignIn: {
    statuses: [401, 429],
    writes: ['RATE#'],
    why: 'a wrong password counts against the email and the source IP (growing waits), whoever sends it; the answers are the same for every address',
  },
  inviteClient: {
    statuses: [201, 409],
    why: "one person may be a client of two studios: another studio's invitation creates that studio's own membership",
  },
  sendFeedback: {
    statuses: [201, 429],
    writes: ['STUDIO#', 'RATE#feedback#'],
    why: "the request names no record: a client of the victim's own studio, on its own portal with its own session, may write its studio feedback (its own record; every other outsider is refused by its session's host)",
  },
  readClientNotesAll: {
    statuses: [200],
    writes: ['NOTES#'],
    why: "the request names no record: a client of the victim's own studio, on its own portal with its own session, marks its own notifications read (its own partition; every other outsider is refused by its session's host)",
  },
  receiveStripeWebhook: {
    statuses: [400],
    why: "Stripe's endpoint is public: a request not signed with the studio's own webhook secret is refused 400 before anything is read or written",
  },
  requestMagicLink: {
    statuses: [202, 429],
    writes: ['MAGIC#', 'RATE#'],
    why: 'anyone may ask for a sign-in link: it is mailed only to that address, and the answer is the same for every address',
  },
  renewMagicLink: {
    statuses: [202, 429],
    writes: ['MAGIC#', 'RATE#'],
    why: 'a fresh link goes only to the inbox the old link was for, and the answer is the same whatever the token',
  },
};

interface Identity {
  name: string;
  /** The session token this outsider sends, for a route of the given kind. */
  token(route: RouteDef): string | undefined;
  /** The outsider's own records, for requests that mix their own container with the victim's contents. */
  own?: { tenant: TenantFixture; client: ClientFixture };
  /** A client of the victim's own studio: may know the studio, and its own records, nothing else. */
  sameStudio?: boolean;
  /** The one host where this outsider's session is valid (none for anonymous, forged or expired). */
  home?: string;
}

interface Case {
  route: RouteDef;
  identity: Identity;
  host: string;
  variant: 'victim' | 'mixed';
  request: { path: string; body: unknown };
}

let victim: TenantFixture;
let rival: TenantFixture;

/** One character changed: what a guessed or mangled link looks like. */
const tampered = (token: string) => `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;

/**
 * The victim's ids. Links, share and signing tokens are capabilities (whoever holds one may use it on its
 * own portal), so on the victim's portal the outsider holds a tampered one; elsewhere the real one.
 */
function victimContext(host: string): SampleContext {
  const c = sampleContextOf(victim, victim.clients[0]);
  const onOwnPortal = host === victim.portalHost;
  return {
    ...c,
    studioPassword: 'Not-the-password-1',
    magicToken: onOwnPortal ? tampered(c.magicToken) : c.magicToken,
    shareToken: onOwnPortal ? tampered(c.shareToken) : c.shareToken,
    signingToken: onOwnPortal ? tampered(c.signingToken) : c.signingToken,
    // Dashboard capabilities: outsiders only ever hold tampered ones (the real one works, whoever sends it).
    verifyToken: tampered(c.verifyToken),
    inviteToken: tampered(c.inviteToken),
  };
}

/**
 * The outsider's own gallery and project (and tokens), holding the victim's image, submission, job
 * and link ids, and the victim's deliverable, comment, file and feedback ids inside the outsider's own project.
 */
function mixedContext(own: { tenant: TenantFixture; client: ClientFixture }): SampleContext {
  const v = victim.clients[0];
  return {
    ...sampleContextOf(own.tenant, own.client),
    // A list's cursor naming the victim's partition: refused, never a page of the victim's list.
    studioId: victim.studioId,
    imageId: v.imageIds[0] as string,
    submissionId: v.submissionId,
    jobId: v.jobId,
    linkId: v.linkId,
    clientId: v.clientId,
    deliverableId: v.deliverableId,
    deliverableCommentId: v.deliverableCommentId,
    // Another client's folder and file inside the outsider's own project: not found there.
    folderId: v.folderId,
    fileId: v.fileId,
    // Another client's feedback and its attachment inside the outsider's own project: not found there.
    feedbackId: v.feedbackId,
    attachmentId: v.attachmentId,
    // Another client's Checkout Session under the outsider's own invoice: not found there.
    checkoutSessionId: v.checkoutSessionId,
  };
}

/** Everything of the victim's tenant that this outsider may not see (a same-studio client's own records aside). */
function victimSecrets(identity?: Identity): string[] {
  const secrets = identity?.sameStudio ? [victim.magicToken] : [victim.studioId, victim.magicToken];
  secrets.push(victim.inviteId, victim.inviteToken, victim.member.userId, victim.member.email);
  for (const c of victim.clients) {
    if (identity?.own?.client === c) continue;
    secrets.push(c.clientId, c.email, c.name, c.galleryId, c.galleryTitle, c.submissionId, c.jobId, c.linkId, c.shareToken, c.commentText);
    secrets.push(c.projectId, c.folderId, c.fileId, c.sharedFileName);
    secrets.push(c.templateId, c.releaseId, c.releaseTitle, c.signerId, c.signingToken);
    secrets.push(c.invoiceId, c.invoiceLine, c.checkoutSessionId);
    secrets.push(...c.imageIds, ...c.fileNames, c.deliverableId, c.deliverableCommentId);
  }
  return secrets;
}

/** The victim's ids as they may appear in a request (tampered tokens count: they aim at the victim). */
function victimMarkers(): string[] {
  const markers = victimSecrets().concat(victim.slug, victim.owner.email);
  for (const c of victim.clients) markers.push(tampered(c.shareToken), tampered(c.signingToken));
  return markers.concat(tampered(victim.magicToken), tampered(victim.inviteToken));
}

/** Only ids, for telling the victim's stored records apart (emails may be in another studio's records). */
function victimIds(): string[] {
  return [
    victim.studioId,
    victim.inviteId,
    victim.member.userId,
    ...victim.clients.flatMap((c) => [
      c.clientId,
      c.galleryId,
      c.submissionId,
      c.jobId,
      c.linkId,
      c.deliverableId,
      c.invoiceId,
      ...c.imageIds,
      c.projectId,
      c.fileId,
      c.releaseId,
      c.templateId,
    ]),
  ];
}

let outsiders: Identity[] | undefined;

/** The outsiders, made once: their tokens are signed once, not per request. */
function identities(): Identity[] {
  outsiders ??= makeIdentities();
  return outsiders;
}

function makeIdentities(): Identity[] {
  const [victimClient, sameStudioClient] = victim.clients;
  const [rivalClient] = rival.clients;
  const forged = { studio: forgedCopy(victim.studioSession), client: forgedCopy(victimClient.session) };
  const expired = { studio: expiredCopy(victim.studioSession), client: expiredCopy(victimClient.session) };
  const kind = (route: RouteDef) => (route.auth === 'studio' ? 'studio' : 'client');
  return [
    { name: 'anonymous', token: () => undefined },
    { name: "forged token (victim's claims, another key)", token: (r) => forged[kind(r)] },
    { name: "expired token (victim's claims, real key)", token: (r) => expired[kind(r)] },
    {
      name: 'client of the other studio',
      token: () => rivalClient.session,
      own: { tenant: rival, client: rivalClient },
      home: rival.portalHost,
    },
    {
      name: 'other client of the same studio',
      token: () => sameStudioClient.session,
      own: { tenant: victim, client: sameStudioClient },
      sameStudio: true,
      home: victim.portalHost,
    },
    {
      name: 'studio user of the other studio',
      token: () => rival.studioSession,
      own: { tenant: rival, client: rivalClient },
      home: DASHBOARD,
    },
    {
      name: 'team member of the other studio',
      token: () => rival.member.session,
      own: { tenant: rival, client: rivalClient },
      home: DASHBOARD,
    },
  ];
}

/** Routes where the outsider's own container can hold the victim's contents. */
const mixes = (route: RouteDef) => paramNames(route).length > 1 || route.id === 'updateGallery' || route.id === 'downloadSharedImage';

function casesFor(route: RouteDef): Case[] {
  const cases: Case[] = [];
  for (const identity of identities()) {
    for (const host of [victim.portalHost, rival.portalHost, DASHBOARD]) {
      cases.push({ route, identity, host, variant: 'victim', request: sampleRequest(route, victimContext(host)) });
      if (identity.own && mixes(route))
        cases.push({ route, identity, host, variant: 'mixed', request: sampleRequest(route, mixedContext(identity.own)) });
    }
  }
  return cases;
}

async function call(c: Case) {
  const token = c.identity.token(c.route);
  return new Browser().call(c.host, c.route.method, c.request.path, {
    ...(c.request.body === undefined ? {} : { json: c.request.body }),
    headers: token ? { cookie: `portico_session=${token}` } : {},
  });
}

/** Cases in flight at once: fast, without turning the matrix into a load test. */
const CONCURRENCY = 6;

/** Where a case goes wrong, for failure messages: the route, the outsider, the host and the request. */
const whereOf = (c: Case) => `${c.route.id} as ${c.identity.name} on ${c.host} (${c.variant}): ${c.route.method} ${c.request.path}`;

/**
 * The statuses a case may get, or null when it is the outsider's own business: a request naming
 * none of the victim's ids, with the outsider's session on its own host (anything but a 5xx).
 */
function allowedStatuses(c: Case, markers: string[]): number[] | null {
  const sent = `${c.request.path} ${JSON.stringify(c.request.body ?? '')}`;
  const aimsAtVictim = markers.some((m) => sent.includes(m));
  // A session is good on its own host only: a studio's on the dashboard, a client's on its portal.
  const sessionMisplaced = c.route.auth !== 'public' && c.host !== c.identity.home;
  const design = BY_DESIGN[c.route.id as RouteId];
  return sessionMisplaced ? REFUSED : aimsAtVictim ? [...REFUSED, ...(design?.statuses ?? [])] : null;
}

/** Sends the cases and judges each answer (status, leaks); returns the routes any of them got a success from. */
async function sendAndJudge(cases: Case[], markers: string[], failures: string[]): Promise<Set<string>> {
  const succeeded = new Set<string>();
  const answers = await pooled(cases, CONCURRENCY, async (c) => ({ c, answer: await call(c) }));
  for (const { c, answer } of answers) {
    const sent = `${c.request.path} ${JSON.stringify(c.request.body ?? '')}`;
    const allowed = allowedStatuses(c, markers);
    const where = whereOf(c);
    if (answer.status >= 500) failures.push(`${where} → ${answer.status} ${answer.text.slice(0, 200)}`);
    else if (allowed && !allowed.includes(answer.status)) failures.push(`${where} → ${answer.status}, expected ${allowed.join('/')}`);
    if (answer.status < 300) succeeded.add(c.route.id);
    const leaked = victimSecrets(c.identity).filter((s) => !sent.includes(s) && answer.text.includes(s));
    if (leaked.length) failures.push(`${where} → leaked ${leaked.join(', ')}`);
  }
  return succeeded;
}

describe('tenant isolation matrix', () => {
  beforeAll(async () => {
    victim = await tenantFixture('Victim');
    rival = await tenantFixture('Rival');
  }, 180_000);

  it('refuses every route to every outsider, on every host, leaking and changing nothing', async () => {
    const failures: string[] = [];
    const markers = victimMarkers();
    const ids = victimIds();
    // A route whose every case must be refused, and that writes nothing by design, may change
    // nothing at all: a run of such routes shares one snapshot before and one after (a change there
    // fails the test, whichever route made it). A route that may succeed somewhere (an outsider's
    // own business, or by design) gets snapshots of its own, so its changes are judged as its own.
    const groups: { routes: RouteDef[]; cases: Case[]; refusedOnly: boolean }[] = [];
    for (const route of routeList) {
      const cases = casesFor(route);
      expect(cases.length, route.id).toBeGreaterThan(0);
      const refusedOnly = !BY_DESIGN[route.id as RouteId] && cases.every((c) => allowedStatuses(c, markers) !== null);
      const last = groups.at(-1);
      if (refusedOnly && last?.refusedOnly) {
        last.routes.push(route);
        last.cases.push(...cases);
      } else groups.push({ routes: [route], cases, refusedOnly });
    }
    let count = 0;
    let snapshots = 1;
    let before = (await storedLines()).lines;
    for (const group of groups) {
      const succeeded = await sendAndJudge(group.cases, markers, failures);
      count += group.cases.length;
      const after = (await storedLines()).lines;
      snapshots++;
      const changed = changedLines(before, after);
      if (group.refusedOnly) {
        if (changed.length) {
          const names = group.routes.map((r) => r.id).join(', ');
          for (const line of changed) failures.push(`one of ${names}: refused every call yet changed: ${line.slice(0, 300)}`);
          // Names the culprit: the group again, a route at a time, each between snapshots of its own.
          for (const route of group.routes) {
            const start = (await storedLines()).lines;
            await sendAndJudge(
              group.cases.filter((c) => c.route === route),
              markers,
              [],
            );
            const again = changedLines(start, (await storedLines()).lines);
            if (again.length) failures.push(`${route.id} (run alone): refused every call yet changed: ${again[0]?.slice(0, 300)}`);
          }
          before = (await storedLines()).lines;
        } else before = after;
        continue;
      }
      const [route] = group.routes as [RouteDef];
      const design = BY_DESIGN[route.id as RouteId];
      for (const line of changed) {
        const pk = /"PK":"([^"]*)"/.exec(line)?.[1] ?? line;
        if (design?.writes?.some((prefix) => pk.startsWith(prefix))) continue;
        if (ids.some((id) => line.includes(id))) failures.push(`${route.id}: changed the victim's data: ${line.slice(0, 300)}`);
        else if (!succeeded.has(route.id)) failures.push(`${route.id}: refused every call yet changed: ${line.slice(0, 300)}`);
      }
      before = after;
    }
    const batched = groups.filter((g) => g.refusedOnly).reduce((n, g) => n + g.routes.length, 0);
    console.log(
      `isolation matrix: ${count} cases over ${routeList.length} routes, ${identities().length} identities, 3 hosts; ` +
        `${batched} refuse-only routes in ${groups.filter((g) => g.refusedOnly).length} groups, ${snapshots} snapshots`,
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it("refuses the victim's own member every route above its role (403 role_required) and every gallery or project it is not on (404)", async () => {
    const own = sampleContextOf(victim, victim.clients[0]);
    const before = (await storedLines()).lines.filter((l) => !l.includes('"PK":"RATE#'));
    const failures: string[] = [];
    for (const route of routeList.filter((r) => r.auth === 'studio')) {
      const { path, body } = sampleRequest(route, own);
      const answer = await new Browser().call(DASHBOARD, route.method, path, {
        ...(body === undefined ? {} : { json: body }),
        headers: { cookie: `portico_session=${victim.member.session}` },
      });
      const where = `${route.id} as the victim's member: ${route.method} ${path} → ${answer.status} ${answer.text.slice(0, 160)}`;
      if (route.auth !== 'studio') continue; // narrows the type: the filter above kept studio routes only
      if (!roleAtLeast('member', route.role)) {
        if (answer.status !== 403 || answer.body?.error !== 'role_required') failures.push(where);
      } else if (paramNames(route).some((p) => p === 'galleryId' || p === 'projectId' || p === 'threadId')) {
        if (answer.status !== 404) failures.push(where);
      } else if (answer.status >= 300) failures.push(where);
    }
    const after = (await storedLines()).lines.filter((l) => !l.includes('"PK":"RATE#'));
    expect(failures).toEqual([]);
    expect(after.toSorted()).toEqual(before.toSorted());
  });

  it("refuses a removed member's old token on every studio route", async () => {
    const gone = await joinTeam(victim.studio, 'admin', 'matrix-removed');
    expect((await victim.studio.call(DASHBOARD, 'DELETE', `/api/studio/team/members/${gone.userId}`)).status).toBe(204);
    const own = sampleContextOf(victim, victim.clients[0]);
    const failures: string[] = [];
    for (const route of routeList.filter((r) => r.auth === 'studio')) {
      const { path, body } = sampleRequest(route, own);
      const answer = await new Browser().call(DASHBOARD, route.method, path, {
        ...(body === undefined ? {} : { json: body }),
        headers: { cookie: `portico_session=${gone.session}` },
      });
      if (!REFUSED.includes(answer.status)) failures.push(`${route.id}: ${route.method} ${path} → ${answer.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets the owners through with the very same requests (the refusals are isolation, not bad samples)', async () => {
    const [client] = victim.clients;
    const own = sampleContextOf(victim, client);
    // Revoking the client's access comes after the client's own routes (a link's redemption too),
    // which need it, and before the owner's sign-out.
    const order = (r: RouteDef) =>
      r.method === 'GET'
        ? 0
        : r.id === 'revokeClientAccess'
          ? 3.5
          : r.id === 'signOut'
            ? 4
            : r.id === 'redeemMagicLink'
              ? 3
              : r.method === 'DELETE'
                ? 2
                : 1;
    const failures: string[] = [];
    // Operator routes act across studios: their rightful caller is the deployment's operator (locally the demo owner).
    const operator = new Browser();
    expect((await operator.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password })).status).toBe(
      200,
    );
    for (const route of [...routeList].sort((a, b) => order(a) - order(b))) {
      // A sign-up needs an address nobody has taken; every other route takes the owner's own records.
      const ctx =
        route.id === 'studioSignUp' ? { ...own, slug: `owner-${Date.now()}`, studioEmail: `owner-${Date.now()}@example.com` } : own;
      const { path, body } = sampleRequest(route, ctx);
      const host = route.host === 'portal' ? victim.portalHost : DASHBOARD;
      // The owners' own browsers (session and refresh cookies); a fresh one for sign-in and sign-up.
      const sessionRoute = route.id === 'refreshSession' || route.id === 'signOut';
      const browser = route.operator
        ? operator
        : route.auth === 'studio' || (sessionRoute && host === DASHBOARD)
          ? victim.studio
          : route.auth === 'client'
            ? client.browser
            : new Browser();
      const answer = await browser.call(host, route.method, path, body === undefined ? {} : { json: body });
      // What the rules forbid (403 not_allowed, 409 conflicts) is fine: the owner got past isolation.
      const refusedAsOutsider =
        answer.status === 401 || answer.status === 404 || (answer.status === 403 && answer.body?.error !== 'not_allowed');
      if (answer.status >= 500 || refusedAsOutsider)
        failures.push(`${route.id}: ${route.method} ${path} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
