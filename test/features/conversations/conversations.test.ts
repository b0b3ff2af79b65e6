// Conversations against the local stack: a project's thread and a client's general thread; send,
// page, catch up by sequence number, edit within the window, delete, attachments, mentions, read
// receipts; who may reach a thread; bad input; a flood from one person; 50 sends at once.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENCY } from '../../../local/seed-agency.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { keys } from '../../../shared/features/conversations/records.ts';
import { type Answer, Browser, DASHBOARD } from '../../support/http.ts';
import { mustOpen, type OpenSocket, sleep } from '../../support/sockets.ts';
import { pngOf } from '../files/actors.ts';
import { type Crowd, crowd, portalThread, studioThread } from './actors.ts';

let a: Crowd;
let b: Crowd;

beforeAll(async () => {
  a = await crowd('Talk', 10, 4);
  b = await crowd('Rival', 1, 0);
}, 240_000);

type Msg = { seq: number; text: string; author: { person: string; name: string }; deleted: boolean; mentions: string[]; lastSeq: number };

const send = (who: 'owner' | number, text: string, extra: Record<string, unknown> = {}, threadId = a.threadId): Promise<Answer> =>
  who === 'owner'
    ? a.owner.post(DASHBOARD, studioThread(threadId, '/messages'), { text, ...extra })
    : (a.contacts[who]?.browser.post(a.portalHost, portalThread(threadId, '/messages'), { text, ...extra }) as Promise<Answer>);

const readAsOwner = async (query = '', threadId = a.threadId) => {
  const answer = await a.owner.get(DASHBOARD, studioThread(threadId, `/messages${query}`));
  expect(answer.status, answer.text).toBe(200);
  return answer.body as {
    messages: Msg[];
    lastSeq: number;
    olderBefore: number | null;
    cursors: { person: string; seq: number }[];
    more: boolean;
  };
};

describe('a project thread', () => {
  it('takes a message from a contact and shows it to the team and the other contacts, as text', async () => {
    const text = '  Hello team <script>alert(1)</script> <b>bold</b> https://example.com/brief?x=1  ';
    const sent = await send(0, text);
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body.message.text).toBe(text.trim());
    const seq = sent.body.message.seq as number;
    const owner = await readAsOwner();
    expect(owner.messages.at(-1)).toMatchObject({ seq, text: text.trim(), deleted: false, author: { name: a.contacts[0]?.name } });
    const other = await a.contacts[1]?.browser.get(a.portalHost, portalThread(a.threadId, '/messages'));
    expect(other?.status).toBe(200);
    expect(other?.body.messages.at(-1).text).toBe(text.trim());
    // Participants: the lead and the members, then the ten contacts.
    expect(other?.body.participants).toHaveLength(15);
  });

  it('pages older messages with before= and catches up with after= without gaps or duplicates', async () => {
    const start = (await readAsOwner()).lastSeq;
    for (let i = 0; i < 35; i++) {
      const s = await send(i % 2 === 0 ? 2 : 3, `paging ${i}`);
      expect(s.status, s.text).toBe(201);
    }
    const newest = await readAsOwner();
    expect(newest.messages).toHaveLength(30);
    expect(newest.messages.at(-1)?.text).toBe('paging 34');
    expect(newest.olderBefore).toBe(newest.messages[0]?.seq);
    const older = await readAsOwner(`?before=${newest.olderBefore}`);
    expect(older.messages.at(-1)?.seq).toBeLessThan(newest.messages[0]?.seq ?? 0);
    const seqs = [...older.messages, ...newest.messages].map((m) => m.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const caught = await readAsOwner(`?after=${start}`);
    expect(caught.messages.map((m) => m.text)).toEqual(Array.from({ length: 35 }, (_, i) => `paging ${i}`));
    expect(caught.lastSeq).toBe(newest.lastSeq);
    expect((await readAsOwner(`?after=${caught.lastSeq}`)).messages).toEqual([]);
  });

  it('lets the author edit within 10 minutes (409 after), and nobody else', async () => {
    const sent = await send(4, 'first draft');
    const seq = sent.body.message.seq as number;
    const path = portalThread(a.threadId, `/messages/${seq}`);
    const edited = await a.contacts[4]?.browser.call(a.portalHost, 'PATCH', path, { json: { text: 'second draft' } });
    expect(edited?.status, edited?.text).toBe(200);
    expect(edited?.body.message).toMatchObject({ text: 'second draft', seq });
    expect(edited?.body.message.editedAt).not.toBeNull();
    const byOther = await a.contacts[5]?.browser.call(a.portalHost, 'PATCH', path, { json: { text: 'hijack' } });
    expect(byOther?.status).toBe(403);
    const byOwner = await a.owner.call(DASHBOARD, 'PATCH', studioThread(a.threadId, `/messages/${seq}`), { json: { text: 'hijack' } });
    expect(byOwner.status).toBe(403);
    // Eleven minutes later.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.message(a.studioId, a.threadId, seq),
        UpdateExpression: 'SET createdAt = :old',
        ExpressionAttributeValues: { ':old': new Date(Date.now() - 11 * 60_000).toISOString() },
      }),
    );
    const late = await a.contacts[4]?.browser.call(a.portalHost, 'PATCH', path, { json: { text: 'third draft' } });
    expect(late?.status).toBe(409);
    expect(late?.body.error).toBe('edit_window_passed');
    expect(late?.body.message).toMatch(/10 minutes/);
  });

  it('deletes: the author their own, an owner any; the text is gone from every answer', async () => {
    const mine = await send(5, 'SECRET_DELETE_ME');
    const theirs = await send(6, 'SECRET_OWNER_DELETES');
    const before = (await readAsOwner()).lastSeq;
    const byOther = await a.contacts[6]?.browser.call(
      a.portalHost,
      'DELETE',
      portalThread(a.threadId, `/messages/${mine.body.message.seq}`),
    );
    expect(byOther?.status).toBe(403);
    const own = await a.contacts[5]?.browser.call(a.portalHost, 'DELETE', portalThread(a.threadId, `/messages/${mine.body.message.seq}`));
    expect(own?.status).toBe(204);
    const moderated = await a.owner.call(DASHBOARD, 'DELETE', studioThread(a.threadId, `/messages/${theirs.body.message.seq}`));
    expect(moderated.status).toBe(204);
    const page = await a.contacts[7]?.browser.get(a.portalHost, portalThread(a.threadId, '/messages'));
    expect(page?.text).not.toContain('SECRET_DELETE_ME');
    expect(page?.text).not.toContain('SECRET_OWNER_DELETES');
    const gone = page?.body.messages.find((m: Msg) => m.seq === mine.body.message.seq);
    expect(gone).toMatchObject({ deleted: true, text: '' });
    const caught = await readAsOwner(`?after=${before}`);
    expect(caught.messages.map((m) => m.deleted)).toEqual([true, true]);
    expect(JSON.stringify(caught)).not.toContain('SECRET_');
    // Editing a deleted message is a conflict.
    const edit = await a.contacts[5]?.browser.call(a.portalHost, 'PATCH', portalThread(a.threadId, `/messages/${mine.body.message.seq}`), {
      json: { text: 'back' },
    });
    expect(edit?.status).toBe(409);
  });

  it('takes mentions of participants and refuses anyone else (400 naming mentions)', async () => {
    const colleague = `client:${a.contacts[1]?.clientId}`;
    const ok = await send('owner', `@${a.contacts[1]?.name} can you check?`, { mentions: [colleague] });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.message.mentions).toEqual([colleague]);
    const outsider = await send('owner', 'hi', { mentions: [`client:${a.outsiderClient.clientId}`] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error).toBe('mention_not_on_project');
    expect(outsider.body.fields).toHaveProperty('mentions');
    const member = await send('owner', 'hi', { mentions: [`user:${a.outsiderMember.userId}`] });
    expect(member.status).toBe(400);
    const tooMany = await send('owner', 'hi', { mentions: Array.from({ length: 21 }, () => colleague) });
    expect(tooMany.status).toBe(400);
  });

  it('carries an uploaded image, held to its ticket', async () => {
    const contact = a.contacts[8];
    if (!contact) throw new Error('no contact');
    const png = await pngOf(5);
    const ticket = await contact.browser.post(a.portalHost, portalThread(a.threadId, '/attachments'), {
      fileName: 'moodboard.png',
      contentType: 'image/png',
      size: png.length,
    });
    expect(ticket.status, ticket.text).toBe(201);
    // Sent before the bytes arrived: refused.
    const early = await send(8, 'see attached', { attachmentIds: [ticket.body.attachmentId] });
    expect(early.status).toBe(400);
    const put = await fetch(ticket.body.ticket.put.url, { method: 'PUT', headers: ticket.body.ticket.put.headers, body: png });
    expect(put.status).toBe(200);
    // Someone else's upload is not theirs to send.
    const stolen = await send(7, 'mine now', { attachmentIds: [ticket.body.attachmentId] });
    expect(stolen.status).toBe(400);
    const sent = await send(8, 'see attached', { attachmentIds: [ticket.body.attachmentId] });
    expect(sent.status, sent.text).toBe(201);
    const [att] = sent.body.message.attachments;
    expect(att).toMatchObject({ fileName: 'moodboard.png', contentType: 'image/png', size: png.length, image: true });
    const got = await fetch(att.url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    // Used once.
    expect((await send(8, 'again', { attachmentIds: [ticket.body.attachmentId] })).status).toBe(400);
    // A type messages do not take.
    const exe = await contact.browser.post(a.portalHost, portalThread(a.threadId, '/attachments'), {
      fileName: 'run.exe',
      contentType: 'application/x-msdownload',
      size: 10,
    });
    expect(exe.status).toBe(400);
  });
});

describe('read receipts', () => {
  it('moves a cursor forward only, and shows every cursor in the thread', async () => {
    const last = (await readAsOwner()).messages.at(-1)?.seq ?? 0;
    const seen = await a.contacts[0]?.browser.post(a.portalHost, portalThread(a.threadId, '/seen'), { seq: last });
    expect(seen?.status, seen?.text).toBe(200);
    expect(seen?.body.seq).toBe(last);
    const back = await a.contacts[0]?.browser.post(a.portalHost, portalThread(a.threadId, '/seen'), { seq: 1 });
    expect(back?.status).toBe(200);
    const thread = await readAsOwner();
    const cursor = thread.cursors.find((c) => c.person === `client:${a.contacts[0]?.clientId}`);
    expect(cursor).toMatchObject({ seq: last, name: a.contacts[0]?.name });
    // Past the end is held to the end.
    const far = await a.contacts[1]?.browser.post(a.portalHost, portalThread(a.threadId, '/seen'), { seq: 999_999 });
    expect(far?.body.seq).toBeLessThanOrEqual((await readAsOwner()).lastSeq);
    // A 'seen' event is in the catch-up: its cursors come along.
    const caught = await readAsOwner(`?after=${thread.lastSeq - 1}`);
    expect(caught.cursors.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the general thread', () => {
  it('joins the studio and one client outside any project', async () => {
    const client = a.contacts[0];
    if (!client) throw new Error('no contact');
    const general = `client-${client.clientId}`;
    const sent = await send('owner', 'A note outside the project', {}, general);
    expect(sent.status, sent.text).toBe(201);
    const mine = await client.browser.get(a.portalHost, portalThread(general, '/messages'));
    expect(mine.status).toBe(200);
    expect(mine.body.kind).toBe('general');
    expect(mine.body.messages.at(-1).text).toBe('A note outside the project');
    const reply = await client.browser.post(a.portalHost, portalThread(general, '/messages'), { text: 'Thanks!' });
    expect(reply.status).toBe(201);
    // On the portal, `general` names the client's own thread.
    const own = await client.browser.get(a.portalHost, portalThread('general', '/messages'));
    expect(own.body.threadId).toBe(general);
    expect(own.body.messages.at(-1).text).toBe('Thanks!');
    expect((await a.owner.get(DASHBOARD, studioThread('general', '/messages'))).status).toBe(404);
    // A member on one of the client's projects is in it.
    const member = a.team[0];
    expect((await member?.browser.get(DASHBOARD, studioThread(general, '/messages')))?.status).toBe(200);
  });
});

describe('who may reach a thread', () => {
  const refused = (answer: Answer | undefined) => expect(answer?.status, answer?.text).toBe(404);

  it("refuses another studio's owner and client, a member not on the project, a contact not seated, another client's general thread", async () => {
    refused(await b.owner.get(DASHBOARD, studioThread(a.threadId, '/messages')));
    refused(await b.owner.post(DASHBOARD, studioThread(a.threadId, '/messages'), { text: 'intrude' }));
    refused(await b.owner.get(DASHBOARD, studioThread(`client-${a.contacts[0]?.clientId}`, '/messages')));
    refused(await b.contacts[0]?.browser.get(b.portalHost, portalThread(a.threadId, '/messages')));
    refused(await a.outsiderMember.browser.get(DASHBOARD, studioThread(a.threadId, '/messages')));
    refused(await a.outsiderMember.browser.post(DASHBOARD, studioThread(a.threadId, '/messages'), { text: 'intrude' }));
    refused(await a.outsiderMember.browser.get(DASHBOARD, studioThread(`client-${a.contacts[0]?.clientId}`, '/messages')));
    refused(await a.outsiderClient.browser.get(a.portalHost, portalThread(a.threadId, '/messages')));
    refused(await a.outsiderClient.browser.post(a.portalHost, portalThread(a.threadId, '/seen'), { seq: 1 }));
    refused(await a.contacts[1]?.browser.get(a.portalHost, portalThread(`client-${a.contacts[0]?.clientId}`, '/messages')));
    refused(await a.contacts[1]?.browser.post(a.portalHost, portalThread(`client-${a.contacts[0]?.clientId}`, '/messages'), { text: 'x' }));
    refused(await a.outsiderClient.browser.get(a.portalHost, portalThread(`project-${b.projectId}`, '/messages')));
    // A thread id that is no thread is not found either (not a 500).
    const bad = await a.owner.get(DASHBOARD, studioThread('thread-1', '/messages'));
    expect([400, 404]).toContain(bad.status);
  });
});

describe('bad input', () => {
  it('answers 413, 400 and 400 for 100 KB, 5,001 characters and control characters; unicode is kept', async () => {
    const huge = await a.owner.call(DASHBOARD, 'POST', studioThread(a.threadId, '/messages'), { json: { text: 'x'.repeat(100 * 1024) } });
    expect(huge.status).toBe(413);
    const long = await send('owner', 'y'.repeat(5001));
    expect(long.status).toBe(400);
    expect(long.body.fields).toHaveProperty('text');
    expect((await send('owner', 'y'.repeat(5000))).status).toBe(201);
    const bell = await send('owner', 'ding\u0007dong');
    expect(bell.status).toBe(400);
    expect((await send('owner', 'zero\u0000width')).status).toBe(400);
    const kept = await send('owner', 'Line one\n\tLine two — ünïcødé 🎨 مرحبا');
    expect(kept.status).toBe(201);
    expect(kept.body.message.text).toBe('Line one\n\tLine two — ünïcødé 🎨 مرحبا');
    expect((await send('owner', '   ')).status).toBe(400);
  });

  it('refuses a bad cursor, both cursors, unknown fields, a bad seq', async () => {
    for (const q of ['?before=abc', '?after=-1', '?before=1&after=2', '?before=01', '?page=2']) {
      const answer = await a.owner.get(DASHBOARD, studioThread(a.threadId, `/messages${q}`));
      expect(answer.status, q).toBe(400);
    }
    expect((await a.owner.post(DASHBOARD, studioThread(a.threadId, '/messages'), { text: 'hi', html: '<b>' })).status).toBe(400);
    expect((await a.owner.call(DASHBOARD, 'PATCH', studioThread(a.threadId, '/messages/abc'), { json: { text: 'x' } })).status).toBe(400);
    expect((await a.owner.call(DASHBOARD, 'PATCH', studioThread(a.threadId, '/messages/999999'), { json: { text: 'x' } })).status).toBe(
      404,
    );
    expect((await a.owner.post(DASHBOARD, studioThread(a.threadId, '/seen'), { seq: -1 })).status).toBe(400);
  });
});

describe('load', () => {
  it('answers a flood from one person with 429 and Retry-After, and stores every accepted message once', async () => {
    const flooder = a.contacts[9];
    if (!flooder) throw new Error('no contact');
    const start = (await readAsOwner()).lastSeq;
    const answers: Answer[] = [];
    // More than two windows' worth, so a flood that straddles a minute boundary still meets the limit.
    for (let i = 0; i < 65; i++)
      answers.push(await flooder.browser.post(a.portalHost, portalThread(a.threadId, '/messages'), { text: `flood ${i}` }));
    const accepted = answers.filter((x) => x.status === 201);
    const limited = answers.filter((x) => x.status === 429);
    expect(accepted.length + limited.length).toBe(65);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]?.headers['retry-after'])).toBeGreaterThan(0);
    const caught = await readAsOwner(`?after=${start}`);
    const floods = caught.messages.filter((m) => m.text.startsWith('flood '));
    expect(floods.map((m) => m.text).sort()).toEqual(accepted.map((x) => x.body.message.text as string).sort());
  });

  it('stores 50 sends at once from 14 people once each, numbered without gaps, in one order for every reader', async () => {
    const start = (await readAsOwner()).lastSeq;
    // Every sender has the thread open: one live socket each, on the host its session belongs to.
    const sessionOf = (b: Browser, host: string) => b.jar.get(host)?.get('portico_session');
    const sockets = await Promise.all([
      ...a.contacts
        .slice(0, 9)
        .map((c) => mustOpen({ port: c.browser.port, host: a.portalHost, session: sessionOf(c.browser, a.portalHost) })),
      mustOpen({ port: a.owner.port, host: DASHBOARD, session: sessionOf(a.owner, DASHBOARD) }),
      ...a.team.map((m) => mustOpen({ port: m.browser.port, host: DASHBOARD, session: sessionOf(m.browser, DASHBOARD) })),
    ]);
    const senders = [
      ...a.contacts.slice(0, 9).map((c) => (text: string) => c.browser.post(a.portalHost, portalThread(a.threadId, '/messages'), { text })),
      (text: string) => a.owner.post(DASHBOARD, studioThread(a.threadId, '/messages'), { text }),
      ...a.team.map((m) => (text: string) => m.browser.post(DASHBOARD, studioThread(a.threadId, '/messages'), { text })),
    ];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => senders[i % senders.length]?.(`burst ${i}`) as Promise<Answer>));
    expect(answers.map((x) => x.status)).toEqual(Array(50).fill(201));
    const seqs = answers.map((x) => x.body.message.seq as number).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(50);
    expect(seqs.at(-1)! - seqs[0]!).toBe(49);
    expect(seqs[0]).toBe(start + 1);
    const orders = await Promise.all([
      readAsOwner(`?after=${start}`),
      a.contacts[3]?.browser.get(a.portalHost, portalThread(a.threadId, `/messages?after=${start}`)).then((x) => x.body),
      a.team[1]?.browser.get(DASHBOARD, studioThread(a.threadId, `/messages?after=${start}`)).then((x) => x.body),
    ]);
    const [first, ...rest] = orders.map((o) => ((o?.messages ?? []) as Msg[]).map((m) => `${m.seq}:${m.text}`));
    expect(first).toHaveLength(50);
    for (const other of rest) expect(other).toEqual(first);

    // Delivered once to each open socket: every socket gets each of the 50 numbers exactly once.
    const burst = (s: OpenSocket) =>
      s.messages.filter((m) => m.type === 'thread' && m.threadId === a.threadId && m.kind === 'message' && (m.seq as number) > start);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && sockets.some((s) => burst(s).length < 50)) await sleep(100);
    for (const s of sockets) {
      const got = burst(s).map((m) => m.seq as number);
      expect(got).toHaveLength(50);
      expect(new Set(got)).toEqual(new Set(seqs));
    }
    await sleep(300);
    for (const s of sockets) expect(burst(s)).toHaveLength(50);
    await Promise.all(sockets.map((s) => s.close()));
  });
});

describe('the demo agency', () => {
  it('has a project conversation with a mention and receipts, and a general-thread message', async () => {
    const tess = new Browser();
    expect((await tess.post(DASHBOARD, '/api/studio/session', { email: AGENCY.owner.email, password: AGENCY.owner.password })).status).toBe(
      200,
    );
    const projects = await tess.get(DASHBOARD, '/api/studio/projects');
    const project = projects.body.projects.find((p: { title: string }) => p.title === AGENCY.project);
    const thread = await tess.get(DASHBOARD, studioThread(`project-${project.projectId}`, '/messages'));
    expect(thread.status, thread.text).toBe(200);
    expect(thread.body.messages).toHaveLength(8);
    expect(thread.body.messages.filter((m: Msg) => m.mentions.length === 1)).toHaveLength(1);
    expect(thread.body.cursors.length).toBeGreaterThanOrEqual(3);
    const jordan =
      project.contacts?.[0]?.clientId ?? thread.body.participants.find((p: { name: string }) => p.name === 'Jordan Ellis').person.slice(7);
    const general = await tess.get(DASHBOARD, studioThread(`client-${jordan}`, '/messages'));
    expect(general.body.messages).toHaveLength(1);
  });
});
