// Retried creates through the local server (issue 9 finding 12): a POST repeated with its
// Idempotency-Key gets the first answer again (marked replayed) and creates nothing more; another
// body under the key is a 422; a key is the caller's own; a failure is not kept, so a fixed retry
// runs; without a key nothing changes. The records are the table's (shared/data/idempotency.ts).
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { db, queryPrefix, tableName } from '../../shared/data/db.ts';
import { type Answer, Browser, DASHBOARD, mailbox, signUpAndSignIn } from '../support/http.ts';
import { keys } from '../support/keys.ts';
import {
  allStudioGalleries,
  freshClient,
  galleryFor,
  galleryRules,
  NORTHLIGHT,
  type SignedInClient,
  studioBrowser,
  uniqueEmail,
} from '../support/portal-actors.ts';

const post = (b: Browser, host: string, path: string, json: unknown, key?: string) =>
  b.call(host, 'POST', path, { json, headers: key === undefined ? {} : { 'idempotency-key': key } });

/** The second answer is the first one again, said to be a replay. */
function expectReplayed(first: Answer, second: Answer, status: number): void {
  expect(first.status, first.text).toBe(status);
  expect(first.headers['idempotent-replayed']).toBeUndefined();
  expect(second.status, second.text).toBe(status);
  expect(second.body).toEqual(first.body);
  expect(second.headers['idempotent-replayed']).toBe('true');
}

/** The table's stored answers of one route (the key hashes the caller, so they are found by prefix). */
async function storedAnswers(routeId: string): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(PK, :p)',
        ExpressionAttributeValues: { ':p': `IDEM#${routeId}#` },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

describe('a create retried with its Idempotency-Key', () => {
  let studio: Browser;
  let ava: SignedInClient;
  let bea: SignedInClient;
  let galleryId: string;
  let imageIds: string[];

  const galleryBody = (title: string) => ({ clientId: ava.clientId, title, shootDate: '2026-10-17', rules: galleryRules() });
  const galleriesTitled = async (title: string) => (await allStudioGalleries(studio)).filter((g) => g.title === title);
  const commentsSaying = async (b: Browser, imageId: string, text: string) =>
    (await b.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${imageId}/comments`)).body.comments.filter(
      (c: { text: string }) => c.text === text,
    );
  const shareLinks = async () => (await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`)).body.links;
  /** Every client of the studio with `email`, following the list's pages. */
  const clientsWith = async (email: string) => {
    const found: { email: string }[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { body: { clients: { email: string }[]; nextCursor: string | null } } = await studio.get(
        DASHBOARD,
        `/api/studio/clients?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      found.push(...page.body.clients.filter((c: { email: string }) => c.email === email));
      cursor = page.body.nextCursor;
    }
    return found;
  };

  beforeAll(async () => {
    studio = await studioBrowser();
    ava = await freshClient(studio, 'Idem Ava');
    bea = await freshClient(studio, 'Idem Bea');
    ({ galleryId, imageIds } = await galleryFor(studio, ava.clientId, 2, { selection: { enabled: true, min: 0, max: null } }));
  });

  it('creates one gallery for a repeated createGallery, and keeps the answer a day in the table', async () => {
    const key = randomUUID();
    const title = `Idem ${randomUUID().slice(0, 6)}`;
    const first = await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title), key);
    const second = await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title), key);
    expectReplayed(first, second, 201);
    expect(second.body.gallery.galleryId).toBe(first.body.gallery.galleryId);
    expect(await galleriesTitled(title)).toHaveLength(1);

    const stored = (await storedAnswers('createGallery')).filter((item) => String(item.data?.body).includes(first.body.gallery.galleryId));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ SK: 'ANSWER', status: 'COMPLETED' });
    expect(stored[0]?.data.cookies).toBeUndefined();
    const ttl = Number(stored[0]?.ttl) - Date.now() / 1000;
    expect(ttl).toBeGreaterThan(86_400 - 120);
    expect(ttl).toBeLessThanOrEqual(86_400 + 5);
  });

  it('invites a client once (one record, one mail) for a repeated inviteClient', async () => {
    const key = randomUUID();
    const email = uniqueEmail('Idem Invitee');
    const first = await post(studio, DASHBOARD, '/api/studio/clients', { email, name: 'Idem Invitee' }, key);
    const second = await post(studio, DASHBOARD, '/api/studio/clients', { email, name: 'Idem Invitee' }, key);
    expectReplayed(first, second, 201);
    expect(second.body.client.clientId).toBe(first.body.client.clientId);
    expect(await clientsWith(email)).toHaveLength(1);
    expect((await mailbox()).filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('adds one comment for a repeated addComment', async () => {
    const key = randomUUID();
    const text = `Brighter? ${randomUUID().slice(0, 6)}`;
    const path = `/api/portal/galleries/${galleryId}/images/${imageIds[0]}/comments`;
    const first = await post(ava.browser, NORTHLIGHT, path, { text }, key);
    const second = await post(ava.browser, NORTHLIGHT, path, { text }, key);
    expectReplayed(first, second, 201);
    expect(await commentsSaying(ava.browser, imageIds[0] as string, text)).toHaveLength(1);
  });

  it('creates one share link for a repeated createShareLink', async () => {
    const before = (await shareLinks()).length;
    const key = randomUUID();
    const path = `/api/studio/galleries/${galleryId}/share-links`;
    const first = await post(studio, DASHBOARD, path, { access: 'view' }, key);
    const second = await post(studio, DASHBOARD, path, { access: 'view' }, key);
    expectReplayed(first, second, 201);
    expect(second.body.link.linkId).toBe(first.body.link.linkId);
    expect(await shareLinks()).toHaveLength(before + 1);
  });

  it('queues one ZIP job for a repeated requestGalleryZip', async () => {
    const { galleryId: zipGallery } = await galleryFor(studio, ava.clientId, 2);
    const key = randomUUID();
    const path = `/api/portal/galleries/${zipGallery}/zip`;
    const first = await post(ava.browser, NORTHLIGHT, path, { scope: 'all' }, key);
    const second = await post(ava.browser, NORTHLIGHT, path, { scope: 'all' }, key);
    expectReplayed(first, second, 202);
    expect(second.body.job.jobId).toBe(first.body.job.jobId);
    expect(await queryPrefix(keys.galleryPartition(zipGallery), 'ZIPJOB#')).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and creates nothing for it', async () => {
    const key = randomUUID();
    const title = `Idem ${randomUUID().slice(0, 6)}`;
    expect((await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title), key)).status).toBe(201);
    const other = `${title} (other)`;
    const reused = await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(other), key);
    expect(reused.status, reused.text).toBe(422);
    expect(reused.body.error).toBe('idempotency_key_reused');
    expect(reused.headers['idempotent-replayed']).toBeUndefined();
    expect(await galleriesTitled(other)).toHaveLength(0);
    expect(await galleriesTitled(title)).toHaveLength(1);
  });

  it("keeps one client's key to that client: another with the same key gets an answer of its own", async () => {
    const key = randomUUID();
    const text = `Same key ${randomUUID().slice(0, 6)}`;
    const path = `/api/portal/galleries/${galleryId}/images/${imageIds[1]}/comments`;
    const avas = await post(ava.browser, NORTHLIGHT, path, { text }, key);
    expect(avas.status, avas.text).toBe(201);
    // The very same request from Bea, who may not see Ava's gallery: refused, never Ava's answer.
    const beasCopy = await post(bea.browser, NORTHLIGHT, path, { text }, key);
    expect(beasCopy.status, beasCopy.text).toBe(404);
    expect(beasCopy.headers['idempotent-replayed']).toBeUndefined();
    // And the key is free for her own request (not "reused with another body").
    const { galleryId: beaGallery, imageIds: beaImages } = await galleryFor(studio, bea.clientId, 1);
    const beas = await post(bea.browser, NORTHLIGHT, `/api/portal/galleries/${beaGallery}/images/${beaImages[0]}/comments`, { text }, key);
    expect(beas.status, beas.text).toBe(201);
    expect(beas.headers['idempotent-replayed']).toBeUndefined();
    expect(beas.body.comment.commentId).not.toBe(avas.body.comment.commentId);
  });

  it("keeps one studio's key to that studio: another studio's same request creates its own", async () => {
    const rival = new Browser();
    const slug = `idem-${randomUUID().slice(0, 6)}`;
    await signUpAndSignIn(rival, {
      studioName: 'Idem Rival',
      slug,
      name: 'R',
      email: uniqueEmail('Idem Rival'),
      password: 'Rival-studio-1',
    });
    const key = randomUUID();
    const invite = { email: uniqueEmail('Idem Shared'), name: 'Idem Shared' };
    const ours = await post(studio, DASHBOARD, '/api/studio/clients', invite, key);
    const theirs = await post(rival, DASHBOARD, '/api/studio/clients', invite, key);
    expect([ours.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.client.clientId).not.toBe(ours.body.client.clientId);
    expect(await clientsWith(invite.email)).toHaveLength(1);
  });

  it('creates twice without a key, as before', async () => {
    const title = `Idem ${randomUUID().slice(0, 6)}`;
    const first = await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title));
    const second = await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.gallery.galleryId).not.toBe(first.body.gallery.galleryId);
    expect(await galleriesTitled(title)).toHaveLength(2);
  });

  it('keeps no failure: after a refused first attempt, the fixed retry with the same key creates', async () => {
    const key = randomUUID();
    // A domain refusal (409: already a client), thrown inside the idempotent run.
    const existing = await post(studio, DASHBOARD, '/api/studio/clients', { email: ava.email, name: 'Again' }, key);
    expect(existing.status, existing.text).toBe(409);
    const email = uniqueEmail('Idem Fixed');
    const fixed = await post(studio, DASHBOARD, '/api/studio/clients', { email, name: 'Idem Fixed' }, key);
    expect(fixed.status, fixed.text).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await clientsWith(email)).toHaveLength(1);

    // An input refusal (400) is answered before any record is written.
    const title = `Idem ${randomUUID().slice(0, 6)}`;
    const key2 = randomUUID();
    const bad = await post(studio, DASHBOARD, '/api/studio/galleries', { ...galleryBody(title), shootDate: 'yesterday' }, key2);
    expect(bad.status).toBe(400);
    const good = await post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title), key2);
    expect(good.status, good.text).toBe(201);
    expect(good.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers concurrent duplicates with the one create (or 409 while it runs)', async () => {
    const key = randomUUID();
    const title = `Idem ${randomUUID().slice(0, 6)}`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post(studio, DASHBOARD, '/api/studio/galleries', galleryBody(title), key)),
    );
    for (const a of answers) expect([201, 409], a.text).toContain(a.status);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.error).toBe('idempotency_in_progress');
      expect(a.headers['retry-after']).toBe('1');
    }
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.gallery.galleryId)).size).toBe(1);
    expect(await galleriesTitled(title)).toHaveLength(1);
  });

  it('refuses a malformed key with 400 and creates nothing', async () => {
    const title = `Idem ${randomUUID().slice(0, 6)}`;
    for (const key of ['', 'a'.repeat(129), 'with space', 'naïve']) {
      const answer = await studio.call(DASHBOARD, 'POST', '/api/studio/galleries', {
        json: galleryBody(title),
        headers: { 'idempotency-key': key },
      });
      expect(answer.status, `${JSON.stringify(key)}: ${answer.text}`).toBe(400);
      expect(answer.body.error).toBe('invalid_idempotency_key');
    }
    expect(await galleriesTitled(title)).toHaveLength(0);
  });

  it('never replays a sign-in: each answer sets its own session', async () => {
    const key = randomUUID();
    const credentials = { email: DEMO.owner.email, password: DEMO.owner.password };
    const first = await post(studio, DASHBOARD, '/api/studio/session', credentials, key);
    const second = await post(studio, DASHBOARD, '/api/studio/session', credentials, key);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.headers['set-cookie']).toBeDefined();
    expect(await storedAnswers('studioSignIn')).toHaveLength(0);
  });
});
