// The portal home: what waits on the client first (galleries open for proofing they have not
// confirmed), then their projects with progress, then every gallery; only their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { addReadyImages } from '../../support/fixtures.ts';
import { DASHBOARD } from '../../support/http.ts';
import { galleryRules } from '../../support/portal-actors.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';

let t: TenantFixture;

beforeAll(async () => {
  t = await tenantFixture('Home');
}, 120_000);

describe('portal home', () => {
  it("lists what waits on the client, their projects and galleries, and nothing of another contact's", async () => {
    const [ava, bea] = t.clients;
    const created = await t.studio.post(DASHBOARD, '/api/studio/galleries', {
      clientId: ava.clientId,
      projectId: ava.projectId,
      title: 'Second look',
      deadline: '2099-06-30',
      rules: galleryRules(),
    });
    expect(created.status, created.text).toBe(201);
    const galleryId = created.body.gallery.galleryId as string;
    await addReadyImages(t.studioId, galleryId, 1);
    expect((await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } })).status).toBe(
      200,
    );

    const home = await ava.browser.get(t.portalHost, '/api/portal/home');
    expect(home.status, home.text).toBe(200);
    // The fixture's own gallery is confirmed already: only the new one waits.
    expect(home.body.waiting.proofing.map((g: { galleryId: string }) => g.galleryId)).toEqual([galleryId]);
    expect(home.body.waiting.proofing[0]).toMatchObject({
      projectId: ava.projectId,
      projectTitle: expect.stringContaining('Secret project'),
    });
    // The fixture's deliverable was sent to her for review and waits on her decision.
    expect(home.body.waiting.reviews).toEqual([
      expect.objectContaining({ projectId: ava.projectId, deliverableId: ava.deliverableId, version: 1 }),
    ]);
    expect(home.body.projects.map((p: { projectId: string }) => p.projectId)).toEqual([ava.projectId]);
    expect(home.body.projects[0]).toMatchObject({ status: 'in_progress', percentDone: 0 });
    expect(home.body.galleries.map((g: { galleryId: string }) => g.galleryId).sort()).toEqual([ava.galleryId, galleryId].sort());
    expect(home.body.partial).toBe(false);

    const other = await bea.browser.get(t.portalHost, '/api/portal/home');
    expect(other.body.projects.map((p: { projectId: string }) => p.projectId)).toEqual([bea.projectId]);
    expect(other.text).not.toContain(galleryId);
    expect(other.text).not.toContain(ava.projectId);
    expect(other.text).not.toContain(ava.deliverableId);
  });

  it('stops listing a review once the client decided it', async () => {
    const [, bea] = t.clients;
    const decided = await bea.browser.post(
      t.portalHost,
      `/api/portal/projects/${bea.projectId}/deliverables/${bea.deliverableId}/versions/1/decision`,
      { decision: 'approve' },
    );
    expect(decided.status, decided.text).toBe(200);
    expect((await bea.browser.get(t.portalHost, '/api/portal/home')).body.waiting.reviews).toEqual([]);
  });

  it('follows a project as it changes: a finished milestone moves its progress', async () => {
    const [ava] = t.clients;
    const done = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${ava.projectId}/milestones/${ava.milestoneId}`, {
      json: { done: true },
    });
    expect(done.status).toBe(200);
    const home = await ava.browser.get(t.portalHost, '/api/portal/home');
    expect(home.body.projects[0]).toMatchObject({ projectId: ava.projectId, percentDone: 100, nextMilestone: null });
  });
});
