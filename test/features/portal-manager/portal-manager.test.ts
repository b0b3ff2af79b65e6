// The Portal Manager against the local stack, in a studio of its own (the overview reads bounded
// pages, so a shared studio's other clients could push ours out of them): the overview lists a
// pending invitation and a confirmed submission; the per-client actions (resend, access end, revoke
// and restore) do what they say at once; "view as client" answers exactly what the client's own
// routes answer and can change nothing; members and other studios are refused.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../../shared/data/db.ts';
import { addReadyImages, findStudioBySlugForTest, setStudioPlanForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, magicTokenIn, mailbox, portal, signUpAndSignIn } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import { galleryRules, studioBrowser, uniqueEmail } from '../../support/portal-actors.ts';
import { sentDeliverable } from '../deliverables/actors.ts';
import { joinTeam } from '../team/actors.ts';

const tag = randomUUID().slice(0, 8);
const slug = `manager-${tag}`;
const host = portal(slug);
let owner: Browser;
let studioId: string;

async function mailsTo(email: string) {
  return (await mailbox()).filter((m) => m.to.includes(email));
}

async function invite(name: string): Promise<{ clientId: string; email: string }> {
  const email = uniqueEmail(name);
  const invited = await owner.post(DASHBOARD, '/api/studio/clients', { email, name });
  expect(invited.status, invited.text).toBe(201);
  return { clientId: invited.body.client.clientId, email };
}

/** A client who followed the newest link mailed to them: a browser signed in on the portal. */
async function signIn(email: string): Promise<Browser> {
  const [mail] = await mailsTo(email);
  const browser = new Browser();
  const redeemed = await browser.post(host, '/api/portal/session', { token: magicTokenIn(mail?.text ?? '') });
  expect(redeemed.status, redeemed.text).toBe(200);
  return browser;
}

async function galleryOf(clientId: string, images = 3): Promise<{ galleryId: string; imageIds: string[] }> {
  const created = await owner.post(DASHBOARD, '/api/studio/galleries', {
    clientId,
    title: `Session ${randomUUID().slice(0, 4)}`,
    shootDate: '2026-10-17',
    deadline: '2099-12-31',
    rules: galleryRules(),
  });
  expect(created.status, created.text).toBe(201);
  const galleryId = created.body.gallery.galleryId as string;
  const imageIds = await addReadyImages(studioId, galleryId, images);
  const published = await owner.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } });
  expect(published.status, published.text).toBe(200);
  return { galleryId, imageIds };
}

/** Presigned links carry their signing time: two reads a second apart differ only there. */
const unsigned = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' && v.startsWith('http') ? v.split('?')[0] : v));

beforeAll(async () => {
  owner = new Browser();
  const signed = await signUpAndSignIn(owner, {
    studioName: `Manager ${tag}`,
    slug,
    name: 'Mia Manager',
    email: `manager-owner-${tag}@example.com`,
    password: 'Owner-2026-pass',
  });
  expect(signed.status, signed.text).toBe(200);
  studioId = (await findStudioBySlugForTest(slug)).studioId;
});

describe('the overview', () => {
  it('lists the pending invitation and a confirmed submission; the later slots answer empty', async () => {
    const pending = await invite('Pending Pia');
    const active = await invite('Active Ada');
    const ada = await signIn(active.email);
    const { galleryId, imageIds } = await galleryOf(active.clientId);
    const picked = await ada.call(host, 'PUT', `/api/portal/galleries/${galleryId}/images/${imageIds[0]}/selection`, {
      json: { selected: true },
    });
    expect(picked.status, picked.text).toBe(200);
    const confirmed = await ada.post(host, `/api/portal/galleries/${galleryId}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(201);

    const overview = await owner.get(DASHBOARD, '/api/studio/portal-manager');
    expect(overview.status, overview.text).toBe(200);
    const pendingIds = overview.body.pendingInvitations.map((c: { clientId: string }) => c.clientId);
    expect(pendingIds).toContain(pending.clientId);
    expect(pendingIds).not.toContain(active.clientId);
    expect(overview.body.submissions).toEqual([
      expect.objectContaining({ galleryId, clientId: active.clientId, clientName: 'Active Ada', count: 1 }),
    ]);
    expect(overview.body).toMatchObject({ releases: [], partial: false });
  });

  it('lists a deliverable waiting on a client until they decide', async () => {
    const reviewer = await invite('Reviewing Rae');
    const rae = await signIn(reviewer.email);
    const me = await owner.get(DASHBOARD, '/api/studio/me');
    const project = await owner.post(DASHBOARD, '/api/studio/projects', {
      title: 'Identity',
      contactIds: [reviewer.clientId],
      leadId: me.body.user.userId,
    });
    expect(project.status, project.text).toBe(201);
    const projectId = project.body.project.projectId as string;
    const { deliverableId, version } = await sentDeliverable(owner, projectId, 'Wordmark');
    const waiting = (await owner.get(DASHBOARD, '/api/studio/portal-manager')).body.deliverables;
    expect(waiting).toEqual([
      expect.objectContaining({
        projectId,
        projectTitle: 'Identity',
        deliverableId,
        title: 'Wordmark',
        version,
        clientName: 'Reviewing Rae',
      }),
    ]);
    // Deciding is interactive approval: Growth and up (this studio started on Starter).
    await setStudioPlanForTest(studioId, 'growth');
    try {
      const decided = await rae.post(host, `/api/portal/projects/${projectId}/deliverables/${deliverableId}/versions/${version}/decision`, {
        decision: 'approve',
      });
      expect(decided.status, decided.text).toBe(200);
    } finally {
      await setStudioPlanForTest(studioId, 'starter');
    }
    expect((await owner.get(DASHBOARD, '/api/studio/portal-manager')).body.deliverables).toEqual([]);
  });
});

describe('per-client actions', () => {
  it('resends the invitation as a new mail with a fresh link, a few times an hour at most', async () => {
    const c = await invite('Resend Rae');
    const before = await mailsTo(c.email);
    const resent = await owner.post(DASHBOARD, `/api/studio/clients/${c.clientId}/invitation`);
    expect(resent.status, resent.text).toBe(202);
    expect(resent.body.client).toMatchObject({ clientId: c.clientId, status: 'invited' });
    const after = await mailsTo(c.email);
    expect(after).toHaveLength(before.length + 1);
    expect(magicTokenIn(after[0]?.text ?? '')).not.toBe(magicTokenIn(before[0]?.text ?? ''));
    // The new link signs the client in.
    await signIn(c.email);

    for (let i = 0; i < 2; i++) expect((await owner.post(DASHBOARD, `/api/studio/clients/${c.clientId}/invitation`)).status).toBe(202);
    const limited = await owner.post(DASHBOARD, `/api/studio/clients/${c.clientId}/invitation`);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('sets and clears the access expiry; a bad date is refused and changes nothing', async () => {
    const c = await invite('Expiry Eve');
    const path = `/api/studio/clients/${c.clientId}`;
    const set = await owner.call(DASHBOARD, 'PATCH', path, { json: { accessExpiresAt: '2099-01-31' } });
    expect(set.status, set.text).toBe(200);
    expect(set.body.client.accessExpiresAt).toBe('2099-01-31');

    for (const bad of [{ accessExpiresAt: '2020-01-01' }, { accessExpiresAt: '31/01/2099' }, { accessExpiresAt: '2099-02-30' }, {}]) {
      const refused = await owner.call(DASHBOARD, 'PATCH', path, { json: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    const listed = await owner.get(DASHBOARD, '/api/studio/portal-manager');
    expect(listed.body.pendingInvitations.find((x: { clientId: string }) => x.clientId === c.clientId)?.accessExpiresAt).toBe('2099-01-31');

    const cleared = await owner.call(DASHBOARD, 'PATCH', path, { json: { accessExpiresAt: null } });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.client.accessExpiresAt).toBeNull();
  });

  it('revoking ends the client’s session at once and refuses its sign-in link; restoring lets them sign in afresh', async () => {
    const c = await invite('Revoked Rex');
    const rex = await signIn(c.email);
    expect((await rex.get(host, '/api/portal/me')).status).toBe(200);
    // A fresh link in the inbox before the revocation: it must sign no one in after it.
    expect((await owner.post(DASHBOARD, `/api/studio/clients/${c.clientId}/invitation`)).status).toBe(202);
    const [linkMail] = await mailsTo(c.email);

    const revoked = await owner.call(DASHBOARD, 'DELETE', `/api/studio/clients/${c.clientId}/access`);
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.client.status).toBe('revoked');

    const me = await rex.get(host, '/api/portal/me');
    expect(me.status).toBe(403);
    expect(me.body.error).toBe('access_revoked');
    const link = await new Browser().post(host, '/api/portal/session', { token: magicTokenIn(linkMail?.text ?? '') });
    expect(link.status).toBe(403);
    expect(link.body.error).toBe('access_revoked');
    expect(link.body.message).toMatch(/no longer has access/);
    // Nor does the studio mail it a new link meanwhile.
    expect((await owner.post(DASHBOARD, `/api/studio/clients/${c.clientId}/invitation`)).body.error).toBe('access_revoked');

    const restored = await owner.call(DASHBOARD, 'PUT', `/api/studio/clients/${c.clientId}/access`);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body.client.status).toBe('active');
    // The old session stays ended: the client signs in again.
    expect((await rex.get(host, '/api/portal/me')).status).toBe(401);
    expect((await owner.post(DASHBOARD, `/api/studio/clients/${c.clientId}/invitation`)).status).toBe(202);
    const again = await signIn(c.email);
    expect((await again.get(host, '/api/portal/me')).status).toBe(200);
  });
});

describe('view as client', () => {
  it('answers the client’s galleries and gallery exactly as the client’s own routes do', async () => {
    const c = await invite('Preview Pam');
    const pam = await signIn(c.email);
    const { galleryId, imageIds } = await galleryOf(c.clientId);
    await galleryOf(c.clientId, 1);
    const fav = await pam.call(host, 'PUT', `/api/portal/galleries/${galleryId}/images/${imageIds[1]}/favourite`, {
      json: { favourite: true },
    });
    expect(fav.status, fav.text).toBe(200);

    const own = await pam.get(host, '/api/portal/galleries');
    const preview = await owner.get(DASHBOARD, `/api/studio/portal-manager/clients/${c.clientId}/galleries`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.galleries).toHaveLength(2);
    expect(unsigned(preview.body)).toEqual(unsigned(own.body));

    const ownGallery = await pam.get(host, `/api/portal/galleries/${galleryId}`);
    const previewGallery = await owner.get(DASHBOARD, `/api/studio/portal-manager/clients/${c.clientId}/galleries/${galleryId}`);
    expect(previewGallery.status, previewGallery.text).toBe(200);
    expect(unsigned(previewGallery.body)).toEqual(unsigned(ownGallery.body));

    const ownMe = await pam.get(host, '/api/portal/me');
    const previewMe = await owner.get(DASHBOARD, `/api/studio/portal-manager/clients/${c.clientId}/me`);
    expect(unsigned(previewMe.body)).toEqual(unsigned(ownMe.body));
  });

  it('refuses a favourite attempted from the preview, and nothing is stored', async () => {
    const c = await invite('Preview Quinn');
    const { galleryId, imageIds } = await galleryOf(c.clientId);
    const imageId = imageIds[0] as string;
    const favouritePath = `/api/portal/galleries/${galleryId}/images/${imageId}/favourite`;
    const previewPath = `/api/studio/portal-manager/clients/${c.clientId}/galleries/${galleryId}`;

    // The studio user, as the preview page is: on the portal host they hold no client session…
    const onPortal = await owner.call(host, 'PUT', favouritePath, { json: { favourite: true } });
    expect(onPortal.status).toBe(401);
    // …their own session cookie carried over is not a client's…
    const carried = new Browser();
    carried.jar.set(host, new Map(owner.jar.get(DASHBOARD)));
    expect((await carried.call(host, 'PUT', favouritePath, { json: { favourite: true } })).status).toBe(401);
    // …on the dashboard the portal's route wants a client token all the same, and the preview takes no writes.
    expect([401, 404]).toContain((await owner.call(DASHBOARD, 'PUT', favouritePath, { json: { favourite: true } })).status);
    for (const method of ['PUT', 'POST', 'PATCH', 'DELETE']) {
      const write = await owner.call(DASHBOARD, method, `${previewPath}/images/${imageId}/favourite`, { json: { favourite: true } });
      expect([404, 405], method).toContain(write.status);
    }

    const stored = await db().send(new GetCommand({ TableName: tableName(), Key: keys.favourite(galleryId, c.clientId, imageId) }));
    expect(stored.Item).toBeUndefined();
    const after = await owner.get(DASHBOARD, previewPath);
    expect(after.body.images.every((i: { favourite: boolean }) => !i.favourite)).toBe(true);
    // A preview counts no visit: the studio's activity shows none for this client.
    const activity = await db().send(new GetCommand({ TableName: tableName(), Key: keys.activity(galleryId, c.clientId) }));
    expect(activity.Item).toBeUndefined();
  });
});

describe('who may', () => {
  it('refuses a member (role_required) and answers 404 for another studio’s client', async () => {
    const c = await invite('Guarded Gus');
    const member = await joinTeam(owner, 'member', 'pm');
    for (const path of ['/api/studio/portal-manager', `/api/studio/portal-manager/clients/${c.clientId}/galleries`]) {
      const refused = await member.browser.get(DASHBOARD, path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error).toBe('role_required');
    }
    const revoke = await member.browser.call(DASHBOARD, 'DELETE', `/api/studio/clients/${c.clientId}/access`);
    expect(revoke.body.error).toBe('role_required');

    const rival = await studioBrowser();
    for (const [method, path] of [
      ['GET', `/api/studio/portal-manager/clients/${c.clientId}/galleries`],
      ['GET', `/api/studio/portal-manager/clients/${c.clientId}/me`],
      ['POST', `/api/studio/clients/${c.clientId}/invitation`],
      ['PATCH', `/api/studio/clients/${c.clientId}`],
      ['DELETE', `/api/studio/clients/${c.clientId}/access`],
      ['PUT', `/api/studio/clients/${c.clientId}/access`],
    ] as const) {
      const answer = await rival.call(DASHBOARD, method, path, method === 'PATCH' ? { json: { accessExpiresAt: null } } : {});
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    const still = await owner.get(DASHBOARD, '/api/studio/portal-manager');
    expect(still.body.pendingInvitations.find((x: { clientId: string }) => x.clientId === c.clientId)?.status).toBe('invited');
  });
});
