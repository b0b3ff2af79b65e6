// Deliverables against the local stack: a whole review round (send, pin, reply, resolve, request
// changes, version 2, approve), the lock, drafts hidden from clients, the download rule, bad input
// that changes nothing, Starter's read-only approvals, races (two reviewers, a decision against a
// new version, a double-clicked approve), previews of bad files, and the once-a-day reminders.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoLockedPdf, demoPdf } from '../../../local/demo-media.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { sendReviewReminders } from '../../../shared/features/deliverables/domain/reminders.ts';
import { waitingReviewsOf } from '../../../shared/features/deliverables/index.ts';
import { setStudioPlanForTest } from '../../support/fixtures.ts';
import { DASHBOARD, mailbox } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { createDeliverable, portalPath, sendVersion, settledVersion, studioPath, uploadVersion } from './actors.ts';

let t: TenantFixture;
let png: Uint8Array;

beforeAll(async () => {
  t = await tenantFixture('Deliver');
  png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
}, 180_000);

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** A project whose contacts are the given clients of the fixture (both by default). */
async function project(contacts = t.clients.map((c) => c.clientId), extra: Record<string, unknown> = {}): Promise<string> {
  const created = await t.studio.post(DASHBOARD, '/api/studio/projects', {
    title: 'Spring identity',
    contactIds: contacts,
    leadId: t.ownerUserId,
    ...extra,
  });
  expect(created.status, created.text).toBe(201);
  return created.body.project.projectId;
}

/** A deliverable with version 1 (a PNG) ready, not sent. */
async function readyDeliverable(projectId: string, title = 'Logo concepts') {
  const deliverableId = await createDeliverable(t.studio, projectId, { title });
  const version = await uploadVersion(t.studio, projectId, deliverableId, { name: 'logo.png', type: 'image/png', bytes: png });
  expect((await settledVersion(t.studio, projectId, deliverableId, version)).status).toBe('ready');
  return { deliverableId, version };
}

const decide = (who: 0 | 1, projectId: string, deliverableId: string, version: number, decision: string, note?: string) =>
  t.clients[who].browser.post(t.portalHost, portalPath(projectId, deliverableId, `/versions/${version}/decision`), {
    decision,
    ...(note && { note }),
  });

async function waitingFor(clientId: string) {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `CLIENT#${clientId}` },
    }),
  );
  return waitingReviewsOf(out.Items ?? []);
}

describe('a review round', () => {
  it('goes from send to changes requested, version 2, and approval, which locks it', async () => {
    const [ava, bea] = t.clients;
    const projectId = await project();
    const { deliverableId, version } = await readyDeliverable(projectId);
    const studioSeen = await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId));
    expect(studioSeen.body.deliverable.versions[0].preview).toMatchObject({ kind: 'image', state: 'ready' });
    expect(studioSeen.body.deliverable.versions[0].preview.pages).toHaveLength(1);

    // A draft is the studio's alone.
    expect((await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId))).status).toBe(404);
    expect((await ava.browser.get(t.portalHost, portalPath(projectId))).body.deliverables).toEqual([]);

    const due = tomorrow();
    await sendVersion(t.studio, projectId, deliverableId, version, { dueDate: due, message: 'Three directions.' });
    const mails = (await mailbox()).filter((m) => m.subject.includes('ready for your review'));
    for (const c of [ava, bea]) {
      const mail = mails.find((m) => m.to.includes(c.email));
      expect(mail?.text).toContain(`/projects/${projectId}/deliverables/${deliverableId}`);
    }
    expect((await waitingFor(ava.clientId)).map((r) => [r.deliverableId, r.version, r.dueDate])).toContainEqual([deliverableId, 1, due]);

    const seen = await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId));
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.deliverable).toMatchObject({ state: 'in_review', latestVersion: 1 });
    expect(seen.body.deliverable.versions[0].downloadable).toBe(false);

    // A pinned comment, the studio's reply, resolved.
    const pinned = await ava.browser.post(t.portalHost, portalPath(projectId, deliverableId, '/versions/1/comments'), {
      text: 'Darker blue here <b>please</b>',
      pin: { kind: 'point', x: 0.25, y: 0.75 },
    });
    expect(pinned.status, pinned.text).toBe(201);
    const reply = await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions/1/comments'), {
      text: 'Will do.',
      parentId: pinned.body.comment.commentId,
    });
    expect(reply.status, reply.text).toBe(201);
    const resolved = await t.studio.call(
      DASHBOARD,
      'PUT',
      studioPath(projectId, deliverableId, `/versions/1/comments/${pinned.body.comment.commentId}/resolved`),
      { json: { resolved: true } },
    );
    expect(resolved.body.comment.resolvedAt).not.toBeNull();

    // Request changes closes the round at once: Bea's request goes, her decision is refused.
    const changes = await decide(0, projectId, deliverableId, 1, 'request_changes', 'Bolder mark.');
    expect(changes.status, changes.text).toBe(200);
    expect(changes.body.deliverable.state).toBe('changes_requested');
    expect((await decide(1, projectId, deliverableId, 1, 'approve')).body.error).toBe('not_in_review');
    expect((await waitingFor(bea.clientId)).some((r) => r.deliverableId === deliverableId)).toBe(false);
    expect((await mailbox()).some((m) => m.to.includes(t.owner.email) && m.subject.includes('requested changes'))).toBe(true);

    // Version 2: uploaded, sent, approved by both.
    const v2 = await uploadVersion(t.studio, projectId, deliverableId, { name: 'logo-v2.png', type: 'image/png', bytes: png });
    await settledVersion(t.studio, projectId, deliverableId, v2);
    // The draft v2 is hidden from the client until it is sent.
    expect((await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId))).body.deliverable.versions).toHaveLength(1);
    await sendVersion(t.studio, projectId, deliverableId, v2);
    expect((await decide(0, projectId, deliverableId, 1, 'approve')).body.error).toBe('not_latest');
    expect((await decide(0, projectId, deliverableId, v2, 'approve')).body.deliverable.state).toBe('in_review');
    const approved = await decide(1, projectId, deliverableId, v2, 'approve');
    expect(approved.body.deliverable).toMatchObject({ state: 'approved', locked: true });

    const studioView = (await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).body.deliverable;
    const round2 = studioView.versions.find((v: { version: number }) => v.version === 2);
    expect(round2.result).toBe('approved');
    expect(round2.lockedAt).not.toBeNull();
    expect(round2.reviewers.map((r: { decision: string; decidedAt: string | null }) => [r.decision, typeof r.decidedAt])).toEqual([
      ['approve', 'string'],
      ['approve', 'string'],
    ]);
    expect(studioView.comments.map((c: { text: string }) => c.text)).toEqual(['Darker blue here <b>please</b>', 'Will do.']);

    // Locked: no new version, no edit, no delete, no comment.
    const refusals = [
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions'), {
        fileName: 'v3.png',
        contentType: 'image/png',
        size: 10,
      }),
      await t.studio.call(DASHBOARD, 'PATCH', studioPath(projectId, deliverableId), { json: { title: 'Renamed' } }),
      await t.studio.call(DASHBOARD, 'DELETE', studioPath(projectId, deliverableId)),
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions/2/comments'), { text: 'One more thing' }),
    ];
    expect(refusals.map((r) => [r.status, r.body?.error])).toEqual(Array(4).fill([409, 'locked']));

    // The approved version downloads under the 'approved' rule; the one with changes requested does not.
    const file = await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId, '/versions/2/download'));
    expect(file.status, file.text).toBe(200);
    expect(file.body.fileName).toBe('logo-v2.png');
    expect((await fetch(file.body.url)).headers.get('content-disposition')).toContain('logo-v2.png');
    expect((await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId, '/versions/1/download'))).body.error).toBe(
      'not_approved',
    );
    const activity = (await ava.browser.get(t.portalHost, `/api/portal/projects/${projectId}`)).body.project.activity;
    expect(activity.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(['deliverable_sent', 'changes_requested', 'deliverable_approved']),
    );
  });

  it('supersedes an open round with a new version, and deletes an unapproved deliverable with its requests', async () => {
    const [ava] = t.clients;
    const projectId = await project([ava.clientId]);
    const { deliverableId } = await readyDeliverable(projectId);
    await sendVersion(t.studio, projectId, deliverableId, 1, { dueDate: tomorrow() });
    const v2 = await uploadVersion(t.studio, projectId, deliverableId, { name: 'v2.png', type: 'image/png', bytes: png });
    const studioView = (await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).body.deliverable;
    expect(studioView.state).toBe('draft');
    expect(studioView.versions[0].result).toBe('superseded');
    expect((await waitingFor(ava.clientId)).some((r) => r.deliverableId === deliverableId)).toBe(false);
    await settledVersion(t.studio, projectId, deliverableId, v2);
    await sendVersion(t.studio, projectId, deliverableId, v2);
    expect((await waitingFor(ava.clientId)).some((r) => r.deliverableId === deliverableId)).toBe(true);
    expect((await t.studio.call(DASHBOARD, 'DELETE', studioPath(projectId, deliverableId))).status).toBe(204);
    expect((await waitingFor(ava.clientId)).some((r) => r.deliverableId === deliverableId)).toBe(false);
    expect((await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).status).toBe(404);
  });
});

describe('refusals', () => {
  it('answers bad input 4xx and changes nothing', async () => {
    const [ava] = t.clients;
    const projectId = await project([ava.clientId]);
    const { deliverableId } = await readyDeliverable(projectId);
    await sendVersion(t.studio, projectId, deliverableId, 1);
    const before = await storedLines();
    const answers = [
      await decide(0, projectId, deliverableId, 1, 'request_changes'),
      await decide(0, projectId, deliverableId, 1, 'approve_with_changes'),
      await decide(0, projectId, deliverableId, 1, 'maybe'),
      await decide(0, projectId, deliverableId, 9, 'approve'),
      await ava.browser.post(t.portalHost, portalPath(projectId, deliverableId, '/versions/1/comments'), {
        text: 'x',
        pin: { kind: 'point', x: 2, y: 0 },
      }),
      await ava.browser.post(t.portalHost, portalPath(projectId, deliverableId, '/versions/1/comments'), {
        text: 'x',
        pin: { kind: 'time', start: 5, end: 2 },
      }),
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions'), {
        fileName: 'a.bin',
        contentType: 'not a type',
        size: 3,
      }),
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions'), {
        fileName: '../etc/passwd',
        contentType: 'text/plain',
        size: 3,
      }),
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions'), {
        fileName: 'huge.mov',
        contentType: 'video/quicktime',
        size: 6 * 1024 ** 3,
      }),
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions/1/send'), {}),
      await t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions/1/send'), { reviewerIds: [t.clients[1].clientId] }),
      await t.studio.call(DASHBOARD, 'PATCH', studioPath(projectId, deliverableId), { json: {} }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 404, 400, 400, 400, 400, 400, 409, 400, 400]);
    expect((await storedLines()).lines).toEqual(before.lines);
  });

  it("keeps Starter's approvals read-only: clients view and download, decide and comment are refused", async () => {
    const [ava] = t.clients;
    const projectId = await project([ava.clientId], { deliverableDownloads: 'any' });
    const { deliverableId } = await readyDeliverable(projectId);
    await sendVersion(t.studio, projectId, deliverableId, 1);
    await setStudioPlanForTest(t.studioId, 'starter');
    try {
      expect((await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId))).status).toBe(200);
      expect((await ava.browser.get(t.portalHost, portalPath(projectId, deliverableId, '/versions/1/download'))).status).toBe(200);
      const refused = [
        await decide(0, projectId, deliverableId, 1, 'approve'),
        await ava.browser.post(t.portalHost, portalPath(projectId, deliverableId, '/versions/1/comments'), { text: 'Hi' }),
      ];
      for (const r of refused) expect([r.status, r.body.error, r.body.plan]).toEqual([403, 'plan_required', 'growth']);
    } finally {
      await setStudioPlanForTest(t.studioId, 'growth');
    }
  });
});

describe('races', () => {
  it('records two reviewers deciding at once, with one consistent result', async () => {
    const projectId = await project();
    const { deliverableId } = await readyDeliverable(projectId);
    await sendVersion(t.studio, projectId, deliverableId, 1);
    const [a, b] = await Promise.all([
      decide(0, projectId, deliverableId, 1, 'approve'),
      decide(1, projectId, deliverableId, 1, 'approve_with_changes', 'Swap the photo.'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const seen = (await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).body.deliverable;
    expect(seen.state).toBe('approved_with_changes');
    expect(seen.versions[0].reviewers.map((r: { decision: string }) => r.decision).sort()).toEqual(['approve', 'approve_with_changes']);
    expect(seen.versions[0].lockedAt).not.toBeNull();
  });

  it('never takes a decision on a version that is no longer the latest, nor leaves an approved one unlocked', async () => {
    const [ava] = t.clients;
    for (let round = 0; round < 3; round++) {
      const projectId = await project([ava.clientId]);
      const { deliverableId } = await readyDeliverable(projectId);
      await sendVersion(t.studio, projectId, deliverableId, 1);
      const [decision, next] = await Promise.all([
        decide(0, projectId, deliverableId, 1, 'approve'),
        t.studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions'), {
          fileName: 'v2.png',
          contentType: 'image/png',
          size: 10,
        }),
      ]);
      const seen = (await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).body.deliverable;
      if (decision.status === 200) {
        expect([next.status, next.body.error]).toEqual([409, 'locked']);
        expect(seen).toMatchObject({ state: 'approved', locked: true, latestVersion: 1 });
        expect(seen.versions[0].lockedAt).not.toBeNull();
      } else {
        expect([decision.status, decision.body.error, next.status]).toEqual([409, 'not_latest', 201]);
        expect(seen).toMatchObject({ state: 'draft', latestVersion: 2 });
        expect(seen.versions[0]).toMatchObject({ result: 'superseded', reviewers: [{ decision: null }] });
      }
    }
  });

  it('takes a double-clicked approve once', async () => {
    const [ava] = t.clients;
    const projectId = await project([ava.clientId]);
    const { deliverableId } = await readyDeliverable(projectId);
    await sendVersion(t.studio, projectId, deliverableId, 1);
    const clicks = await Promise.all([1, 2, 3].map(() => decide(0, projectId, deliverableId, 1, 'approve')));
    expect(clicks.map((c) => c.status).sort()).toEqual([200, 409, 409]);
    const seen = (await t.studio.get(DASHBOARD, studioPath(projectId, deliverableId))).body.deliverable;
    expect(seen.versions[0].reviewers).toHaveLength(1);
    expect(seen).toMatchObject({ state: 'approved', locked: true });
  });
});

describe('previews of bad files', () => {
  it('gives an empty file, a locked PDF and a damaged PDF a clear state, and they can still be sent', async () => {
    const [ava] = t.clients;
    const projectId = await project([ava.clientId]);
    const files = [
      { name: 'empty.pdf', type: 'application/pdf', bytes: new Uint8Array(0) },
      { name: 'locked.pdf', type: 'application/pdf', bytes: await demoLockedPdf() },
      { name: 'damaged.pdf', type: 'application/pdf', bytes: (await demoPdf(3, 'Damaged')).slice(0, 600) },
    ];
    for (const file of files) {
      const deliverableId = await createDeliverable(t.studio, projectId, { title: file.name });
      const version = await uploadVersion(t.studio, projectId, deliverableId, file);
      const v = await settledVersion(t.studio, projectId, deliverableId, version);
      expect(v.status, file.name).toBe('ready');
      expect(v.preview, file.name).toMatchObject({ kind: 'pdf', state: 'unavailable', reason: expect.any(String) });
      await sendVersion(t.studio, projectId, deliverableId, version);
    }
    const pages = await createDeliverable(t.studio, projectId, { title: 'Layout' });
    const v = await uploadVersion(t.studio, projectId, pages, {
      name: 'layout.pdf',
      type: 'application/pdf',
      bytes: await demoPdf(3, 'Layout'),
    });
    const ready = await settledVersion(t.studio, projectId, pages, v);
    expect(ready.preview).toMatchObject({ kind: 'pdf', state: 'ready', pageCount: 3 });
    expect(ready.preview.pages).toHaveLength(3);
  });
});

describe('reminders', () => {
  it('mails each reviewer one digest a day, only for undecided reviews due tomorrow or overdue', async () => {
    const [, bea] = t.clients;
    const projectId = await project([bea.clientId]);
    const due = await readyDeliverable(projectId, 'Due tomorrow');
    await sendVersion(t.studio, projectId, due.deliverableId, 1, { dueDate: tomorrow() });
    const later = await readyDeliverable(projectId, 'Due next month');
    await sendVersion(t.studio, projectId, later.deliverableId, 1, {
      dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const digests = async () => (await mailbox()).filter((m) => m.to.includes(bea.email) && m.subject.startsWith('Reminder'));
    await sendReviewReminders();
    await sendReviewReminders();
    const sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('Due tomorrow');
    expect(sent[0]?.text).not.toContain('Due next month');
  });
});
