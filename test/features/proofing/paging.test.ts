// A long comment thread through the local server: the list answers bounded pages with a cursor that
// reaches every comment once, in order; a cursor that is garbage or names another list is refused; and
// the gallery's view counts comments without reading one (issue 9 finding 10: 3,000 comments made
// the gallery view 14 times slower and the comment list 3.44 MB).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGalleryContents } from '../../../shared/features/galleries/index.ts';
import { putComment } from '../../../shared/features/proofing/data.ts';
import { PAGE_SIZE } from '../../../shared/paging.ts';
import { cursorAfter, cursors } from '../../support/cursors.ts';
import type { Answer, Browser } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import { freshClient, galleryFor, NORTHLIGHT, type SignedInClient, studioBrowser } from '../../support/portal-actors.ts';

/** Comments written as addComment writes them (its data function), past the per-minute limit a person meets. */
async function plantComments(galleryId: string, imageId: string, count: number, text: (i: number) => string) {
  const base = Date.parse('2026-11-01T00:00:00.000Z');
  const written: string[] = [];
  for (let i = 0; i < count; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - i) }, async (_, j) => {
        const n = i + j;
        const commentId = randomUUID();
        written[n] = commentId;
        await putComment(galleryId, {
          commentId,
          imageId,
          author: 'client',
          authorName: 'Planted',
          authorId: 'planted',
          text: text(n),
          // Distinct, increasing times: the thread's order is the order they were written in.
          createdAt: new Date(base + n * 1000).toISOString(),
        });
      }),
    );
  }
  return written;
}

const commentsPath = (galleryId: string, imageId: string, query = '') =>
  `/api/portal/galleries/${galleryId}/images/${imageId}/comments${query ? `?${query}` : ''}`;

describe('a long comment thread', () => {
  let studio: Browser;
  let ava: SignedInClient;
  let galleryId: string;
  let imageIds: string[];
  let planted: string[];

  beforeAll(async () => {
    studio = await studioBrowser();
    ava = await freshClient(studio, 'Paging Ava');
    ({ galleryId, imageIds } = await galleryFor(studio, ava.clientId, 3));
    planted = await plantComments(galleryId, imageIds[0] as string, 130, (n) => `Comment ${n}`);
  }, 120_000);

  it('answers pages of at most the bound, and the cursors reach every comment once, oldest first', async () => {
    const first = await ava.browser.get(NORTHLIGHT, commentsPath(galleryId, imageIds[0] as string));
    expect(first.status, first.text).toBe(200);
    expect(first.body.comments).toHaveLength(PAGE_SIZE.default);
    expect(typeof first.body.nextCursor).toBe('string');

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = new URLSearchParams({ limit: '40', ...(cursor ? { cursor } : {}) }).toString();
      const page: Answer = await ava.browser.get(NORTHLIGHT, commentsPath(galleryId, imageIds[0] as string, query));
      expect(page.status, page.text).toBe(200);
      sizes.push(page.body.comments.length);
      seen.push(...page.body.comments.map((c: { commentId: string }) => c.commentId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([40, 40, 40, 10]);
    expect(seen).toEqual(planted);
  });

  it('refuses a page size past the bound, and a garbage cursor, with a 400 JSON error', async () => {
    for (const query of ['limit=101', 'limit=0', 'limit=-1', 'limit=abc', 'cursor=%%%', 'cursor=bm90IGpzb24', 'cursor=', 'limt=5']) {
      const answer = await ava.browser.get(NORTHLIGHT, commentsPath(galleryId, imageIds[0] as string, query));
      expect(answer.status, `${query}: ${answer.text}`).toBe(400);
      expect(typeof answer.body.message, query).toBe('string');
    }
  });

  it("refuses a cursor taken from another image's, gallery's or studio's list, never answering its comments", async () => {
    const [own, other] = imageIds as [string, string];
    // A real cursor of this image's thread, used on another image of the same gallery.
    const page = await ava.browser.get(NORTHLIGHT, commentsPath(galleryId, own, 'limit=5'));
    const foreign = [
      page.body.nextCursor as string,
      cursors.comments(randomUUID(), own),
      cursorAfter(keys.client(randomUUID(), ava.clientId)),
      cursorAfter({ PK: keys.galleryPartition(galleryId), SK: 'SELECTION#' }),
      cursorAfter({ ...keys.comment(galleryId, other, '2026', 'x'), extra: 'x' }),
    ];
    for (const cursor of foreign) {
      const answer = await ava.browser.get(NORTHLIGHT, commentsPath(galleryId, other, `cursor=${cursor}`));
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error).toBe('invalid_cursor');
      expect(answer.text).not.toContain('Comment ');
    }
  });
});

describe("the gallery's view and its comments", () => {
  let studio: Browser;
  let ava: SignedInClient;
  let galleryId: string;
  let imageIds: string[];

  beforeAll(async () => {
    studio = await studioBrowser();
    ava = await freshClient(studio, 'Counting Ava');
    ({ galleryId, imageIds } = await galleryFor(studio, ava.clientId, 3));
  });

  it('counts comments without reading them: the read takes as many requests with 1,000 long comments as with none', async () => {
    const before = await loadGalleryContents(galleryId);
    expect(before.requests).toBe(1);
    // Long comments, over a megabyte in all: a Query that read them would need a second page.
    await plantComments(galleryId, imageIds[0] as string, 650, (n) => `${n} ${'x'.repeat(990)}`);
    await plantComments(galleryId, imageIds[1] as string, 350, (n) => `${n} ${'y'.repeat(990)}`);
    const after = await loadGalleryContents(galleryId);
    expect(after.requests).toBe(before.requests);
    expect(after.images).toHaveLength(3);

    const counts = (images: { imageId: string; comments: number }[]) => Object.fromEntries(images.map((i) => [i.imageId, i.comments]));
    const expected = { [imageIds[0] as string]: 650, [imageIds[1] as string]: 350, [imageIds[2] as string]: 0 };
    const clientView = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    expect(clientView.status, clientView.text).toBe(200);
    expect(counts(clientView.body.images)).toEqual(expected);
    const studioView = await studio.get('localhost', `/api/studio/galleries/${galleryId}`);
    expect(studioView.status, studioView.text).toBe(200);
    expect(counts(studioView.body.images)).toEqual(expected);
  }, 120_000);

  it('counts a comment posted through the API', async () => {
    const posted = await ava.browser.post(NORTHLIGHT, commentsPath(galleryId, imageIds[2] as string), { text: 'One more' });
    expect(posted.status, posted.text).toBe(201);
    const view = await ava.browser.get(NORTHLIGHT, `/api/portal/galleries/${galleryId}`);
    expect(view.body.images.find((i: { imageId: string }) => i.imageId === imageIds[2]).comments).toBe(1);
  });
});
