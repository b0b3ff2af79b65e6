// Comment threads on gallery images against the local stack: replies one level deep, @mentions of
// the gallery's people (anyone else refused with nothing written), resolve and reopen by who may,
// the team's routes (another studio and an unassigned member get 404), and text that stays text.
import { beforeAll, describe, expect, it } from 'vitest';
import { addReadyImages } from '../../support/fixtures.ts';
import { type Browser, DASHBOARD } from '../../support/http.ts';
import { galleryRules } from '../../support/portal-actors.ts';
import { storedState } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';

let t: TenantFixture;
let other: TenantFixture;
let galleryId: string;
let imageId: string;
let secondImageId: string;

const portalOn = (rest = '') => `/api/portal/galleries/${galleryId}${rest}`;
const studioOn = (rest = '') => `/api/studio/galleries/${galleryId}${rest}`;

beforeAll(async () => {
  [t, other] = await Promise.all([tenantFixture('Thread'), tenantFixture('Elsewhere')]);
  const created = await t.studio.post(DASHBOARD, '/api/studio/galleries', {
    clientId: t.clients[0].clientId,
    title: 'Threads session',
    deadline: '2099-12-31',
    rules: galleryRules(),
  });
  expect(created.status, created.text).toBe(201);
  galleryId = created.body.gallery.galleryId;
  [imageId, secondImageId] = (await addReadyImages(t.studioId, galleryId, 2)) as [string, string];
  const published = await t.studio.call(DASHBOARD, 'PATCH', studioOn(), { json: { status: 'proofing' } });
  expect(published.status, published.text).toBe(200);
}, 240_000);

const clientBrowser = () => t.clients[0].browser;
const clientComment = (body: Record<string, unknown>, image = imageId) =>
  clientBrowser().post(t.portalHost, portalOn(`/images/${image}/comments`), body);
const studioComment = (browser: Browser, body: Record<string, unknown>, image = imageId) =>
  browser.post(DASHBOARD, studioOn(`/images/${image}/comments`), body);
const resolve = (browser: Browser, commentId: string, resolved: boolean, image = imageId) =>
  browser.call(DASHBOARD, 'PUT', studioOn(`/images/${image}/comments/${commentId}/resolved`), { json: { resolved } });
const reopen = (browser: Browser, commentId: string, resolved = false) =>
  browser.call(t.portalHost, 'PUT', portalOn(`/images/${imageId}/comments/${commentId}/resolved`), { json: { resolved } });

describe('threads on a gallery image', () => {
  it('take replies and mentions of the gallery’s people, and the team sees them by image', async () => {
    const people = await clientBrowser().get(t.portalHost, portalOn('/people'));
    expect(people.status, people.text).toBe(200);
    const owner = `user:${t.ownerUserId}`;
    const me = `client:${t.clients[0].clientId}`;
    expect(people.body.people.map((p: { person: string }) => p.person).sort()).toEqual([owner, me].sort());
    // The unassigned member does not work on this gallery: not mentionable.
    expect(people.body.people.some((p: { person: string }) => p.person === `user:${t.member.userId}`)).toBe(false);
    const studioPeople = await t.studio.get(DASHBOARD, studioOn('/people'));
    expect(studioPeople.body.people).toEqual(people.body.people);

    const root = await clientComment({ text: `Can @${t.owner.name} warm this one up?`, mentions: [owner] });
    expect(root.status, root.text).toBe(201);
    expect(root.body.comment).toMatchObject({ parentId: null, mine: true, resolvedAt: null, resolvedBy: null });
    expect(root.body.comment.mentions).toEqual([{ person: owner, name: t.owner.name }]);
    const rootId = root.body.comment.commentId;

    const reply = await studioComment(t.studio, { text: `Sure, @${t.clients[0].name}`, parentId: rootId, mentions: [me] });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.comment).toMatchObject({ parentId: rootId, author: 'studio', mine: true });
    const clientReply = await clientComment({ text: 'Thanks!', parentId: rootId });
    expect(clientReply.status, clientReply.text).toBe(201);

    // One level deep: a reply to a reply, or to a thread on another image, names no thread.
    expect((await clientComment({ text: 'Nested', parentId: reply.body.comment.commentId })).status).toBe(404);
    expect((await clientComment({ text: 'Elsewhere', parentId: rootId }, secondImageId)).status).toBe(404);

    const listed = await clientBrowser().get(t.portalHost, portalOn(`/images/${imageId}/comments`));
    expect(listed.body.comments.map((c: { commentId: string }) => c.commentId)).toEqual([
      rootId,
      reply.body.comment.commentId,
      clientReply.body.comment.commentId,
    ]);
    expect(listed.body.comments[1]).toMatchObject({ mine: false, author: 'studio' });

    const studioListed = await t.studio.get(DASHBOARD, studioOn('/comments'));
    expect(studioListed.status, studioListed.text).toBe(200);
    expect(studioListed.body.comments.filter((c: { imageId: string }) => c.imageId === imageId)).toHaveLength(3);
    expect(studioListed.body.comments[0]).toMatchObject({ commentId: rootId, mine: false });
  });

  it('refuse a mention of anyone who may not see the gallery, writing nothing', async () => {
    const before = await storedState();
    const outsiders = [
      `user:${t.member.userId}`, // on the team, not assigned to this gallery
      `client:${t.clients[1].clientId}`, // the studio's other client
      `user:${other.ownerUserId}`, // another studio's owner
      `client:${other.clients[0].clientId}`,
    ];
    for (const person of outsiders) {
      const refused = await clientComment({ text: 'Hello', mentions: [person] });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.error).toBe('mention_not_on_project');
      const byStudio = await studioComment(t.studio, { text: 'Hello', mentions: [person] });
      expect(byStudio.status, byStudio.text).toBe(400);
    }
    expect((await clientComment({ text: 'Hello', mentions: ['nobody'] })).status).toBe(400);
    expect(await storedState()).toEqual(before);
  });

  it('resolve by the team only; the client reopens its own thread', async () => {
    const mine = await clientComment({ text: 'Too dark?' });
    const theirs = await studioComment(t.studio, { text: 'We cropped this one.' });
    const mineId = mine.body.comment.commentId;
    const theirsId = theirs.body.comment.commentId;

    // A client cannot resolve (not even its own thread).
    expect((await reopen(clientBrowser(), mineId, true)).status).toBe(403);
    const resolved = await resolve(t.studio, mineId, true);
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.comment.resolvedAt).not.toBeNull();
    expect(resolved.body.comment.resolvedBy).toBe(t.owner.name);

    const reopened = await reopen(clientBrowser(), mineId);
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body.comment).toMatchObject({ resolvedAt: null, resolvedBy: null });

    // Not the client's thread: refused, and it stays resolved.
    expect((await resolve(t.studio, theirsId, true)).status).toBe(200);
    const notMine = await reopen(clientBrowser(), theirsId);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error).toBe('not_your_thread');
    // The team reopens it.
    expect((await resolve(t.studio, theirsId, false)).body.comment.resolvedAt).toBeNull();

    // A reply is no thread to resolve; nor is a thread named on another image.
    const reply = await studioComment(t.studio, { text: 'Done', parentId: mineId });
    expect((await resolve(t.studio, reply.body.comment.commentId, true)).status).toBe(404);
    expect((await resolve(t.studio, mineId, true, secondImageId)).status).toBe(404);
  });

  it('are the gallery studio’s and its assigned team’s alone', async () => {
    const root = await clientComment({ text: 'Private thread' });
    const rootId = root.body.comment.commentId;
    const before = await storedState();
    // Another studio, and a member not assigned to the gallery: not found.
    for (const browser of [other.studio, t.member.browser]) {
      expect((await browser.get(DASHBOARD, studioOn('/comments'))).status).toBe(404);
      expect((await browser.get(DASHBOARD, studioOn('/people'))).status).toBe(404);
      expect((await studioComment(browser, { text: 'Hi', parentId: rootId })).status).toBe(404);
      expect((await resolve(browser, rootId, true)).status).toBe(404);
    }
    // Another client of the same studio.
    const stranger = t.clients[1].browser;
    expect((await stranger.post(t.portalHost, portalOn(`/images/${imageId}/comments`), { text: 'Hi', parentId: rootId })).status).toBe(404);
    expect(
      (await stranger.call(t.portalHost, 'PUT', portalOn(`/images/${imageId}/comments/${rootId}/resolved`), { json: { resolved: false } }))
        .status,
    ).toBe(404);
    expect(await storedState()).toEqual(before);

    // Assigned, the member may read, reply and resolve, and becomes mentionable.
    const assigned = await t.studio.call(DASHBOARD, 'PATCH', studioOn(), { json: { assigneeIds: [t.member.userId] } });
    expect(assigned.status, assigned.text).toBe(200);
    expect((await t.member.browser.get(DASHBOARD, studioOn('/comments'))).status).toBe(200);
    const memberReply = await studioComment(t.member.browser, { text: 'On it', parentId: rootId });
    expect(memberReply.status, memberReply.text).toBe(201);
    expect((await resolve(t.member.browser, rootId, true)).status).toBe(200);
    const mention = await clientComment({ text: 'Thanks', mentions: [`user:${t.member.userId}`] });
    expect(mention.status, mention.text).toBe(201);
  });

  it('keep HTML and script as text', async () => {
    const text = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quotes"';
    const posted = await clientComment({ text });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body.comment.text).toBe(text);
    const reply = await studioComment(t.studio, { text: `<b>${text}</b>`, parentId: posted.body.comment.commentId });
    expect(reply.body.comment.text).toBe(`<b>${text}</b>`);
    const listed = await t.studio.get(DASHBOARD, studioOn('/comments?limit=100'));
    expect(listed.body.comments.some((c: { text: string }) => c.text === text)).toBe(true);
  });
});
