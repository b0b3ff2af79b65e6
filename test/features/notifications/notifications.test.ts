// The notification centre: notify writes notes for the right people only, collapses a thread's
// unread messages, keeps mentions, counts unread cheaply; settings mute projects (a mention still
// gets through); the burst email rule, driven with a controlled `now`; the other features' hooks.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifyDeadlines } from '../../../shared/features/deliverables/domain/deadlines.ts';
import { sendMessageEmails, sendNotificationDigests } from '../../../shared/features/notifications/domain/jobs.ts';
import { markThreadSeen, type NoteInput, notify } from '../../../shared/features/notifications/index.ts';
import { clientPerson, userPerson } from '../../../shared/features/people/index.ts';
import { DASHBOARD, mailbox } from '../../support/http.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';

let t: TenantFixture;
const STUDIO_NOTES = '/api/studio/notifications';
const PORTAL_NOTES = '/api/portal/notifications';

beforeAll(async () => {
  t = await tenantFixture('Notes');
}, 180_000);

const ava = () => t.clients[0];
const bea = () => t.clients[1];

function message(over: Partial<NoteInput> & { threadId: string; seq: number }): NoteInput {
  const { threadId, seq, ...rest } = over;
  return {
    studioId: t.studioId,
    kind: 'message',
    projectId: ava().projectId,
    projectTitle: 'Harbor & Pine rebrand',
    title: `Owner: message ${seq}`,
    link: { studio: `/projects/${ava().projectId}#messages`, client: `/projects/${ava().projectId}#messages` },
    actor: userPerson(t.ownerUserId),
    recipients: [userPerson(t.ownerUserId), clientPerson(ava().clientId)],
    thread: { threadId, seq },
    ...rest,
  };
}

const portalNotes = async (c = ava()) => (await c.browser.get(t.portalHost, PORTAL_NOTES)).body;
const portalUnread = async (c = ava()) => (await c.browser.get(t.portalHost, `${PORTAL_NOTES}/unread`)).body.unread as number;

describe('notifications', () => {
  it('the hooks: a version sent for review left a deliverableReady note for the contacts', async () => {
    const notes = (await portalNotes()).notes as Array<{ kind: string; link: string }>;
    expect(notes.some((n) => n.kind === 'deliverableReady' && n.link.includes(ava().deliverableId))).toBe(true);
  });

  it('the hooks: sharing a file, publishing a gallery and a client decision notify the right side', async () => {
    const kinds = async (c = ava()) => ((await portalNotes(c)).notes as Array<{ kind: string }>).map((n) => n.kind);
    expect(await kinds()).toContain('fileShared');
    const made = await t.studio.post(DASHBOARD, '/api/studio/galleries', { clientId: ava().clientId, title: 'Hook gallery' });
    expect(made.status, made.text).toBe(201);
    const galleryId = made.body.gallery.galleryId as string;
    const titles = async (c = ava()) => ((await portalNotes(c)).notes as Array<{ title: string }>).map((n) => n.title);
    expect(await titles()).not.toContain('Hook gallery is ready to view');
    const published = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } });
    expect(published.status, published.text).toBe(200);
    const ready = (await portalNotes()).notes.find((n: { title: string }) => n.title === 'Hook gallery is ready to view');
    expect(ready).toMatchObject({ kind: 'galleryReady', link: `/galleries/${galleryId}`, read: false });
    // Another client of the studio is not told of Ava's gallery.
    expect(await titles(bea())).not.toContain('Hook gallery is ready to view');
    const decided = await ava().browser.post(
      t.portalHost,
      `/api/portal/projects/${ava().projectId}/deliverables/${ava().deliverableId}/versions/${ava().version}/decision`,
      { decision: 'approve' },
    );
    expect(decided.status, decided.text).toBe(200);
    const team = (await t.studio.get(DASHBOARD, STUDIO_NOTES)).body.notes as Array<{ kind: string; title: string; link: string }>;
    expect(team.find((n) => n.kind === 'deliverableDecided')).toMatchObject({
      title: expect.stringContaining(`${ava().name}: approved`),
      link: `/projects/${ava().projectId}/deliverables/${ava().deliverableId}`,
    });
    // The actor is never told of their own decision.
    expect(await kinds()).not.toContain('deliverableDecided');
  });

  it('writes notes for the recipients only, never the actor nor another studio, and collapses a thread', async () => {
    expect((await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/read-all`, {})).body.unread).toBe(0);
    const threadId = randomUUID();
    const ownerBefore = (await t.studio.get(DASHBOARD, STUDIO_NOTES)).body.notes.length;
    for (let seq = 1; seq <= 3; seq++) await notify(message({ threadId, seq }));
    await notify({ ...message({ threadId: randomUUID(), seq: 1 }), studioId: randomUUID() });
    expect(await portalUnread()).toBe(1);
    const [top] = (await portalNotes()).notes;
    expect(top).toMatchObject({
      kind: 'message',
      count: 3,
      title: '3 new messages in Harbor & Pine rebrand',
      snippet: 'Owner: message 3',
      read: false,
    });
    // The actor (the owner) is not told of their own messages.
    expect((await t.studio.get(DASHBOARD, STUDIO_NOTES)).body.notes.length).toBe(ownerBefore);
    expect(await portalUnread(bea())).toBeGreaterThanOrEqual(0);
    expect((await portalNotes(bea())).notes.some((n: { title: string }) => n.title.includes('message 3'))).toBe(false);
  });

  it('keeps mentions as their own entries in Mentions after newer activity, and marks one and all read', async () => {
    await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/read-all`, {});
    const threadId = randomUUID();
    await notify(message({ threadId, seq: 1, title: 'Owner: @Ava can you check?', mentioned: [clientPerson(ava().clientId)] }));
    for (let seq = 2; seq <= 4; seq++) await notify(message({ threadId, seq }));
    const mentions = (await ava().browser.get(t.portalHost, `${PORTAL_NOTES}/mentions`)).body.notes;
    expect(mentions[0]).toMatchObject({ kind: 'mention', title: 'Owner: @Ava can you check?', read: false });
    expect(await portalUnread()).toBe(2);
    const read = await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/${mentions[0].noteId}/read`, {});
    expect(read.status, read.text).toBe(200);
    expect(read.body.unread).toBe(1);
    expect((await ava().browser.get(t.portalHost, `${PORTAL_NOTES}/mentions`)).body.notes[0].read).toBe(true);
    // Reading it again, or an id the caller does not have, changes nothing.
    expect((await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/${mentions[0].noteId}/read`, {})).body.unread).toBe(1);
    expect((await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/read-all`, {})).body.unread).toBe(0);
    expect((await portalNotes()).notes.every((n: { read: boolean }) => n.read)).toBe(true);
    const bad = await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/not-an-id/read`, {});
    expect(bad.status).toBe(400);
  });

  it('markThreadSeen reads the thread’s note, and the next message opens a new one', async () => {
    await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/read-all`, {});
    const threadId = randomUUID();
    await notify(message({ threadId, seq: 1 }));
    await notify(message({ threadId, seq: 2 }));
    expect(await portalUnread()).toBe(1);
    await markThreadSeen(t.studioId, clientPerson(ava().clientId), threadId, 2);
    expect(await portalUnread()).toBe(0);
    await notify(message({ threadId, seq: 3 }));
    expect(await portalUnread()).toBe(1);
    expect((await portalNotes()).notes[0]).toMatchObject({ count: 1, title: 'Owner: message 3', read: false });
  });

  it('skips a muted project unless the person is mentioned, and validates settings', async () => {
    const put = (body: unknown) => ava().browser.call(t.portalHost, 'PUT', `${PORTAL_NOTES}/settings`, { json: body });
    expect((await put({ emailMode: 'every', muted: [ava().projectId] })).status).toBe(200);
    expect((await ava().browser.get(t.portalHost, `${PORTAL_NOTES}/settings`)).body).toEqual({
      emailMode: 'every',
      muted: [ava().projectId],
    });
    await ava().browser.post(t.portalHost, `${PORTAL_NOTES}/read-all`, {});
    await notify(message({ threadId: randomUUID(), seq: 1 }));
    expect(await portalUnread()).toBe(0);
    await notify(message({ threadId: randomUUID(), seq: 1, mentioned: [clientPerson(ava().clientId)] }));
    expect(await portalUnread()).toBe(1);
    expect((await put({ emailMode: 'every', muted: [randomUUID()] })).status).toBe(404);
    expect((await put({ emailMode: 'sometimes', muted: [] })).status).toBe(400);
    expect((await put({ emailMode: 'every', muted: ['x'] })).status).toBe(400);
    expect((await put({ emailMode: 'every', muted: [], extra: 1 })).status).toBe(400);
    expect((await put({ emailMode: 'every', muted: [] })).body).toEqual({ emailMode: 'every', muted: [] });
    const studioPut = await t.studio.call(DASHBOARD, 'PUT', `${STUDIO_NOTES}/settings`, {
      json: { emailMode: 'off', muted: [ava().projectId] },
    });
    expect(studioPut.status, studioPut.text).toBe(200);
    await t.studio.call(DASHBOARD, 'PUT', `${STUDIO_NOTES}/settings`, { json: { emailMode: 'every', muted: [] } });
  });

  it('emails a burst once after 5 unseen minutes, never when seen in time, and a later message starts a new burst', async () => {
    const sentTo = async (subject: RegExp) => (await mailbox()).filter((m) => m.to.includes(ava().email) && subject.test(m.subject));
    const start = new Date(Date.now() + 86_400_000 * 30);
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    // Seen before due: no email.
    const seenThread = randomUUID();
    for (let seq = 1; seq <= 5; seq++)
      await notify(message({ threadId: seenThread, seq, projectTitle: 'Seen project', now: at(seq / 10) }));
    await markThreadSeen(t.studioId, clientPerson(ava().clientId), seenThread, 5);
    await sendMessageEmails(at(6));
    expect(await sentTo(/Seen project/)).toHaveLength(0);
    // Not seen: exactly one email listing the five.
    const thread = randomUUID();
    for (let seq = 1; seq <= 7; seq++)
      await notify(message({ threadId: thread, seq, projectTitle: 'Burst project', now: at(10 + seq / 10) }));
    await sendMessageEmails(at(14));
    expect(await sentTo(/Burst project/)).toHaveLength(0);
    await sendMessageEmails(at(16));
    await sendMessageEmails(at(17));
    const mails = await sentTo(/Burst project/);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('7 new messages in Burst project');
    expect(mails[0]?.text).toContain('Owner: message 1');
    expect(mails[0]?.text).toContain('and 2 more');
    expect(mails[0]?.text).not.toContain('Owner: message 6');
    // A later message: a new burst, a second email.
    await notify(message({ threadId: thread, seq: 8, projectTitle: 'Burst project', now: at(20) }));
    await sendMessageEmails(at(26));
    const again = await sentTo(/Burst project/);
    expect(again).toHaveLength(2);
    expect(again.map((m) => m.subject)).toContain('New message in Burst project');
  });

  it('sends nothing in off mode and one daily digest in digest mode', async () => {
    const put = (emailMode: string) =>
      bea().browser.call(t.portalHost, 'PUT', `${PORTAL_NOTES}/settings`, { json: { emailMode, muted: [] } });
    const to = (subject: RegExp) => async () => (await mailbox()).filter((m) => m.to.includes(bea().email) && subject.test(m.subject));
    const start = new Date(Date.now() + 86_400_000 * 60);
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const recipients = [clientPerson(bea().clientId)];
    expect((await put('off')).status).toBe(200);
    await notify(message({ threadId: randomUUID(), seq: 1, recipients, projectTitle: 'Quiet project', now: at(0) }));
    await sendMessageEmails(at(10));
    expect(await to(/Quiet project/)()).toHaveLength(0);
    expect((await put('digest')).status).toBe(200);
    await notify(message({ threadId: randomUUID(), seq: 1, recipients, projectTitle: 'Digest project', now: at(1) }));
    await sendMessageEmails(at(10));
    expect(await to(/Digest project/)()).toHaveLength(0);
    await sendNotificationDigests(at(60));
    await sendNotificationDigests(at(61));
    const digests = await to(/daily summary/)();
    expect(digests).toHaveLength(1);
    expect(digests[0]?.text).toContain('Owner: message 1');
    await put('every');
  });

  it('tells the team and the contacts of a review due within 2 days, once per item per day', async () => {
    const dueSoon = (notes: Array<{ kind: string; link: string }>) =>
      notes.filter((n) => n.kind === 'deadlineNear' && n.link.includes(bea().deliverableId)).length;
    const now = new Date('2099-01-30T06:00:00.000Z');
    await notifyDeadlines(now);
    await notifyDeadlines(now);
    expect(dueSoon((await portalNotes(bea())).notes)).toBe(1);
    const team = (await t.studio.get(DASHBOARD, STUDIO_NOTES)).body.notes;
    expect(dueSoon(team)).toBe(1);
    expect(team.find((n: { kind: string }) => n.kind === 'deadlineNear').title).toMatch(/review due tomorrow$/);
  });
});
