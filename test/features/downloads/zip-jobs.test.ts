// ZIP downloads against the shared local stack: objects in the bucket → requestZip → the worker
// streams them into one ZIP in the bucket → the test downloads and unpacks it; and a client's ZIPs
// through the portal, capped per client and gallery and handed out again for the same set.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { s3 } from '../../../shared/adapters/storage.ts';
import { config } from '../../../shared/config.ts';
import { queryPrefix } from '../../../shared/data/db.ts';
import { objects } from '../../../shared/data/objects.ts';
import { getZipJob, requestZip } from '../../../shared/features/downloads/domain/zip-jobs.ts';
import { runZipJob } from '../../../shared/features/downloads/domain/zip-worker.ts';
import type { ZipJob } from '../../../shared/features/downloads/records.ts';
import type { Browser } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import { finishedZip, freshClient, galleryFor, NORTHLIGHT, select, statusCounts, studioBrowser } from '../../support/portal-actors.ts';
import { unzip } from '../../support/unzip.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Fixture {
  studioId: string;
  galleryId: string;
  entries: { key: string; fileName: string; size: number }[];
  /** What the ZIP must hold: name in the ZIP → sha256 and size of the original bytes. */
  expected: Map<string, { sha: string; size: number }>;
  missing: { key: string; fileName: string };
}

/** A gallery's worth of objects: clashing names, a hostile name, one big enough for several parts, one gone. */
async function fixture(): Promise<Fixture> {
  const studioId = randomUUID();
  const galleryId = randomUUID();
  const files: [string, number, string][] = [
    ['IMG_1.jpg', 9 * 1024 * 1024 + 123, 'IMG_1.jpg'], // > one 8 MiB part: a real multipart upload
    ['IMG_1.jpg', 300_000, 'IMG_1 (2).jpg'],
    ['img_1.JPG', 5, 'img_1 (3).JPG'],
    ['../../etc/pass\u0000wd\u202e.jpg', 100, '_._etc_passwd.jpg'],
    ['Été à Paris.jpg', 2048, 'Été à Paris.jpg'],
  ];
  const entries: Fixture['entries'] = [];
  const expected: Fixture['expected'] = new Map();
  for (const [fileName, size, zipName] of files) {
    const key = objects.original(studioId, galleryId, randomUUID());
    const body = randomBytes(size);
    await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: body, ContentType: 'image/jpeg' }));
    entries.push({ key, fileName, size });
    expected.set(zipName, { sha: sha(body), size });
  }
  const missing = { key: objects.original(studioId, galleryId, randomUUID()), fileName: 'gone.jpg' };
  entries.splice(2, 0, { ...missing, size: 42 });
  return { studioId, galleryId, entries, expected, missing };
}

async function waitForJob(galleryId: string, jobId: string, timeoutMs: number): Promise<ZipJob> {
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  for (;;) {
    const job = await getZipJob(galleryId, jobId);
    if (!job) throw new Error(`job ${jobId} vanished`);
    seen.add(job.status);
    if (job.status === 'ready' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms (seen: ${[...seen].join(', ')})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function verifyZip(f: Fixture, job: ZipJob): Promise<void> {
  expect(job.status, job.error ?? '').toBe('ready');
  expect(job.totalFiles).toBe(f.entries.length);
  expect(job.filesDone).toBe(f.expected.size);
  expect(job.skippedCount).toBe(1);
  expect(job.skipped).toEqual([f.missing]);
  const contentBytes = [...f.expected.values()].reduce((s, e) => s + e.size, 0);
  expect(job.bytesDone).toBe(contentBytes);
  expect(job.outputKey).toBe(objects.zipOutput(job.jobId, 'Smith wedding_ selects'));

  const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: job.outputKey! }));
  expect(out.ContentType).toBe('application/zip');
  expect(out.ContentDisposition).toBe(`attachment; filename="Smith wedding_ selects.zip"; filename*=UTF-8''Smith%20wedding_%20selects.zip`);
  const zip = Buffer.from(await out.Body!.transformToByteArray());
  expect(zip.length).toBe(job.outputBytes);

  const entries = unzip(zip);
  expect(entries.map((e) => e.name)).toEqual([...f.expected.keys()]);
  for (const entry of entries) {
    const want = f.expected.get(entry.name)!;
    expect(entry.method, entry.name).toBe(0); // STORE: JPEGs don't compress
    expect(entry.size, entry.name).toBe(want.size);
    expect(sha(entry.data), entry.name).toBe(want.sha);
    expect(entry.name).not.toMatch(/[/\\\p{Cc}\p{Cf}]|\.\./u);
  }
  expect(entries.find((e) => e.name.startsWith('Été'))?.utf8).toBe(true);
}

async function manifestExists(jobId: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: objects.zipJob(jobId) }));
    return true;
  } catch {
    return false;
  }
}

describe('ZIP downloads', () => {
  it('the worker streams every file into one ZIP, skipping a missing one', async () => {
    const f = await fixture();
    const queued = await requestZip({
      studioId: f.studioId,
      galleryId: f.galleryId,
      requestedBy: 'client-1',
      name: 'Smith wedding: selects.zip',
      entries: f.entries,
    });
    expect(queued).toMatchObject({
      status: 'queued',
      totalFiles: 6,
      totalBytes: [...f.expected.values()].reduce((s, e) => s + e.size, 42),
      filesDone: 0,
    });
    // Called directly (as if the event arrived twice): whichever call claims the job builds it,
    // the other leaves it alone.
    const [a, b] = await Promise.all([runZipJob(objects.zipJob(queued.jobId)), runZipJob(objects.zipJob(queued.jobId))]);
    expect([a, b].filter((r) => r !== null).length).toBeLessThanOrEqual(1);
    await verifyZip(f, await waitForJob(f.galleryId, queued.jobId, 30_000));
    // Done: the manifest is gone, so a late duplicate event has nothing to do.
    expect(await manifestExists(queued.jobId)).toBe(false);
    expect(await runZipJob(objects.zipJob(queued.jobId))).toBeNull();
  });

  it('writing the manifest is what starts the worker (object-created event → buildZip)', async () => {
    const f = await fixture();
    const queued = await requestZip({
      studioId: f.studioId,
      galleryId: f.galleryId,
      requestedBy: 'client-1',
      name: 'Smith wedding: selects',
      entries: f.entries,
    });
    // No direct call: the local S3's object-created hook must run functions/events/buildZip.ts.
    await verifyZip(f, await waitForJob(f.galleryId, queued.jobId, 30_000));
  });

  it('fails a job whose files are all gone, with a reason, and leaves no ZIP behind', async () => {
    const studioId = randomUUID();
    const galleryId = randomUUID();
    const queued = await requestZip({
      studioId,
      galleryId,
      requestedBy: 'client-1',
      name: 'nothing',
      entries: [{ key: objects.original(studioId, galleryId, randomUUID()), fileName: 'a.jpg' }],
    });
    await runZipJob(objects.zipJob(queued.jobId));
    const job = await waitForJob(galleryId, queued.jobId, 30_000);
    expect(job).toMatchObject({ status: 'failed', error: 'None of the requested files exist any more.', outputKey: null, skippedCount: 1 });
  });

  it('refuses files outside the gallery and empty requests', async () => {
    const studioId = randomUUID();
    const galleryId = randomUUID();
    const base = { studioId, galleryId, requestedBy: 'client-1', name: 'x' };
    for (const key of [
      objects.original(randomUUID(), galleryId, randomUUID()),
      objects.original(studioId, randomUUID(), randomUUID()),
      `originals/${studioId}/${galleryId}/../../other/file`,
      objects.zipJob(randomUUID()),
    ]) {
      await expect(requestZip({ ...base, entries: [{ key, fileName: 'a.jpg' }] }), key).rejects.toMatchObject({
        kind: 'invalid',
        code: 'invalid_zip_entry',
      });
    }
    await expect(requestZip({ ...base, entries: [] })).rejects.toMatchObject({ kind: 'invalid', code: 'empty_zip' });
  });
});

describe("a client's ZIPs through the portal", () => {
  const zipOf = (b: Browser, galleryId: string, scope: 'all' | 'selected') =>
    b.post(NORTHLIGHT, `/api/portal/galleries/${galleryId}/zip`, { scope });
  const jobsIn = async (galleryId: string) => (await queryPrefix(keys.galleryPartition(galleryId), 'ZIPJOB#')).length;

  it('builds at most the cap of 10 concurrent requests, answers the rest 429, then hands the same set out again', async () => {
    const studio = await studioBrowser();
    const client = await freshClient(studio, 'Zip Flood');
    const { galleryId, imageIds } = await galleryFor(studio, client.clientId, 3);
    const asked = await Promise.all(Array.from({ length: 10 }, () => zipOf(client.browser, galleryId, 'all')));
    const counts = statusCounts(asked);
    expect(Object.keys(counts).sort()).toEqual(['202', '429']);
    const built = [...new Set(asked.filter((a) => a.status === 202).map((a) => a.body.job.jobId as string))];
    expect(built.length).toBeGreaterThanOrEqual(1);
    expect(built.length).toBeLessThanOrEqual(2);
    expect(await jobsIn(galleryId)).toBe(built.length);
    for (const refused of asked.filter((a) => a.status === 429)) {
      expect(refused.body.error).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    for (const jobId of built) expect(await finishedZip(client.browser, NORTHLIGHT, galleryId, jobId)).toMatchObject({ status: 'ready' });

    // The same set again: the ZIP already built, not a new one.
    const again = await zipOf(client.browser, galleryId, 'all');
    expect(again.status).toBe(202);
    expect(built).toContain(again.body.job.jobId);
    expect(again.body.job).toMatchObject({ status: 'ready', filesDone: 3, url: expect.any(String) });
    expect(await jobsIn(galleryId)).toBe(built.length);

    // Another set is built: the finished jobs hold no slot.
    expect((await select(client.browser, galleryId, imageIds[0] as string)).status).toBe(200);
    const selection = await zipOf(client.browser, galleryId, 'selected');
    expect(selection.status, selection.text).toBe(202);
    expect(built).not.toContain(selection.body.job.jobId);
    expect(await finishedZip(client.browser, NORTHLIGHT, galleryId, selection.body.job.jobId)).toMatchObject({
      status: 'ready',
      totalFiles: 1,
    });
  });
});
