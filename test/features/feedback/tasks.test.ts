// Project feedback as the team's tasks, against the local stack: a contact submits, it lands in the
// lead's inbox, the team triages it through every move (and is refused the ones the table forbids),
// assigns only people on the project, keeps internal notes the client never sees, and the client is
// mailed when it is done or declined. Outsiders see nothing; bad input and Starter are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { setStudioPlanForTest } from '../../support/fixtures.ts';
import { type Answer, type Browser, DASHBOARD, mailbox } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { joinTeam, type TeamMate } from '../team/actors.ts';

let t: TenantFixture;
let projectId: string;
let member: TeamMate;
let outsider: TeamMate;
const NOTE = 'INTERNAL-NOTE-never-for-the-client';

const portalPath = (path = '') => `/api/portal/projects/${projectId}/feedback${path}`;
const studioPath = (path = '') => `/api/studio/projects/${projectId}/feedback${path}`;
/** Every answer a client got in this file: none may hold an internal note. */
const clientAnswers: Answer[] = [];

async function asClient(b: Browser, method: 'GET' | 'POST', path: string, json?: unknown): Promise<Answer> {
  const answer = await b.call(t.portalHost, method, path, json === undefined ? {} : { json });
  clientAnswers.push(answer);
  return answer;
}

async function submit(subject: string, message = 'The hero image crops the logo on my phone.', category?: string) {
  const answer = await asClient(t.clients[0].browser, 'POST', portalPath(), { subject, message, ...(category ? { category } : {}) });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.feedback as { feedbackId: string; state: string };
}

const triage = (feedbackId: string, json: Record<string, unknown>, who: Browser = t.studio) =>
  who.call(DASHBOARD, 'PATCH', studioPath(`/${feedbackId}`), { json });

async function revisionOf(feedbackId: string): Promise<number> {
  const tab = await t.studio.get(DASHBOARD, studioPath());
  return tab.body.feedback.find((f: { feedbackId: string }) => f.feedbackId === feedbackId).revision;
}

async function move(feedbackId: string, json: Record<string, unknown>) {
  const answer = await triage(feedbackId, { revision: await revisionOf(feedbackId), ...json });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.feedback;
}

const inboxOf = async (who: Browser) => {
  const answer = await who.get(DASHBOARD, '/api/studio/inbox');
  expect(answer.status, answer.text).toBe(200);
  return answer.body.tasks as Array<{ feedbackId: string; projectTitle: string; state: string; dueDate: string | null }>;
};

const mailsTo = async (email: string) => (await mailbox()).filter((m) => m.to.includes(email));

beforeAll(async () => {
  t = await tenantFixture('Tasks');
  member = await joinTeam(t.studio, 'member', 'designer');
  outsider = await joinTeam(t.studio, 'member', 'outsider');
  const made = await t.studio.post(DASHBOARD, '/api/studio/projects', {
    title: 'Harbour signage',
    contactIds: [t.clients[0].clientId],
    leadId: t.ownerUserId,
    team: [{ userId: member.userId, projectRole: 'Designer' }],
    status: 'in_progress',
  });
  expect(made.status, made.text).toBe(201);
  projectId = made.body.project.projectId;
}, 240_000);

describe('submitting', () => {
  it("lands as a new task in the lead's inbox, not in anyone else's, and the client sees it", async () => {
    const sent = await submit('Logo crowds the menu', 'On my phone the mark crowds the menu.', 'design');
    expect(sent).toMatchObject({ state: 'new', subject: 'Logo crowds the menu', category: 'design', declineReason: null });
    expect(Object.keys(sent)).not.toContain('notes');
    expect(Object.keys(sent)).not.toContain('assignee');

    const lead = await inboxOf(t.studio);
    expect(lead.find((x) => x.feedbackId === sent.feedbackId)).toMatchObject({ projectTitle: 'Harbour signage', state: 'new' });
    expect((await inboxOf(member.browser)).map((x) => x.feedbackId)).not.toContain(sent.feedbackId);
    expect((await inboxOf(outsider.browser)).map((x) => x.feedbackId)).not.toContain(sent.feedbackId);

    const tab = await t.studio.get(DASHBOARD, studioPath());
    expect(tab.status, tab.text).toBe(200);
    expect(tab.body.feedback[0]).toMatchObject({
      feedbackId: sent.feedbackId,
      submittedBy: { clientId: t.clients[0].clientId },
      assignee: { userId: t.ownerUserId },
      notes: [],
      revision: 1,
    });
    expect(tab.body.team.map((m: { userId: string }) => m.userId)).toEqual(expect.arrayContaining([t.ownerUserId, member.userId]));

    const mine = await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(mine.status).toBe(200);
    expect(mine.body.feedback[0]).toMatchObject({ feedbackId: sent.feedbackId, state: 'new' });
  });

  it('answers bad input with a 400 that stores nothing', async () => {
    const before = await storedLines();
    for (const body of [
      {},
      { subject: '', message: 'x' },
      { subject: 'Two\r\nBcc: x@example.com', message: 'x' },
      { subject: 'x'.repeat(121), message: 'x' },
      { subject: 'ok', message: '' },
      { subject: 'ok', message: 'x'.repeat(2001) },
      { subject: 'ok', message: 'x', category: 'gossip' },
      { subject: 'ok', message: 'x', extra: 1 },
    ]) {
      const answer = await asClient(t.clients[0].browser, 'POST', portalPath(), body);
      expect(answer.status, JSON.stringify(body).slice(0, 50)).toBe(400);
    }
    const bad = await t.studio.call(DASHBOARD, 'PATCH', studioPath('/not-an-id'), { json: { revision: 1 } });
    expect(bad.status).toBe(400);
    expect(await storedLines()).toEqual(before);
  });

  it('keeps HTML as text', async () => {
    const sent = await submit('<img src=x onerror=alert(1)>', '<script>alert(1)</script>');
    const mine = await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(mine.body.feedback.find((f: { feedbackId: string }) => f.feedbackId === sent.feedbackId).subject).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('triage', () => {
  it('accepts, then done: leaves the inbox, and the client sees Done and gets a branded mail', async () => {
    const sent = await submit('Swap the footer photo');
    expect((await move(sent.feedbackId, { state: 'accepted', dueDate: '2099-03-01' })).state).toBe('accepted');
    expect((await inboxOf(t.studio)).find((x) => x.feedbackId === sent.feedbackId)).toMatchObject({
      state: 'accepted',
      dueDate: '2099-03-01',
    });
    expect((await move(sent.feedbackId, { state: 'done' })).state).toBe('done');
    expect((await inboxOf(t.studio)).map((x) => x.feedbackId)).not.toContain(sent.feedbackId);
    const mine = await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(mine.body.feedback.find((f: { feedbackId: string }) => f.feedbackId === sent.feedbackId).state).toBe('done');
    const mail = (await mailsTo(t.clients[0].email)).find((m) => m.subject === 'Done: Swap the footer photo');
    expect(mail?.text).toContain('Swap the footer photo');
    expect(mail?.html).toContain(t.studioName);
    // Reopened: back in the inbox.
    expect((await move(sent.feedbackId, { state: 'accepted' })).state).toBe('accepted');
    expect((await inboxOf(t.studio)).map((x) => x.feedbackId)).toContain(sent.feedbackId);
  });

  it('declines only with a reason, which the client sees and is mailed', async () => {
    const sent = await submit('Make the logo bigger');
    const refused = await triage(sent.feedbackId, { revision: 1, state: 'declined' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('reason_required');
    await move(sent.feedbackId, { state: 'declined', reason: 'The brand guide fixes its size.' });
    const mine = await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(mine.body.feedback.find((f: { feedbackId: string }) => f.feedbackId === sent.feedbackId)).toMatchObject({
      state: 'declined',
      declineReason: 'The brand guide fixes its size.',
    });
    const mail = (await mailsTo(t.clients[0].email)).find((m) => m.subject === 'About your feedback: Make the logo bigger');
    expect(mail?.text).toContain('The brand guide fixes its size.');
    expect((await inboxOf(t.studio)).map((x) => x.feedbackId)).not.toContain(sent.feedbackId);
    expect((await move(sent.feedbackId, { state: 'new' })).declineReason).toBeNull();
  });

  it('marks a duplicate of feedback of the same project only, and shows the client the original', async () => {
    const first = await submit('Wrong phone number in the footer');
    const again = await submit('Footer phone number is wrong');
    const self = await triage(again.feedbackId, { revision: 1, state: 'duplicate', duplicateOf: again.feedbackId });
    expect(self.body.error).toBe('duplicate_of_self');
    const unknown = await triage(again.feedbackId, { revision: 1, state: 'duplicate', duplicateOf: t.clients[1].feedbackId });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('duplicate_of_unknown');
    await move(again.feedbackId, { state: 'duplicate', duplicateOf: first.feedbackId });
    const mine = await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(mine.body.feedback.find((f: { feedbackId: string }) => f.feedbackId === again.feedbackId)).toMatchObject({
      state: 'duplicate',
      duplicateOf: { feedbackId: first.feedbackId, subject: 'Wrong phone number in the footer' },
    });
  });

  it('snoozes until a later day only, keeps it in the inbox, and the client sees until when', async () => {
    const sent = await submit('Add a French version');
    const past = await triage(sent.feedbackId, { revision: 1, state: 'snoozed', snoozedUntil: '2020-01-01' });
    expect(past.body.error).toBe('snooze_date_past');
    const missing = await triage(sent.feedbackId, { revision: 1, state: 'snoozed' });
    expect(missing.body.error).toBe('snooze_date_required');
    await move(sent.feedbackId, { state: 'snoozed', snoozedUntil: '2099-01-01' });
    const mine = await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(mine.body.feedback.find((f: { feedbackId: string }) => f.feedbackId === sent.feedbackId)).toMatchObject({
      state: 'snoozed',
      snoozedUntil: '2099-01-01',
    });
    expect((await inboxOf(t.studio)).find((x) => x.feedbackId === sent.feedbackId)?.state).toBe('snoozed');
    const filtered = await t.studio.get(DASHBOARD, `${studioPath()}?state=snoozed`);
    expect(filtered.body.feedback.map((f: { feedbackId: string }) => f.feedbackId)).toEqual([sent.feedbackId]);
  });

  it('refuses moves the table forbids, a reason without a state, and a stale revision', async () => {
    const sent = await submit('Tighten the kerning');
    const skip = await triage(sent.feedbackId, { revision: 1, state: 'done' });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toBe('transition_not_allowed');
    const loose = await triage(sent.feedbackId, { revision: 1, reason: 'why' });
    expect(loose.body.error).toBe('state_required');
    // Two editors on the same revision: one wins, the other is told it changed.
    const both = await Promise.all([
      triage(sent.feedbackId, { revision: 1, state: 'accepted' }),
      triage(sent.feedbackId, { revision: 1, dueDate: '2099-05-05' }),
    ]);
    expect(both.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(both.find((a) => a.status === 409)?.body.error).toBe('changed');
    const stale = await triage(sent.feedbackId, { revision: 1, state: 'accepted' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('changed');
  });
});

describe('assignees and the inbox', () => {
  it('assigns only someone on the project; the task moves to their inbox', async () => {
    const sent = await submit('Check the map pin');
    const off = await triage(sent.feedbackId, { revision: 1, assigneeId: outsider.userId });
    expect(off.status).toBe(400);
    expect(off.body.error).toBe('assignee_not_on_project');
    const moved = await move(sent.feedbackId, { assigneeId: member.userId, dueDate: '2099-02-02' });
    expect(moved.assignee.userId).toBe(member.userId);
    expect((await inboxOf(member.browser)).map((x) => x.feedbackId)).toContain(sent.feedbackId);
    expect((await inboxOf(t.studio)).map((x) => x.feedbackId)).not.toContain(sent.feedbackId);
    // The member, on the project, may triage it; the outsider may not even see the tab.
    const rev = await revisionOf(sent.feedbackId);
    expect((await triage(sent.feedbackId, { revision: rev, state: 'accepted' }, member.browser)).status).toBe(200);
    expect((await outsider.browser.get(DASHBOARD, studioPath())).status).toBe(404);
    expect((await triage(sent.feedbackId, { revision: rev + 1, state: 'done' }, outsider.browser)).status).toBe(404);
    expect(await inboxOf(outsider.browser)).toEqual([]);
  });

  it('sorts the inbox by due date, or newest first', async () => {
    const due = (await inboxOf(t.studio)).map((x) => x.dueDate ?? '9999-12-31');
    expect(due).toEqual([...due].sort());
    const newest = await t.studio.get(DASHBOARD, '/api/studio/inbox?sort=newest');
    const created = newest.body.tasks.map((x: { createdAt: string }) => x.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect((await t.studio.get(DASHBOARD, '/api/studio/inbox?sort=oldest')).status).toBe(400);
  });
});

describe('internal notes', () => {
  it('the team sees them with author and time; no client answer or mail ever holds them', async () => {
    const sent = await submit('Rename the About page');
    const noted = await t.studio.post(DASHBOARD, studioPath(`/${sent.feedbackId}/notes`), { text: NOTE });
    expect(noted.status, noted.text).toBe(201);
    expect(noted.body.feedback.notes[0]).toMatchObject({ authorId: t.ownerUserId, text: NOTE });
    expect(noted.body.feedback.notes[0].at).toMatch(/^\d{4}-/);
    await move(sent.feedbackId, { state: 'accepted' });
    await move(sent.feedbackId, { state: 'done' });
    await asClient(t.clients[0].browser, 'GET', portalPath());
    expect(clientAnswers.length).toBeGreaterThan(5);
    for (const answer of clientAnswers) expect(answer.text).not.toContain(NOTE);
    expect((await asClient(t.clients[0].browser, 'GET', `/api/portal/projects/${projectId}`)).text).not.toContain(NOTE);
    for (const mail of await mailsTo(t.clients[0].email)) expect(mail.text + mail.html).not.toContain(NOTE);
    expect((await member.browser.get(DASHBOARD, studioPath())).text).toContain(NOTE);
  });
});

describe('attachments', () => {
  const attach = async (fileName: string, contentType: string, bytes: Uint8Array) => {
    const started = await asClient(t.clients[0].browser, 'POST', portalPath('/attachments'), { fileName, contentType, size: bytes.length });
    expect(started.status, started.text).toBe(201);
    const put = await fetch(started.body.ticket.put.url, { method: 'PUT', headers: started.body.ticket.put.headers, body: bytes });
    expect(put.status).toBe(200);
    return started.body.attachment as { attachmentId: string; fileName: string; contentType: string; size: number };
  };

  it('travels with the feedback; the team and the sender download it, no one else', async () => {
    const bytes = new TextEncoder().encode('Screenshot stand-in: the menu overlaps the logo.');
    const file = await attach('menu on phone.txt', 'text/plain', bytes);
    const sent = await asClient(t.clients[0].browser, 'POST', portalPath(), {
      subject: 'With a screenshot',
      message: 'See the attached file.',
      attachments: [file],
    });
    expect(sent.status, sent.text).toBe(201);
    const id = sent.body.feedback.feedbackId as string;
    expect(sent.body.feedback.attachments).toEqual([file]);
    for (const [who, host, path] of [
      [t.studio, DASHBOARD, studioPath(`/${id}/attachments/${file.attachmentId}`)],
      [t.clients[0].browser, t.portalHost, portalPath(`/${id}/attachments/${file.attachmentId}`)],
    ] as const) {
      const link = await who.get(host, path);
      expect(link.status, link.text).toBe(200);
      expect(link.body.fileName).toBe('menu on phone.txt');
      const got = await fetch(link.body.url);
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
    expect((await t.clients[1].browser.get(t.portalHost, portalPath(`/${id}/attachments/${file.attachmentId}`))).status).toBe(404);
    expect((await outsider.browser.get(DASHBOARD, studioPath(`/${id}/attachments/${file.attachmentId}`))).status).toBe(404);
    expect((await t.studio.get(DASHBOARD, studioPath(`/${id}/attachments/${t.clients[0].feedbackId}`))).status).toBe(404);
  });

  it('refuses a file never uploaded, one that is not what its ticket said, a type or size it may not take', async () => {
    const before = await storedLines();
    const never = await asClient(t.clients[0].browser, 'POST', portalPath('/attachments'), {
      fileName: 'a.txt',
      contentType: 'text/plain',
      size: 5,
    });
    expect(never.status).toBe(201);
    const missing = await asClient(t.clients[0].browser, 'POST', portalPath(), {
      subject: 'x',
      message: 'y',
      attachments: [never.body.attachment],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('attachment_not_uploaded');
    const file = await attach('b.txt', 'text/plain', new TextEncoder().encode('12345'));
    const lying = await asClient(t.clients[0].browser, 'POST', portalPath(), {
      subject: 'x',
      message: 'y',
      attachments: [{ ...file, size: 6 }],
    });
    expect(lying.status).toBe(400);
    const twice = await asClient(t.clients[0].browser, 'POST', portalPath(), { subject: 'x', message: 'y', attachments: [file, file] });
    expect(twice.body.error).toBe('attachment_repeated');
    for (const body of [
      { fileName: 'run.exe', contentType: 'application/x-msdownload', size: 10 },
      { fileName: 'big.png', contentType: 'image/png', size: 17 * 1024 * 1024 },
      { fileName: '../up.png', contentType: 'image/png', size: 10 },
      { fileName: 'zero.png', contentType: 'image/png', size: 0 },
    ]) {
      const refused = await asClient(t.clients[0].browser, 'POST', portalPath('/attachments'), body);
      expect(refused.status, body.fileName).toBe(400);
    }
    // Only rate-limit windows moved: no task was written.
    const tasks = (l: { lines: string[] }) => l.lines.filter((x) => x.includes('"feedbackTask"')).length;
    expect(tasks(await storedLines())).toBe(tasks(before));
  });
});

describe('isolation and plans', () => {
  it("keeps another contact off the project's feedback", async () => {
    const [, bea] = t.clients;
    expect((await bea.browser.get(t.portalHost, portalPath())).status).toBe(404);
    const before = await storedLines();
    expect((await bea.browser.post(t.portalHost, portalPath(), { subject: 'Hi', message: 'Hello' })).status).toBe(404);
    expect(await storedLines()).toEqual(before);
  });

  it('refuses feedback and triage on Starter with plan_required; the tab stays readable', async () => {
    const sent = await submit('Last one before the downgrade');
    await setStudioPlanForTest(t.studioId, 'starter');
    try {
      const before = await storedLines();
      const refused = await t.clients[0].browser.post(t.portalHost, portalPath(), { subject: 'Hi', message: 'Hello' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'plan_required', entitlement: 'feedback', plan: 'growth' });
      const triaged = await triage(sent.feedbackId, { revision: 1, state: 'accepted' });
      expect(triaged.status).toBe(403);
      expect(triaged.body.error).toBe('plan_required');
      expect(await storedLines()).toEqual(before);
      expect((await t.studio.get(DASHBOARD, studioPath())).status).toBe(200);
      expect((await t.clients[0].browser.get(t.portalHost, portalPath())).status).toBe(200);
    } finally {
      await setStudioPlanForTest(t.studioId, 'growth');
    }
  });
});
