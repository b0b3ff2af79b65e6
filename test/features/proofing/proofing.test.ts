// Galleries and proofing through the local server: the studio creates and publishes a gallery,
// the client favourites, selects within the limits, comments and confirms; other clients and
// studios see nothing; refused requests change nothing. Concurrency lives in concurrency.test.ts.
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { findStudioBySlugForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, mailbox, signUpAndSignIn } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import {
  allStudioGalleries,
  comment,
  favourite,
  freshClient,
  NORTHLIGHT,
  publish,
  select,
  statusCounts,
  galleryFor as storyGallery,
  studioBrowser,
} from '../../support/portal-actors.ts';
import { storedState } from '../../support/snapshot.ts';

/** A draft gallery with a selection of 2 to 3 images, a welcome note and a tag. */
const galleryFor = (studio: Browser, clientId: string, imageCount: number, ruleOverrides: Record<string, unknown> = {}) =>
  storyGallery(
    studio,
    clientId,
    imageCount,
    { selection: { enabled: true, min: 2, max: 3 }, ...ruleOverrides },
    { publish: false, details: { welcomeNote: 'Pick your favourites!', tags: ['ceremony'] } },
  );

describe('proofing a gallery', () => {
  let studio: Browser;
  let ava: { browser: Browser; clientId: string; email: string };
  let other: { browser: Browser; clientId: string; email: string };
  let galleryId: string;
  let imageIds: string[];

  beforeAll(async () => {
    studio = await studioBrowser();
    ava = await freshClient(studio, 'Proofing Ava');
    other = await freshClient(studio, 'Other Client');
    ({ galleryId, imageIds } = await galleryFor(studio, ava.clientId, 6));
  });

  it('keeps a draft hidden from the client until the studio publishes it', async () => {
    expect((await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`)).status).toBe(404);
    const listed = (await ava.browser.get(NORTHLIGHT, '/api/portal/galleries')).body.galleries;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ galleryId, status: 'unavailable', imageCount: 0, coverUrl: null });
    const published = await publish(studio, galleryId);
    expect(published.status).toBe(200);
    expect(published.body.gallery.status).toBe('proofing');
    const view = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    expect(view.status).toBe(200);
    expect(view.body.gallery.can).toEqual({ favourite: true, select: true, comment: true, confirm: false, download: true });
    expect(view.body.images).toHaveLength(6);
    expect(view.body.images[0].thumbUrl).toMatch(/^http/);
    expect(view.body.gallery.welcomeNote).toBe('Pick your favourites!');
  });

  it("never shows one client's gallery to another client, or to another studio", async () => {
    await publish(studio, galleryId);
    expect((await other.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`)).status).toBe(404);
    expect((await select(other.browser, galleryId, imageIds[0] as string)).status).toBe(404);
    const before = await storedState();
    const otherStudio = new Browser();
    await signUpAndSignIn(otherStudio, {
      studioName: 'Rival',
      slug: `rival-${randomUUID().slice(0, 6)}`,
      name: 'R',
      email: `rival-${randomUUID().slice(0, 6)}@example.com`,
      password: 'Rival-studio-1',
    });
    const afterSignup = await storedState();
    expect((await otherStudio.get(DASHBOARD, `/api/studio/galleries/${galleryId}`)).status).toBe(404);
    expect((await otherStudio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { title: 'Mine now' } })).status).toBe(
      404,
    );
    expect(
      (
        await otherStudio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads`, {
          files: [{ fileName: 'a.jpg', contentType: 'image/jpeg', size: 10 }],
        })
      ).status,
    ).toBe(404);
    expect((await otherStudio.post(DASHBOARD, '/api/studio/galleries', { clientId: ava.clientId, title: 'Steal' })).status).toBe(404);
    expect(await storedState()).toEqual(afterSignup);
    expect(before.items).toBeLessThan(afterSignup.items);
  });

  it('selects within the maximum, favourites and comments, and refuses bad input without changes', async () => {
    const [a, b, c, d] = imageIds as [string, string, string, string];
    expect((await select(ava.browser, galleryId, a)).body).toEqual({ selected: true, selectedCount: 1 });
    expect((await select(ava.browser, galleryId, a)).body).toEqual({ selected: true, selectedCount: 1 });
    expect((await select(ava.browser, galleryId, b)).body.selectedCount).toBe(2);
    expect((await select(ava.browser, galleryId, c)).body.selectedCount).toBe(3);
    const full = await select(ava.browser, galleryId, d);
    expect(full.status).toBe(409);
    expect(full.body.error).toBe('selection_full');
    expect((await select(ava.browser, galleryId, c, false)).body).toEqual({ selected: false, selectedCount: 2 });

    const fav = await ava.browser.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/${galleryId}/images/${d}/favourite`, {
      json: { favourite: true },
    });
    expect(fav.body).toEqual({ favourite: true });
    const comment = await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${d}/comments`, {
      text: 'Can this be brighter?',
    });
    expect(comment.status).toBe(201);
    const comments = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${d}/comments`);
    expect(comments.body.comments.map((x: { text: string }) => x.text)).toEqual(['Can this be brighter?']);

    const before = await storedState();
    expect(
      (await ava.browser.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/${galleryId}/images/${d}/selection`, { json: { selected: 'yes' } }))
        .status,
    ).toBe(400);
    expect(
      (await ava.browser.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/not-a-uuid/images/${d}/selection`, { json: { selected: true } }))
        .status,
    ).toBe(400);
    expect((await select(ava.browser, galleryId, randomUUID())).status).toBe(404);
    expect((await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${d}/comments`, { text: '   ' })).status).toBe(
      400,
    );
    expect(
      (await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${d}/comments`, { text: 'x'.repeat(1001) })).status,
    ).toBe(400);
    expect(await storedState()).toEqual(before);

    const view = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    const marks = Object.fromEntries(
      view.body.images.map((i: { imageId: string; selected: boolean; favourite: boolean; comments: number }) => [i.imageId, i]),
    );
    expect(marks[a].selected && marks[b].selected && !marks[c].selected).toBe(true);
    expect(marks[d]).toMatchObject({ favourite: true, comments: 1, selected: false });
    expect(view.body.gallery.selectedCount).toBe(2);
    expect(view.body.gallery.can.confirm).toBe(true);
  });

  it('gives a download link at the size the rules allow', async () => {
    const answer = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${imageIds[0]}/download`);
    expect(answer.status).toBe(200);
    expect(answer.body.fileName).toBe('IMG_0001.jpg');
    expect(decodeURIComponent(answer.body.url)).toContain('attachment; filename="IMG_0001.jpg"');
    const file = await fetch(answer.body.url);
    expect(file.status).toBe(200);
    expect(await file.text()).toMatch(/^preview /);
  });

  it('confirms the final set, locks it, tells the studio and lists it as a submission with a CSV', async () => {
    const confirmed = await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/confirm`);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.submission).toMatchObject({ count: 2, fileNames: ['IMG_0001.jpg', 'IMG_0002.jpg'], clientEmail: ava.email });
    expect((await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/confirm`)).status).toBe(409);
    const after = await select(ava.browser, galleryId, imageIds[4] as string);
    expect(after.status).toBeGreaterThanOrEqual(400);
    expect(after.status).toBeLessThan(500);
    const view = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    expect(view.body.gallery.status).toBe('locked');
    expect(view.body.gallery.selectedCount).toBe(2);
    expect(view.body.gallery.can.select).toBe(false);

    const mail = (await mailbox()).find((m) => m.subject.includes('confirmed 2 images'));
    expect(mail?.text).toContain('IMG_0001.jpg, IMG_0002.jpg');

    const submissions = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/submissions`);
    expect(submissions.body.submissions).toHaveLength(1);
    const csv = await studio.get(
      DASHBOARD,
      `/api/studio/galleries/${galleryId}/submissions/${submissions.body.submissions[0].submissionId}/csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[1]).toMatch(/^IMG_0001\.jpg,Proofing Ava,/);
    const detail = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}`);
    expect(detail.body.gallery).toMatchObject({ selectedCount: 2, confirmedAt: expect.any(String) });
    const listed = (await allStudioGalleries(studio)).find((g) => g.galleryId === galleryId);
    expect(listed).toMatchObject({ selectedCount: 2, confirmedAt: expect.any(String) });
    // Confirming ends proofing, not downloading.
    expect(view.body.gallery.can.download).toBe(true);
    expect(detail.body.images.filter((i: { selected: boolean }) => i.selected)).toHaveLength(2);
  });

  it('hides and refuses what the rules forbid', async () => {
    const viewOnly = await galleryFor(studio, ava.clientId, 2, { viewOnly: true, downloads: 'off' });
    await publish(studio, viewOnly.galleryId);
    const view = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${viewOnly.galleryId}`);
    expect(view.body.gallery.can).toEqual({ favourite: false, select: false, comment: false, confirm: false, download: false });
    const id = viewOnly.imageIds[0] as string;
    const before = await storedState();
    expect((await select(ava.browser, viewOnly.galleryId, id)).status).toBe(403);
    expect(
      (
        await ava.browser.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/${viewOnly.galleryId}/images/${id}/favourite`, {
          json: { favourite: true },
        })
      ).status,
    ).toBe(403);
    expect(
      (await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${viewOnly.galleryId}/images/${id}/comments`, { text: 'hi' })).status,
    ).toBe(403);
    expect((await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${viewOnly.galleryId}/images/${id}/download`)).status).toBe(403);
    expect((await ava.browser.post(NORTHLIGHT, `/api/portal/galleries/${viewOnly.galleryId}/zip`, { scope: 'all' })).status).toBe(403);
    expect(await storedState()).toEqual(before);
  });
});

describe('per-client write limits', () => {
  /**
   * Limits count in fixed windows of a minute on the epoch: a burst that needs up to `burstSeconds`
   * waits for the next window unless that much of this one is left, so all of it lands in one window.
   */
  async function roomInWindow(burstSeconds: number) {
    const left = 60 - ((Date.now() / 1000) % 60);
    if (left < burstSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 100));
  }

  it('takes 30 comments a minute from one client and answers the rest 429 with Retry-After, losing none it took', async () => {
    const studio = await studioBrowser();
    const client = await freshClient(studio, 'Comment Flood');
    const { galleryId, imageIds } = await storyGallery(studio, client.clientId, 1);
    const imageId = imageIds[0] as string;
    await roomInWindow(15);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => comment(client.browser, galleryId, imageId, `Note ${i}`)));
    expect(statusCounts(answers)).toEqual({ 201: 30, 429: 10 });
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.body.error).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    const accepted = answers.filter((a) => a.status === 201).map((a) => a.body.comment.text as string);
    const listed = await client.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${imageId}/comments`);
    expect(listed.body.comments.map((c: { text: string }) => c.text).sort()).toEqual(accepted.sort());
    // Another client's comments are not held back by this one's flood.
    const other = await freshClient(studio, 'Comment Neighbour');
    const theirs = await storyGallery(studio, other.clientId, 1);
    expect((await comment(other.browser, theirs.galleryId, theirs.imageIds[0] as string, 'Lovely')).status).toBe(201);
  });

  it('takes 300 favourite and selection changes a minute from one client and answers the rest 429', async () => {
    const studio = await studioBrowser();
    const client = await freshClient(studio, 'Mark Flood');
    const { galleryId, imageIds } = await storyGallery(studio, client.clientId, 8);
    await roomInWindow(45);
    const answers = await Promise.all(
      Array.from({ length: 320 }, (_, i) => {
        const imageId = imageIds[i % imageIds.length] as string;
        return i % 2 ? favourite(client.browser, galleryId, imageId) : select(client.browser, galleryId, imageId);
      }),
    );
    expect(statusCounts(answers)).toEqual({ 200: 300, 429: 20 });
    for (const refused of answers.filter((a) => a.status === 429)) expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  }, 120_000);
});

describe('removing images', () => {
  it("takes a selected image out of the client's selection, and refuses one in a confirmed set", async () => {
    const studio = await studioBrowser();
    const client = await freshClient(studio, 'Removal Client');
    const { galleryId, imageIds } = await galleryFor(studio, client.clientId, 4, { selection: { enabled: true, min: 1, max: null } });
    await publish(studio, galleryId);
    const [a, b, c] = imageIds as [string, string, string];
    await select(client.browser, galleryId, a);
    await select(client.browser, galleryId, b);
    await client.browser.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/${galleryId}/images/${a}/favourite`, { json: { favourite: true } });

    expect((await studio.call(DASHBOARD, 'DELETE', `/api/studio/galleries/${galleryId}/images/${a}`)).status).toBe(204);
    const view = await client.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    expect(view.body.images).toHaveLength(3);
    expect(view.body.gallery.selectedCount).toBe(1);
    expect(view.body.images.filter((i: { favourite: boolean }) => i.favourite)).toHaveLength(0);
    expect((await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}`)).body.gallery.imageCount).toBe(3);

    expect((await client.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/confirm`)).status).toBe(201);
    const refused = await studio.call(DASHBOARD, 'DELETE', `/api/studio/galleries/${galleryId}/images/${b}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('image_in_confirmed_set');
    expect((await studio.call(DASHBOARD, 'DELETE', `/api/studio/galleries/${galleryId}/images/${c}`)).status).toBe(204);
    expect((await studio.call(DASHBOARD, 'DELETE', `/api/studio/galleries/${galleryId}/images/${c}`)).status).toBe(404);
  });
});

describe('uploads', () => {
  it('hands out presigned PUTs for small files and multipart parts for large ones, and refuses bad files', async () => {
    const studio = await studioBrowser();
    const client = await freshClient(studio, 'Upload Client');
    const created = await studio.post(DASHBOARD, '/api/studio/galleries', { clientId: client.clientId, title: 'Uploads' });
    const galleryId = created.body.gallery.galleryId;
    const before = await storedState();
    for (const bad of [
      { fileName: '../../etc/passwd', contentType: 'image/jpeg', size: 10 },
      { fileName: 'a.exe', contentType: 'application/x-msdownload', size: 10 },
      { fileName: 'huge.jpg', contentType: 'image/jpeg', size: 201 * 1024 * 1024 },
      { fileName: 'empty.jpg', contentType: 'image/jpeg', size: 0 },
    ]) {
      const answer = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads`, { files: [bad] });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.body.fields).toBeTruthy();
    }
    expect(await storedState()).toEqual(before);

    const tickets = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads`, {
      files: [
        { fileName: 'small.jpg', contentType: 'image/jpeg', size: 5 },
        { fileName: 'big.jpg', contentType: 'image/jpeg', size: 20 * 1024 * 1024 },
      ],
    });
    expect(tickets.status).toBe(201);
    const [small, big] = tickets.body.tickets;
    expect(small.put.url).toMatch(/^http/);
    expect(big.multipart.parts).toHaveLength(3);

    const put = await fetch(small.put.url, { method: 'PUT', headers: small.put.headers, body: 'hello' });
    expect(put.status).toBe(200);
    const parts = [];
    const bytes = Buffer.alloc(20 * 1024 * 1024, 7);
    for (const part of big.multipart.parts) {
      const chunk = bytes.subarray((part.partNumber - 1) * big.multipart.partSize, part.partNumber * big.multipart.partSize);
      const res = await fetch(part.url, { method: 'PUT', body: chunk });
      expect(res.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') as string });
    }
    const missing = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads/${big.imageId}/complete`, {});
    expect(missing.status).toBe(400);
    const completed = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads/${big.imageId}/complete`, {
      uploadId: big.multipart.uploadId,
      parts,
    });
    expect(completed.status).toBe(200);
    expect(['processing', 'ready', 'failed']).toContain(completed.body.image.status);
    const detail = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}`);
    expect(detail.body.images.map((i: { fileName: string }) => i.fileName).sort()).toEqual(['big.jpg', 'small.jpg']);
    // Let the pipeline finish with these files, so no later test sees the table change under it.
    await expect
      .poll(
        async () => {
          const now = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}`);
          return now.body.images.every((i: { status: string }) => i.status === 'ready' || i.status === 'failed');
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
  });
});

describe('names that reach a spreadsheet or a mail header', () => {
  it('refuses a gallery title that could break into a mail header, changing nothing', async () => {
    const studio = await studioBrowser();
    const bob = await freshClient(studio, 'Title Bob');
    const { galleryId } = await galleryFor(studio, bob.clientId, 0);
    const before = await storedState();
    const created = await studio.post(DASHBOARD, '/api/studio/galleries', {
      clientId: bob.clientId,
      title: 'Wedding\r\nBcc: attacker@evil.example',
    });
    expect(created.status).toBe(400);
    expect(Object.keys(created.body.fields)).toEqual(['title']);
    const renamed = await studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { title: 'Wedding\u2028x' } });
    expect(renamed.status).toBe(400);
    expect(Object.keys(renamed.body.fields)).toEqual(['title']);
    expect(await storedState()).toEqual(before);
  });

  it('exports a client name holding a lone CR (stored before names were checked) as one defused cell, and mails one-line headers', async () => {
    const studio = await studioBrowser();
    const bob = await freshClient(studio, 'Legacy Bob');
    const { studioId } = await findStudioBySlugForTest(DEMO.studio.slug);
    const stored = 'Bob\r=1+1\r\nBcc: attacker@evil.example';
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.client(studioId, bob.clientId),
        UpdateExpression: 'SET #name = :name',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': stored },
      }),
    );
    const { galleryId, imageIds } = await storyGallery(studio, bob.clientId, 2);
    expect((await select(bob.browser, galleryId, imageIds[0] as string)).status).toBe(200);
    expect((await bob.browser.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/confirm`)).status).toBe(201);

    const submissions = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/submissions`);
    const csv = await studio.get(
      DASHBOARD,
      `/api/studio/galleries/${galleryId}/submissions/${submissions.body.submissions[0].submissionId}/csv`,
    );
    expect(csv.status).toBe(200);
    const rows: string[][] = parseCsv(csv.text);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 2)).toEqual(['IMG_0001.jpg', "Bob\r'=1+1\r\nBcc: attacker@evil.example"]);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/(?:^|[\r\n])[=+\-@\t\r]/);

    const mail = (await mailbox()).find((m) => m.subject.includes('attacker@evil.example confirmed'));
    expect(mail?.subject).toBeDefined();
    expect(mail?.subject).not.toMatch(/[\r\n]/);
    expect(mail?.subject).toContain('Bob =1+1 Bcc: attacker@evil.example confirmed 1 images');
  });
});
