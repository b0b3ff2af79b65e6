// Fuzzing every route from its schemas: fast-check turns each route's valid sample request into
// hostile ones the schema rejects (see test/support/invalid-inputs.ts), sends them with the owner's
// own session on the right host, and requires a 4xx JSON error, never a 5xx, and no stored change.
// CI uses a fixed seed; run longer or with another seed locally:
//   FUZZ_RUNS=500 FUZZ_SEED=random npm run test:fuzz

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchRoute } from '../../local/api-gateway.ts';
import { type RouteDef, routeList } from '../../shared/routes.ts';
import { type Answer, Browser, DASHBOARD } from '../support/http.ts';
import { encodeSegment, type HostileRequest, hostileRequests, takesNoInput } from '../support/invalid-inputs.ts';
import { pooled } from '../support/pool.ts';
import { type SampleContext, sampleRequest } from '../support/route-samples.ts';
import { changedLines, storedLines } from '../support/snapshot.ts';
import { sampleContextOf, type TenantFixture, tenantFixture } from '../support/tenants.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261201);

let tenant: TenantFixture;

const ownContext = (): SampleContext => sampleContextOf(tenant, tenant.clients[0]);

/** The owner's own signed-in browser for the route; public routes get a fresh one (no session to lose). */
function browserFor(route: RouteDef): Browser {
  if (route.auth === 'studio') return tenant.studio;
  if (route.auth === 'client') return tenant.clients[0].browser;
  return new Browser();
}

const hostFor = (route: RouteDef) => (route.host === 'portal' ? tenant.portalHost : DASHBOARD);

function send(route: RouteDef, h: HostileRequest): Promise<Answer> {
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = h.params[name] ?? '';
    return h.rawParams ? value : encodeSegment(value);
  });
  const query = new URLSearchParams(h.query).toString();
  return browserFor(route).call(hostFor(route), route.method, query ? `${path}?${query}` : path, {
    body: h.body,
    headers: h.contentType ? { 'content-type': h.contentType } : {},
  });
}

function resolvesElsewhere(route: RouteDef, h: HostileRequest): boolean {
  if (!h.rawParams) return false;
  const raw = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => h.params[name] ?? '');
  let resolved: string;
  try {
    resolved = new URL(raw, 'http://local').pathname;
  } catch {
    return false;
  }
  try {
    const match = matchRoute(route.method, resolved);
    return typeof match === 'object' && match !== null && match.route.id !== route.id;
  } catch {
    return false; // an escape no route can decode: the gateway's own 400, judged as usual
  }
}

/** Why an answer to a rejected input is wrong, or null when it is a proper JSON client error. */
function problemWith(answer: Answer, mustReject: boolean): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (mustReject && (answer.status < 400 || answer.status >= 500)) return `accepted it (${answer.status})`;
  if (answer.status === 204) return null;
  // A redirect (the portal's logo) has no body to be JSON: its Location is the answer.
  if (answer.status >= 300 && answer.status < 400 && answer.headers.location) return null;
  if (!String(answer.headers['content-type']).startsWith('application/json'))
    return `answered ${answer.status} as ${answer.headers['content-type']}`;
  if (answer.status >= 400 && typeof answer.body?.message !== 'string') return 'error without a JSON message';
  return null;
}

/** Sends one route its hostile inputs (the same ones for the same seed); the first problem, if any. */
async function fuzzRoute(route: RouteDef, index: number): Promise<{ tried: number; failure?: string }> {
  const sample = sampleRequest(route, ownContext());
  // A route that takes no input at all can only be sent junk it ignores: it must still answer sanely.
  const mustReject = !takesNoInput(route);
  let tried = 0;
  let problemSeen = '';
  try {
    await fc.assert(
      fc.asyncProperty(hostileRequests(route, sample), async (h) => {
        tried++;
        const answer = await send(route, h).catch((e: Error) => {
          problemSeen = `${h.kind} input got no answer (${e.message}) — sent ${route.method} ${JSON.stringify(h).slice(0, 240)}`;
          throw e;
        });
        // A raw path whose dot segments (`..`, `%2e%2e`) a URL parser resolves names another route:
        // that route answers, held to its own schema (contract.ts); it need not refuse this one's junk.
        const problem = problemWith(answer, mustReject && !resolvesElsewhere(route, h));
        if (problem) {
          problemSeen = `${h.kind} input ${problem}: ${answer.text.slice(0, 160)} — sent ${route.method} ${JSON.stringify(h).slice(0, 240)}`;
          throw new Error(problemSeen);
        }
      }),
      { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
    );
    return { tried };
  } catch (e) {
    // fast-check's own report repeats the whole counterexample; the seed and path replay it.
    const replay = /\{ seed: [^}]*\}/.exec((e as Error).message)?.[0] ?? '';
    return { tried, failure: `${route.id}: ${problemSeen || (e as Error).message.slice(0, 300)} ${replay}` };
  }
}

/**
 * Routes fuzzed between one snapshot and the next. No rejected input may change anything, so a
 * group that changed nothing proves it of every route in it; one that did fails, and is fuzzed
 * again a route at a time to name the route.
 */
const GROUP = 16;
const ROUTES_AT_ONCE = 3;

describe('fuzzing every route from its schemas', () => {
  beforeAll(async () => {
    tenant = await tenantFixture('Fuzz');
  }, 120_000);

  it('answers every input the schemas reject with a 4xx JSON error, and changes nothing', async () => {
    const failures: string[] = [];
    let tried = 0;
    let snapshots = 1;
    const indexed = routeList.map((route, index) => ({ route, index })).filter(({ route }) => !takesNoInput(route));
    let before = (await storedLines()).lines;
    for (let g = 0; g < indexed.length; g += GROUP) {
      const group = indexed.slice(g, g + GROUP);
      // A few routes at a time: each sends its own inputs in order, and none may change anything.
      for (const result of await pooled(group, ROUTES_AT_ONCE, ({ route, index }) => fuzzRoute(route, index))) {
        tried += result.tried;
        if (result.failure) failures.push(result.failure);
      }
      const after = (await storedLines()).lines;
      snapshots++;
      const changed = changedLines(before, after);
      if (changed.length) {
        const names = group.map(({ route }) => route.id).join(', ');
        failures.push(`one of ${names}: rejected input changed ${changed.length} stored lines, e.g. ${changed[0]?.slice(0, 200)}`);
        for (const { route, index } of group) {
          const start = (await storedLines()).lines;
          await fuzzRoute(route, index);
          const again = changedLines(start, (await storedLines()).lines);
          if (again.length)
            failures.push(
              `${route.id} (fuzzed alone): rejected input changed ${again.length} stored lines, e.g. ${again[0]?.slice(0, 200)}`,
            );
        }
        before = (await storedLines()).lines;
      } else before = after;
    }
    // A route that takes no input rejects nothing, so the junk it ignores may do what the route does
    // (forget the Stripe keys, remove the logo): after the snapshots, it is held only to sane answers.
    const free = routeList.map((route, index) => ({ route, index })).filter(({ route }) => takesNoInput(route));
    for (const result of await pooled(free, ROUTES_AT_ONCE, ({ route, index }) => fuzzRoute(route, index))) {
      tried += result.tried;
      if (result.failure) failures.push(result.failure);
    }
    console.log(
      `fuzzing: ${tried} hostile inputs over ${routeList.length} routes (seed ${SEED}, ${RUNS} per route; FUZZ_RUNS and FUZZ_SEED change them); ${snapshots} snapshots`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});

/** Every string of a sample body whose key names a person, a studio or a title, with its path. */
function nameFields(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nameFields(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      // An uploaded file's name is cleaned, not refused (cleanFileName); it never reaches a header raw.
      typeof v === 'string' && /(name|title)$/i.test(k) && k !== 'fileName' ? [[...path, k]] : nameFields(v, [...path, k]),
    );
  return [];
}

function withValue(root: unknown, path: (string | number)[], value: string): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/** Text that would break a mail header or a log line, or reorder what a reader sees. */
const HEADER_BREAKERS = [
  'Evil\r\nBcc: attacker@evil.example',
  'Evil\nBcc: attacker@evil.example',
  'Evil\rSubject: free money',
  'line\u2028break',
  'para\u2029break',
  'next\u0085line',
  'Bidi\u202eevil',
  'Isolate\u2066evil\u2069',
  'Mark\u200fevil',
  'Nul\u0000byte',
];

describe('names and titles that could break a header', () => {
  beforeAll(async () => {
    tenant ??= await tenantFixture('Fuzz');
  }, 120_000);

  it('are refused in every name and title field of every route, naming the field, and change nothing', async () => {
    const before = (await storedLines()).lines;
    const checked: string[] = [];
    const failures: string[] = [];
    for (const route of routeList.filter((r) => r.body)) {
      const sample = sampleRequest(route, ownContext());
      for (const path of nameFields(sample.body)) {
        checked.push(`${route.id}.${path.join('.')}`);
        for (const text of HEADER_BREAKERS) {
          const body = withValue(sample.body, path, text);
          const answer = await send(route, {
            kind: 'header',
            params: sample.params,
            body: JSON.stringify(body),
            contentType: 'application/json',
            query: {},
          });
          const field = path.join('.');
          if (answer.status !== 400 || !answer.body?.fields?.[field])
            failures.push(`${route.id} ${field} = ${JSON.stringify(text)}: ${answer.status} ${answer.text.slice(0, 160)}`);
        }
      }
    }
    // The fields the samples name today; a new name field is picked up here by itself.
    expect(checked).toEqual(
      expect.arrayContaining([
        'studioSignUp.studioName',
        'studioSignUp.name',
        'inviteClient.name',
        'createGallery.title',
        'updateGallery.title',
      ]),
    );
    expect(failures).toEqual([]);
    expect((await storedLines()).lines).toEqual(before);
  });
});

describe('errors about many fields', () => {
  it('lists a bounded number of field errors, saying how many it left out', async () => {
    // 3,000 unknown keys in a 29 KB body once made a 247 KB error.
    const body = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${String(i).padStart(5, '0')}`, 1]));
    expect(JSON.stringify(body).length).toBeGreaterThan(25_000);
    const answer = await new Browser().post(DASHBOARD, '/api/studio/signup', body);
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(8 * 1024);
    expect(Object.keys(answer.body.fields).length).toBeLessThanOrEqual(20);
    // 3,000 unknown keys and the 5 missing fields: 3,005 problems, 20 listed.
    expect(answer.body.message).toMatch(/and 2,985 more/);
  });

  it('every route that takes a body refuses 3,000 unknown keys with an error under 8 KB', async () => {
    tenant ??= await tenantFixture('Fuzz');
    const junk = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${String(i).padStart(5, '0')}`, 'x'.repeat(8)]));
    const failures: string[] = [];
    for (const route of routeList.filter((r) => r.body)) {
      const sample = sampleRequest(route, ownContext());
      const body = JSON.stringify({ ...(sample.body as object), ...junk });
      const answer = await send(route, { kind: 'unknown keys', params: sample.params, body, contentType: 'application/json', query: {} });
      if (answer.status !== 400 || answer.text.length >= 8 * 1024 || !/ more/.test(answer.body?.message ?? ''))
        failures.push(`${route.id}: ${answer.status}, ${answer.text.length} bytes: ${answer.text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('bounds a field name and its messages however long the key', async () => {
    const answer = await new Browser().post(DASHBOARD, '/api/studio/signup', { ['x'.repeat(40_000)]: 1 });
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(8 * 1024);
  });
});
