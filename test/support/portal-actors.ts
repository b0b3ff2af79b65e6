// The people of a proofing story, driven through the HTTP API like browsers: the demo studio's
// owner, freshly invited clients signed in on the portal, and galleries of ready images. Every
// helper takes the port of the Portico it talks to, so a test may run its own stack.
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { addReadyImages, findStudioBySlugForTest } from './fixtures.ts';
import { type Answer, Browser, DASHBOARD, magicTokenIn, mailbox, portal } from './http.ts';

export const NORTHLIGHT = portal(DEMO.studio.slug);

export interface SignedInClient {
  browser: Browser;
  clientId: string;
  email: string;
}

export const galleryRules = (over: Record<string, unknown> = {}) => ({
  selection: { enabled: true, min: 0, max: null },
  favourites: true,
  comments: true,
  downloads: 'web',
  viewOnly: false,
  watermark: null,
  ...over,
});

export async function studioBrowser(port = inject('porticoPort')): Promise<Browser> {
  const b = new Browser(port);
  const signedIn = await b.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
  expect(signedIn.status).toBe(200);
  return b;
}

export const uniqueEmail = (name: string) => `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.com`;

/** The newest magic link mailed to `email`. */
export async function latestTokenFor(email: string, port = inject('porticoPort')): Promise<string> {
  const mail = (await mailbox(port)).find((m) => m.to.includes(email));
  if (!mail) throw new Error(`No mail to ${email}`);
  return magicTokenIn(mail.text);
}

/** Invites a fresh client of the demo studio and signs them in on its portal. */
export async function freshClient(studio: Browser, name: string): Promise<SignedInClient> {
  const email = uniqueEmail(name);
  const invited = await studio.post(DASHBOARD, '/api/studio/clients', { email, name });
  expect(invited.status, invited.text).toBe(201);
  const browser = new Browser(studio.port);
  const redeemed = await browser.post(NORTHLIGHT, '/api/portal/session', { token: await latestTokenFor(email, studio.port) });
  expect(redeemed.status, redeemed.text).toBe(200);
  return { browser, clientId: invited.body.client.clientId, email };
}

/** A gallery of `imageCount` ready images for one client; published for proofing unless told otherwise. */
export async function galleryFor(
  studio: Browser,
  clientId: string,
  imageCount: number,
  ruleOverrides: Record<string, unknown> = {},
  opts: { publish?: boolean; details?: Record<string, unknown> } = {},
): Promise<{ galleryId: string; imageIds: string[] }> {
  const created = await studio.post(DASHBOARD, '/api/studio/galleries', {
    clientId,
    title: `Session ${randomUUID().slice(0, 4)}`,
    shootDate: '2026-10-17',
    deadline: '2099-12-31',
    ...opts.details,
    rules: galleryRules(ruleOverrides),
  });
  expect(created.status, created.text).toBe(201);
  const galleryId = created.body.gallery.galleryId as string;
  const studioRecord = await findStudioBySlugForTest(DEMO.studio.slug);
  const imageIds = await addReadyImages(studioRecord.studioId, galleryId, imageCount);
  if (opts.publish ?? true) expect((await publish(studio, galleryId)).status).toBe(200);
  return { galleryId, imageIds };
}

export const publish = (studio: Browser, galleryId: string) =>
  studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } });

export const select = (b: Browser, galleryId: string, imageId: string, selected = true) =>
  b.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/${galleryId}/images/${imageId}/selection`, { json: { selected } });

export const favourite = (b: Browser, galleryId: string, imageId: string, on = true) =>
  b.call(NORTHLIGHT, 'PUT', `/api/portal/galleries/${galleryId}/images/${imageId}/favourite`, { json: { favourite: on } });

export const comment = (b: Browser, galleryId: string, imageId: string, text: string) =>
  b.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/images/${imageId}/comments`, { text });

export const confirm = (b: Browser, galleryId: string) => b.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/confirm`);

/** Polls a ZIP job through the API until the worker has finished it (ready or failed). */
export async function finishedZip(b: Browser, host: string, galleryId: string, jobId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await b.get(host, `/api/portal/galleries/${galleryId}/zip/${jobId}`)).body?.job;
    if (job?.status === 'ready' || job?.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`ZIP ${jobId} did not finish: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every request got an answer (Promise.all would have thrown on a socket error), and none was a 5xx. */
export function expectNoServerErrors(answers: readonly Answer[]): void {
  const failures = answers.filter((a) => a.status >= 500 || a.status === 0).map((a) => `${a.status} ${a.text}`);
  expect(failures).toEqual([]);
}

/** How many answers had each status, e.g. { 200: 1, 401: 19 }. */
export const statusCounts = (answers: readonly Answer[]): Record<number, number> =>
  answers.reduce<Record<number, number>>((counts, a) => {
    counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }, {});

/** Every gallery of the signed-in studio, following the list's pages (the demo studio holds more than one page). */
export async function allStudioGalleries(studio: Browser): Promise<Array<Record<string, any>>> {
  const found: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const page: Answer = await studio.get(
      DASHBOARD,
      `/api/studio/galleries?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    found.push(...page.body.galleries);
    cursor = page.body.nextCursor;
  } while (cursor);
  return found;
}
