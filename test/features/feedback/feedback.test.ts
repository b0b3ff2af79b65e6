// The Feedback module: a client writes to the studio from the portal on Growth and up; on Starter
// the API refuses it with plan_required (the portal does not offer it), and what was sent before a
// downgrade stays readable.
import { beforeAll, describe, expect, it } from 'vitest';
import { setStudioPlanForTest } from '../../support/fixtures.ts';
import { DASHBOARD } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';

let studio: TenantFixture;

beforeAll(async () => {
  studio = await tenantFixture('Feedback');
}, 120_000);

describe('feedback', () => {
  it('reaches the studio, newest first, from each client, and the portal says the module is on', async () => {
    const [ava, bea] = studio.clients;
    expect((await ava.browser.get(studio.portalHost, '/api/portal')).body.studio.feedback).toBe(true);
    const first = await ava.browser.post(studio.portalHost, '/api/portal/feedback', { message: 'Loving the proofs!' });
    expect(first.status, first.text).toBe(201);
    expect(first.body.feedback).toMatchObject({ clientId: ava.clientId, clientName: ava.name, message: 'Loving the proofs!' });
    const second = await bea.browser.post(studio.portalHost, '/api/portal/feedback', { message: '<b>Could we</b> see more?' });
    expect(second.status).toBe(201);
    const inbox = await studio.studio.get(DASHBOARD, '/api/studio/feedback');
    expect(inbox.status).toBe(200);
    expect(inbox.body.feedback.map((f: { message: string }) => f.message)).toEqual(['<b>Could we</b> see more?', 'Loving the proofs!']);
    expect(inbox.body.nextCursor).toBeNull();
  });

  it('answers bad input with a 400 that stores nothing', async () => {
    const [ava] = studio.clients;
    const before = await storedLines();
    for (const body of [{}, { message: '' }, { message: '   ' }, { message: 'x'.repeat(2001) }, { message: 'hi', extra: 1 }]) {
      const answer = await ava.browser.post(studio.portalHost, '/api/portal/feedback', body);
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect(await storedLines()).toEqual(before);
  });

  it('is refused on Starter with the plan that unlocks it, and what was sent stays readable', async () => {
    const [ava] = studio.clients;
    await setStudioPlanForTest(studio.studioId, 'starter');
    try {
      expect((await ava.browser.get(studio.portalHost, '/api/portal')).body.studio.feedback).toBe(false);
      const before = await storedLines();
      const refused = await ava.browser.post(studio.portalHost, '/api/portal/feedback', { message: 'Hello?' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'plan_required', entitlement: 'feedback', plan: 'growth' });
      expect(await storedLines()).toEqual(before);
      const inbox = await studio.studio.get(DASHBOARD, '/api/studio/feedback');
      expect(inbox.status).toBe(200);
      expect(inbox.body.feedback.length).toBeGreaterThanOrEqual(2);
    } finally {
      await setStudioPlanForTest(studio.studioId, 'growth');
    }
  });
});
