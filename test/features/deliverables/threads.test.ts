// Deliverable threads against the local stack: @mentions of people on the project (anyone else
// refused, nothing written), who resolves and who reopens, who may touch a thread at all (another
// studio, a member not on the project: 404), and HTML that comes back as text.
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD } from '../../support/http.ts';
import { storedState } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { portalPath, sentDeliverable, studioPath } from './actors.ts';

let t: TenantFixture;
let other: TenantFixture;
let projectId: string;
let deliverableId: string;

beforeAll(async () => {
  [t, other] = await Promise.all([tenantFixture('Mentions'), tenantFixture('Outside')]);
  // Only the first client is a contact; the member is not on the team.
  const created = await t.studio.post(DASHBOARD, '/api/studio/projects', {
    title: 'Threads project',
    contactIds: [t.clients[0].clientId],
    leadId: t.ownerUserId,
  });
  expect(created.status, created.text).toBe(201);
  projectId = created.body.project.projectId;
  ({ deliverableId } = await sentDeliverable(t.studio, projectId, 'Poster'));
}, 240_000);

const comments = '/versions/1/comments';
const clientPost = (body: Record<string, unknown>) =>
  t.clients[0].browser.post(t.portalHost, portalPath(projectId, deliverableId, comments), body);
const studioPost = (body: Record<string, unknown>) => t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, comments), body);
const studioResolve = (commentId: string, resolved: boolean, browser = t.studio) =>
  browser.call(DASHBOARD, 'PUT', studioPath(projectId, deliverableId, `${comments}/${commentId}/resolved`), { json: { resolved } });
const clientResolve = (commentId: string, resolved: boolean) =>
  t.clients[0].browser.call(t.portalHost, 'PUT', portalPath(projectId, deliverableId, `${comments}/${commentId}/resolved`), {
    json: { resolved },
  });

describe('deliverable threads', () => {
  it('answer who may be mentioned, and keep the mentions of comments and replies', async () => {
    const owner = `user:${t.ownerUserId}`;
    const contact = `client:${t.clients[0].clientId}`;
    const seen = await t.clients[0].browser.get(t.portalHost, portalPath(projectId, deliverableId));
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.people.map((p: { person: string }) => p.person).sort()).toEqual([owner, contact].sort());
    expect((await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).body.people).toEqual(seen.body.people);

    const root = await clientPost({ text: `@${t.owner.name} bigger title?`, mentions: [owner] });
    expect(root.status, root.text).toBe(201);
    expect(root.body.comment).toMatchObject({ mine: true, resolvedBy: null, mentions: [{ person: owner, name: t.owner.name }] });
    const reply = await studioPost({ text: `@${t.clients[0].name} yes`, parentId: root.body.comment.commentId, mentions: [contact] });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.comment.mentions).toEqual([{ person: contact, name: t.clients[0].name }]);

    const listed = (await t.clients[0].browser.get(t.portalHost, portalPath(projectId, deliverableId))).body.deliverable.comments;
    const byId = new Map(listed.map((c: { commentId: string }) => [c.commentId, c]));
    expect(byId.get(root.body.comment.commentId)).toMatchObject({ mine: true });
    expect(byId.get(reply.body.comment.commentId)).toMatchObject({ mine: false, parentId: root.body.comment.commentId });
  });

  it('refuse a mention of someone not on the project, writing nothing', async () => {
    const root = await clientPost({ text: 'A thread' });
    const before = await storedState();
    const outsiders = [
      `user:${t.member.userId}`, // on the studio's team, not on this project
      `client:${t.clients[1].clientId}`, // the studio's client, not a contact of this project
      `user:${other.ownerUserId}`,
      `client:${other.clients[0].clientId}`,
    ];
    for (const person of outsiders) {
      for (const body of [
        { text: 'Hello', mentions: [person] },
        { text: 'Hello', mentions: [person], parentId: root.body.comment.commentId },
      ]) {
        const byClient = await clientPost(body);
        expect(byClient.status, byClient.text).toBe(400);
        expect(byClient.body.error).toBe('mention_not_on_project');
        expect((await studioPost(body)).status).toBe(400);
      }
    }
    expect((await clientPost({ text: 'Hi', mentions: ['user:../../x'] })).status).toBe(400);
    expect((await clientPost({ text: 'Hi', mentions: Array.from({ length: 21 }, () => `user:${t.ownerUserId}`) })).status).toBe(400);
    expect(await storedState()).toEqual(before);
  });

  it('are resolved by the studio, reopened by the studio or by the client who started them', async () => {
    const mine = (await clientPost({ text: 'Is this the final font?' })).body.comment.commentId;
    const theirs = (await studioPost({ text: 'Note to the client' })).body.comment.commentId;

    const refused = await clientResolve(mine, true);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('studio_resolves');
    const resolved = await studioResolve(mine, true);
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.comment.resolvedBy).toBe(t.owner.name);
    const reopened = await clientResolve(mine, false);
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body.comment).toMatchObject({ resolvedAt: null, resolvedBy: null });

    expect((await studioResolve(theirs, true)).status).toBe(200);
    const notMine = await clientResolve(theirs, false);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error).toBe('not_your_thread');
    expect((await studioResolve(theirs, false)).body.comment.resolvedAt).toBeNull();

    // A reply is not a thread.
    const reply = (await studioPost({ text: 'Yes', parentId: mine })).body.comment.commentId;
    expect((await studioResolve(reply, true)).status).toBe(404);
  });

  it('are out of reach of another studio and of a member not on the project', async () => {
    const root = (await clientPost({ text: 'Private' })).body.comment.commentId;
    const before = await storedState();
    for (const browser of [other.studio, t.member.browser]) {
      expect((await browser.get(DASHBOARD, studioPath(projectId, deliverableId))).status).toBe(404);
      expect((await browser.post(DASHBOARD, studioPath(projectId, deliverableId, comments), { text: 'Hi', parentId: root })).status).toBe(
        404,
      );
      expect((await studioResolve(root, true, browser)).status).toBe(404);
    }
    // The studio's other client is not a contact of the project.
    const stranger = t.clients[1].browser;
    expect(
      (
        await stranger.call(t.portalHost, 'PUT', portalPath(projectId, deliverableId, `${comments}/${root}/resolved`), {
          json: { resolved: false },
        })
      ).status,
    ).toBe(404);
    expect(await storedState()).toEqual(before);
  });

  it('keep HTML and script as text', async () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)> @Nobody';
    const posted = await clientPost({ text });
    expect(posted.body.comment.text).toBe(text);
    const reply = await studioPost({ text: `<a href="javascript:alert(3)">x</a>`, parentId: posted.body.comment.commentId });
    expect(reply.body.comment.text).toBe('<a href="javascript:alert(3)">x</a>');
  });
});
