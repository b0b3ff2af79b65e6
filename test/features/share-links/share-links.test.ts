// Share links: view-only and download links to a gallery, with password, expiry and revocation,
// counted on every use, and bound to the issuing studio's portal.
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { addReadyImages, findStudioBySlugForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, portal, signUpAndSignIn } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import { storedState } from '../../support/snapshot.ts';

const NORTHLIGHT = portal(DEMO.studio.slug);
const tokenOf = (url: string) => url.split('#')[1] as string;

describe('share links', () => {
  let studio: Browser;
  let galleryId: string;
  let imageId: string;

  beforeAll(async () => {
    studio = new Browser();
    await studio.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
    const clients = await studio.get(DASHBOARD, '/api/studio/clients');
    const created = await studio.post(DASHBOARD, '/api/studio/galleries', {
      clientId: clients.body.clients[0].clientId,
      title: `Shared ${randomUUID().slice(0, 4)}`,
    });
    galleryId = created.body.gallery.galleryId;
    const northlight = await findStudioBySlugForTest(DEMO.studio.slug);
    [imageId] = (await addReadyImages(northlight.studioId, galleryId, 3, 'SHARE')) as [string];
    await studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'ready' } });
  });

  it('opens a view-only link without an account and refuses downloads through it', async () => {
    const created = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, { access: 'view' });
    expect(created.status).toBe(201);
    expect(created.body.link.url).toMatch(new RegExp(`^http://${DEMO.studio.slug}\\.localhost:\\d+/share#[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(created.body.link.url);
    const visitor = new Browser();
    const opened = await visitor.post(NORTHLIGHT, '/api/share/gallery', { token });
    expect(opened.status).toBe(200);
    expect(opened.body.gallery.canDownload).toBe(false);
    expect(opened.body.images).toHaveLength(3);
    const download = await visitor.post(NORTHLIGHT, '/api/share/download', { token, imageId });
    expect(download.status).toBe(403);
    // Bound to the studio's portal: the same token elsewhere is unknown.
    expect((await visitor.post(portal('no-such-studio'), '/api/share/gallery', { token })).status).toBe(404);
  });

  it('guards a download link with its password, counts uses, and stops it when revoked', async () => {
    const created = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, {
      access: 'download',
      password: 'wedding2026',
    });
    const token = tokenOf(created.body.link.url);
    const visitor = new Browser();
    expect((await visitor.post(NORTHLIGHT, '/api/share/gallery', { token })).body.error).toBe('password_required');
    expect((await visitor.post(NORTHLIGHT, '/api/share/gallery', { token, password: 'nope' })).body.error).toBe('password_wrong');
    const opened = await visitor.post(NORTHLIGHT, '/api/share/gallery', { token, password: 'wedding2026' });
    expect(opened.status).toBe(200);
    expect(opened.body.gallery.canDownload).toBe(true);
    const download = await visitor.post(NORTHLIGHT, '/api/share/download', { token, password: 'wedding2026', imageId });
    expect(download.status).toBe(200);
    expect(download.body.fileName).toBe('SHARE_0001.jpg');

    const links = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`);
    const listed = links.body.links.find((l: { linkId: string }) => l.linkId === created.body.link.linkId);
    expect(listed).toMatchObject({ uses: 2, hasPassword: true, access: 'download' });
    expect(listed.url).toBeUndefined();
    expect(JSON.stringify(links.body)).not.toContain('passwordHash');

    expect((await studio.call(DASHBOARD, 'DELETE', `/api/studio/galleries/${galleryId}/share-links/${listed.linkId}`)).status).toBe(204);
    const revoked = await visitor.post(NORTHLIGHT, '/api/share/gallery', { token, password: 'wedding2026' });
    expect(revoked.status).toBe(410);
    expect(revoked.body.error).toBe('link_revoked');
  });

  describe('password guesses', () => {
    const PASSWORD = 'lockout-proof-2026';
    /** A visitor from its own source IP (any loopback address reaches the local server). */
    const from = (ip: string) => new Browser(undefined, ip);
    const passwordLink = async () => {
      const created = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, {
        access: 'download',
        password: PASSWORD,
      });
      expect(created.status).toBe(201);
      return { token: tokenOf(created.body.link.url), linkId: created.body.link.linkId as string };
    };

    it("counts one visitor's wrong guesses against that visitor alone: past the limit it gets 429, another opens", async () => {
      const { token } = await passwordLink();
      const guesser = from('127.0.9.1');
      const guesses = [];
      for (let i = 0; i < 12; i++) guesses.push(await guesser.post(NORTHLIGHT, '/api/share/gallery', { token, password: `guess-${i}` }));
      expect(guesses.slice(0, 10).map((a) => a.body.error)).toEqual(Array(10).fill('password_wrong'));
      for (const refused of guesses.slice(10)) {
        expect(refused.status).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Its own right password is refused too: the limit is on this visitor, before any check.
      expect((await guesser.post(NORTHLIGHT, '/api/share/gallery', { token, password: PASSWORD })).status).toBe(429);

      // Someone else with the password opens the link, and a wrong guess of theirs is just wrong.
      const guest = from('127.0.9.2');
      const opened = await guest.post(NORTHLIGHT, '/api/share/gallery', { token, password: PASSWORD });
      expect(opened.status, opened.text).toBe(200);
      expect(opened.body.images).toHaveLength(3);
      expect((await guest.post(NORTHLIGHT, '/api/share/gallery', { token, password: 'typo' })).body.error).toBe('password_wrong');
      expect((await guest.post(NORTHLIGHT, '/api/share/download', { token, password: PASSWORD, imageId })).status).toBe(200);
    });

    it('never throttles a visitor who has the password: 30 downloads after opening all succeed', async () => {
      const { token, linkId } = await passwordLink();
      const guest = from('127.0.9.3');
      expect((await guest.post(NORTHLIGHT, '/api/share/gallery', { token, password: PASSWORD })).status).toBe(200);
      const downloads = [];
      for (let i = 0; i < 30; i++)
        downloads.push(await guest.post(NORTHLIGHT, '/api/share/download', { token, password: PASSWORD, imageId }));
      expect(downloads.map((a) => a.status)).toEqual(Array(30).fill(200));
      const links = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`);
      expect(links.body.links.find((l: { linkId: string }) => l.linkId === linkId)?.uses).toBe(31);
    });

    it('counts the visitor by its own address, whatever x-portico-viewer-ip it claims', async () => {
      const { token } = await passwordLink();
      const guesser = from('127.0.9.5');
      const guess = (i: number) =>
        guesser.call(NORTHLIGHT, 'POST', '/api/share/gallery', {
          json: { token, password: `spoof-${i}` },
          headers: { 'x-portico-viewer-ip': `198.51.100.${i}` },
        });
      const answers = [];
      for (let i = 0; i < 11; i++) answers.push(await guess(i));
      expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
      expect(answers[10]?.status).toBe(429);
    });

    it('lets no burst of concurrent wrong guesses past the limit', async () => {
      const { token } = await passwordLink();
      const guesser = from('127.0.9.4');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => guesser.post(NORTHLIGHT, '/api/share/gallery', { token, password: `burst-${i}` })),
      );
      expect(answers.filter((a) => a.status === 401)).toHaveLength(10);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
    });
  });

  it('stops working after its expiry date', async () => {
    const created = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, {
      access: 'view',
      expiresAt: '2099-01-01',
    });
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.shareLink(galleryId, created.body.link.linkId),
        UpdateExpression: 'SET expiresAt = :d',
        ExpressionAttributeValues: { ':d': '2020-01-01' },
      }),
    );
    const answer = await new Browser().post(NORTHLIGHT, '/api/share/gallery', { token: tokenOf(created.body.link.url) });
    expect(answer.status).toBe(410);
    expect(answer.body.error).toBe('link_expired');
  });

  it('refuses bad input and other studios, changing nothing', async () => {
    const before = await storedState();
    expect((await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, { access: 'edit' })).status).toBe(400);
    expect(
      (await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, { access: 'view', expiresAt: '2001-01-01' })).status,
    ).toBe(400);
    expect((await new Browser().post(NORTHLIGHT, '/api/share/gallery', { token: 'short' })).status).toBe(400);
    expect((await new Browser().post(NORTHLIGHT, '/api/share/gallery', { token: 'A'.repeat(43) })).status).toBe(404);
    const rival = new Browser();
    await signUpAndSignIn(rival, {
      studioName: 'Rival Links',
      slug: `links-${randomUUID().slice(0, 6)}`,
      name: 'R',
      email: `links-${randomUUID().slice(0, 6)}@example.com`,
      password: 'Rival-links-1',
    });
    const afterSignup = await storedState();
    expect((await rival.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, { access: 'view' })).status).toBe(404);
    expect((await rival.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`)).status).toBe(404);
    expect((await rival.get(DASHBOARD, `/api/studio/galleries/${galleryId}/activity`)).status).toBe(404);
    expect(await storedState()).toEqual(afterSignup);
    expect(afterSignup.items).toBeGreaterThan(before.items);
  });

  it('reports views and downloads per client, and each link’s use in the share links’ own pages', async () => {
    const activity = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/activity`);
    expect(activity.status).toBe(200);
    expect(activity.body.nextCursor).toBeNull();
    const links = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`);
    expect(links.body.links.length).toBeGreaterThanOrEqual(3);
    const firstTwo = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links?limit=2`);
    expect(firstTwo.body.links).toHaveLength(2);
    const rest = await studio.get(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links?cursor=${firstTwo.body.nextCursor}`);
    const paged = [...firstTwo.body.links, ...rest.body.links].map((l: { linkId: string }) => l.linkId);
    expect(paged.toSorted()).toEqual(links.body.links.map((l: { linkId: string }) => l.linkId).toSorted());
  });
});
