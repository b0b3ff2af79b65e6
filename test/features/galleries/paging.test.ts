// The studio's and the client's lists through the local server, more records than a page holds:
// bounded pages whose cursors reach every record once, and a cursor of another studio's list refused.
import { describe, expect, it } from 'vitest';
import { cursors } from '../../support/cursors.ts';
import { type Answer, type Browser, DASHBOARD } from '../../support/http.ts';
import { freshClient, galleryFor, NORTHLIGHT, studioBrowser, uniqueEmail } from '../../support/portal-actors.ts';
import { tenantFixture } from '../../support/tenants.ts';

/** Every page of a list route, `limit` at a time: the pages' sizes and every id listed, in order. */
async function follow(browser: Browser, host: string, path: string, field: string, id: string, limit: number) {
  const sizes: number[] = [];
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 500; n++) {
    const query: string = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) }).toString();
    const page: Answer = await browser.get(host, `${path}?${query}`);
    expect(page.status, page.text).toBe(200);
    sizes.push(page.body[field].length);
    ids.push(...page.body[field].map((r: Record<string, string>) => r[id]));
    cursor = page.body.nextCursor;
    if (!cursor) break;
  }
  return { sizes, ids };
}

const once = (ids: string[]) => new Set(ids).size === ids.length;

describe('paging the studio and portal lists', () => {
  it("pages the studio's clients: each page within the bound, every client once", async () => {
    const studio = await studioBrowser();
    const invited: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await studio.post(DASHBOARD, '/api/studio/clients', { email: uniqueEmail(`Pager ${i}`), name: `Pager ${i}` });
      expect(answer.status, answer.text).toBe(201);
      invited.push(answer.body.client.clientId);
    }
    const { sizes, ids } = await follow(studio, DASHBOARD, '/api/studio/clients', 'clients', 'clientId', 2);
    expect(sizes.every((s) => s <= 2)).toBe(true);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(once(ids)).toBe(true);
    expect(ids).toEqual(expect.arrayContaining(invited));
    // The default page is bounded too.
    const first = await studio.get(DASHBOARD, '/api/studio/clients');
    expect(first.body.clients.length).toBeLessThanOrEqual(50);
    expect(first.body).toHaveProperty('nextCursor');
  });

  it("pages the studio's galleries and a client's galleries", async () => {
    const studio = await studioBrowser();
    const ava = await freshClient(studio, 'Gallery Pager');
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await galleryFor(studio, ava.clientId, 0)).galleryId);

    const studioList = await follow(studio, DASHBOARD, '/api/studio/galleries', 'galleries', 'galleryId', 2);
    expect(studioList.sizes.every((s) => s <= 2)).toBe(true);
    expect(once(studioList.ids)).toBe(true);
    expect(studioList.ids).toEqual(expect.arrayContaining(created));

    const portalList = await follow(ava.browser, NORTHLIGHT, '/api/portal/galleries', 'galleries', 'galleryId', 2);
    expect(portalList.sizes).toEqual([2, 2, 1]);
    expect(portalList.ids.toSorted()).toEqual(created.toSorted());
  });

  it("refuses a cursor into another studio's lists, answering none of its records", async () => {
    const studio = await studioBrowser();
    const other = await tenantFixture('Pagers');
    const [rivalClient] = other.clients;
    const attempts = [
      `/api/studio/clients?cursor=${cursors.clients(other.studioId, rivalClient.clientId)}`,
      `/api/studio/galleries?cursor=${cursors.studioGalleries(other.studioId, rivalClient.galleryId)}`,
    ];
    for (const path of attempts) {
      const answer = await studio.get(DASHBOARD, path);
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error).toBe('invalid_cursor');
      expect(answer.text).not.toContain(rivalClient.clientId);
    }
  }, 120_000);
});
