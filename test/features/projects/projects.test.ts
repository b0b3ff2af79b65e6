// Projects: the studio runs them, each client contact follows theirs. Progress comes from weighted
// milestones (or by hand), the client never sees internal notes, a member works only on its
// projects, a contact sees only the projects it is on, and two editors never lose a write.
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { joinTeam, type TeamMate } from '../team/actors.ts';

let t: TenantFixture;
let designer: TeamMate;

beforeAll(async () => {
  t = await tenantFixture('Projects');
  designer = await joinTeam(t.studio, 'member', 'projects-designer');
}, 120_000);

const newProject = async (extra: Record<string, unknown> = {}) => {
  const [ava] = t.clients;
  const created = await t.studio.post(DASHBOARD, '/api/studio/projects', {
    title: 'Brand refresh',
    contactIds: [ava.clientId],
    leadId: t.ownerUserId,
    team: [{ userId: designer.userId, projectRole: 'Lead designer' }],
    startDate: '2026-01-05',
    dueDate: '2099-03-31',
    summary: 'A new identity for the spring launch.',
    internalNotes: 'Budget is tight: keep rounds to two.',
    milestones: [
      { title: 'Discovery', dueDate: '2026-01-20', weight: 1, done: true },
      { title: 'Concepts', dueDate: '2026-02-10', weight: 2 },
      { title: 'Final files', dueDate: '2099-03-20', weight: 2 },
    ],
    ...extra,
  });
  expect(created.status, created.text).toBe(201);
  return created.body.project;
};

describe('projects', () => {
  it('computes % done from weighted milestones, and the client sees progress without internal notes', async () => {
    const [ava] = t.clients;
    const project = await newProject();
    expect(project.percentDone).toBe(20);
    expect(project.team.map((s: { name: string; lead: boolean }) => s.lead)).toEqual([true, false]);
    const concepts = project.milestones.find((m: { title: string }) => m.title === 'Concepts');
    const done = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}/milestones/${concepts.milestoneId}`, {
      json: { done: true },
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body.project.percentDone).toBe(60);

    const seen = await ava.browser.get(t.portalHost, `/api/portal/projects/${project.projectId}`);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.project).toMatchObject({ title: 'Brand refresh', percentDone: 60, nextMilestone: { title: 'Final files' } });
    expect(seen.text).not.toContain('Budget is tight');
    expect(seen.body.project.team.map((s: { projectRole: string }) => s.projectRole)).toEqual(['Project lead', 'Lead designer']);
    expect(seen.body.project.activity.map((a: { kind: string }) => a.kind)).toEqual(['milestone_done', 'project_started']);

    const manual = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}`, {
      json: { progressMode: 'manual', manualPercent: 75 },
    });
    expect(manual.body.project.percentDone).toBe(75);
    const finished = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}`, { json: { status: 'done' } });
    expect(finished.body.project.percentDone).toBe(100);
  });

  it('shows a project only to its contacts, and a member only the projects it is on', async () => {
    const [ava, bea] = t.clients;
    const project = await newProject();
    expect((await bea.browser.get(t.portalHost, `/api/portal/projects/${project.projectId}`)).status).toBe(404);
    expect((await t.member.browser.get(DASHBOARD, `/api/studio/projects/${project.projectId}`)).status).toBe(404);
    expect((await designer.browser.get(DASHBOARD, `/api/studio/projects/${project.projectId}`)).status).toBe(200);
    const list = await t.member.browser.get(DASHBOARD, '/api/studio/projects?limit=100');
    expect(list.body.projects.map((p: { projectId: string }) => p.projectId)).not.toContain(project.projectId);

    // Bea joins as a second contact; then leaves again, and her seat goes with her.
    const both = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}`, {
      json: { contactIds: [ava.clientId, bea.clientId] },
    });
    expect(both.status, both.text).toBe(200);
    expect((await bea.browser.get(t.portalHost, `/api/portal/projects/${project.projectId}`)).status).toBe(200);
    await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}`, { json: { contactIds: [ava.clientId] } });
    expect((await bea.browser.get(t.portalHost, `/api/portal/projects/${project.projectId}`)).status).toBe(404);

    // A member runs its project, but who is on it is an admin's call.
    expect(
      (await designer.browser.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}`, { json: { status: 'in_review' } }))
        .status,
    ).toBe(200);
    const refused = await designer.browser.call(DASHBOARD, 'PATCH', `/api/studio/projects/${project.projectId}`, {
      json: { contactIds: [bea.clientId] },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses bad input and strangers with a 4xx that stores nothing', async () => {
    const [ava] = t.clients;
    const before = await storedLines();
    const bad = [
      {},
      { title: 'X', contactIds: [], leadId: t.ownerUserId },
      { title: 'X', contactIds: [ava.clientId], leadId: t.ownerUserId, startDate: '2026-05-01', dueDate: '2026-04-01' },
      { title: 'X', contactIds: [ava.clientId], leadId: t.ownerUserId, milestones: [{ title: '' }] },
      { title: 'X', contactIds: [ava.clientId], leadId: t.ownerUserId, manualPercent: 101 },
      { title: 'X\r\nBcc: a@b.c', contactIds: [ava.clientId], leadId: t.ownerUserId },
    ];
    for (const body of bad) expect((await t.studio.post(DASHBOARD, '/api/studio/projects', body)).status, JSON.stringify(body)).toBe(400);
    // Someone who is not a client or not on the team of this studio.
    const stranger = { title: 'X', contactIds: ['00000000-0000-4000-8000-000000000000'], leadId: t.ownerUserId };
    expect((await t.studio.post(DASHBOARD, '/api/studio/projects', stranger)).status).toBe(404);
    const noLead = { title: 'X', contactIds: [ava.clientId], leadId: '00000000-0000-4000-8000-000000000000' };
    expect((await t.studio.post(DASHBOARD, '/api/studio/projects', noLead)).status).toBe(404);
    expect(await storedLines()).toEqual(before);
  });

  it('lets a gallery join only a project its client follows', async () => {
    const [ava, bea] = t.clients;
    const before = await storedLines();
    const foreign = await t.studio.post(DASHBOARD, '/api/studio/galleries', {
      clientId: bea.clientId,
      projectId: ava.projectId,
      title: 'Mixed up',
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.fields).toHaveProperty('projectId');
    expect(await storedLines()).toEqual(before);
    const own = await t.studio.post(DASHBOARD, '/api/studio/galleries', {
      clientId: ava.clientId,
      projectId: ava.projectId,
      title: 'Moodboard',
    });
    expect(own.status, own.text).toBe(201);
    expect(own.body.gallery.projectId).toBe(ava.projectId);
  });

  it('never loses a write when two editors change a project at once', async () => {
    const project = await newProject({ milestones: [] });
    const titles = Array.from({ length: 6 }, (_, i) => `Milestone ${i}`);
    const answers = await Promise.all(
      titles.map((title) => t.studio.post(DASHBOARD, `/api/studio/projects/${project.projectId}/milestones`, { title })),
    );
    const ok = answers.filter((a) => a.status === 201).length;
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error === 'changed'))).toBe(true);
    const after = await t.studio.get(DASHBOARD, `/api/studio/projects/${project.projectId}`);
    expect(after.body.project.milestones).toHaveLength(ok);
  });
});
