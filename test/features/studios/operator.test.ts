// Plans are set by the deployment's operators (OPERATOR_EMAILS; locally the demo studio's owner)
// from the dashboard, with no payment provider; everyone else is refused, and a new studio starts
// on DEFAULT_PLAN (starter).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { Browser, DASHBOARD, signUpAndSignIn } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';

const PASSWORD = 'Operator-test-2026';

async function newStudio() {
  const tag = randomUUID().slice(0, 8);
  const browser = new Browser();
  const body = {
    studioName: `Plan Studio ${tag}`,
    slug: `plan-${tag}`,
    name: 'Pat Owner',
    email: `plan-${tag}@example.com`,
    password: PASSWORD,
  };
  expect((await signUpAndSignIn(browser, body)).status).toBe(200);
  const me = await browser.get(DASHBOARD, '/api/studio/me');
  return { browser, me: me.body, slug: body.slug };
}

let operator: Browser;
const putPlan = (b: Browser, studioId: string, json: unknown) =>
  b.call(DASHBOARD, 'PUT', `/api/operator/studios/${studioId}/plan`, { json });

beforeAll(async () => {
  operator = new Browser();
  const signedIn = await operator.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
  expect(signedIn.status).toBe(200);
});

async function studioIdOf(slug: string): Promise<string> {
  for (let cursor: string | null | undefined; ; ) {
    const page = await operator.get(DASHBOARD, `/api/operator/studios${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    const found = page.body.studios.find((s: { slug: string }) => s.slug === slug);
    if (found) return found.studioId;
    cursor = page.body.nextCursor;
    if (!cursor) throw new Error(`${slug} is not in the operator's list`);
  }
}

describe('plans', () => {
  it('start every new studio on the default plan, with its entitlements and the owner role', async () => {
    const { me } = await newStudio();
    expect(me.user.role).toBe('owner');
    expect(me.operator).toBe(false);
    expect(me.plan).toEqual({ plan: 'starter', addOns: [], entitlements: ['projectProgress', 'invoicePayments'] });
  });

  it('are changed by an operator, and the studio sees its new entitlements at once', async () => {
    const studio = await newStudio();
    const studioId = await studioIdOf(studio.slug);
    const set = await putPlan(operator, studioId, { plan: 'growth', addOns: ['education'] });
    expect(set.status).toBe(200);
    expect(set.body.studio).toMatchObject({ studioId, slug: studio.slug, plan: 'growth', addOns: ['education'] });
    const me = (await studio.browser.get(DASHBOARD, '/api/studio/me')).body;
    expect(me.plan.plan).toBe('growth');
    expect(me.plan.entitlements).toEqual(expect.arrayContaining(['customDomain', 'fullBranding', 'feedback', 'courses']));
    // A downgrade is the same call and deletes nothing: the studio is there, on the lower plan.
    expect((await putPlan(operator, studioId, { plan: 'starter', addOns: [] })).status).toBe(200);
    expect((await studio.browser.get(DASHBOARD, '/api/studio/me')).body.plan.entitlements).toEqual(['projectProgress', 'invoicePayments']);
  });

  it('refuse anyone but an operator', async () => {
    const studio = await newStudio();
    const studioId = await studioIdOf(studio.slug);
    const before = await storedLines();
    const self = await putPlan(studio.browser, studioId, { plan: 'scale', addOns: [] });
    expect(self.status).toBe(403);
    expect(self.body.error).toBe('operator_only');
    expect((await studio.browser.get(DASHBOARD, '/api/operator/studios')).status).toBe(403);
    expect(await storedLines()).toEqual(before);
  });

  it('answer bad input with a 400 that changes nothing', async () => {
    const studio = await newStudio();
    const studioId = await studioIdOf(studio.slug);
    const before = await storedLines();
    for (const body of [
      { plan: 'gold', addOns: [] },
      { plan: 'growth', addOns: ['education', 'education'] },
      { plan: 'growth' },
      { plan: 'growth', addOns: [], extra: 1 },
    ]) {
      const answer = await putPlan(operator, studioId, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await putPlan(operator, randomUUID(), { plan: 'growth', addOns: [] })).status).toBe(404);
    for (const cursor of [
      'garbage',
      Buffer.from(JSON.stringify({ PK: 'STUDIOUSER#x', SK: 'STUDIOUSER', GSI1PK: 'STUDIO#x', GSI1SK: 'USER#a@example.com' })).toString(
        'base64url',
      ),
    ]) {
      const page = await operator.get(DASHBOARD, `/api/operator/studios?cursor=${cursor}`);
      expect(page.status).toBe(400);
    }
    expect(await storedLines()).toEqual(before);
  });
});
