// Upload tickets bind what is stored: a presigned PUT signs the file's type and length, each
// multipart part URL its own part's length, and what arrives anyway (fewer parts, a direct write)
// is held to the ticket at completion: deleted, and the image failed with a reason. A studio may
// hold only so many tickets waiting and request only so many bytes an hour. Runs on the shared
// stack's local S3 front, which checks signatures as S3 does; the domain is called in-process for a
// studio of its own, so the caps are set here and no other test's studio spends its budget.
import { randomUUID } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { s3 } from '../../../shared/adapters/storage.ts';
import { config } from '../../../shared/config.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { createGallery, DEFAULT_RULES } from '../../../shared/features/galleries/domain/galleries.ts';
import { getImage, type ImageRecord, keys } from '../../../shared/features/galleries/index.ts';
import type { Studio } from '../../../shared/features/studios/index.ts';
import { completeUpload, startUploads } from '../../../shared/features/uploads/domain/uploads.ts';

const MB = 1024 * 1024;

async function newStudioGallery(): Promise<{ studio: Studio; galleryId: string }> {
  const studioId = randomUUID();
  const studio = { studioId, name: 'Ticket Studio', slug: `tickets-${studioId.slice(0, 8)}` } as Studio;
  const gallery = await createGallery({
    studioId,
    clientId: randomUUID(),
    projectId: null,
    title: 'Tickets',
    status: 'draft',
    shootDate: '2026-10-17',
    deadline: null,
    rules: DEFAULT_RULES,
    imageCount: 0,
    coverThumbKey: null,
  });
  return { studio, galleryId: gallery.galleryId };
}

async function refusal(res: Response) {
  const xml = await res.text();
  return { status: res.status, code: xml.match(/<Code>([^<]*)<\/Code>/)?.[1] };
}

async function stored(key: string): Promise<{ size: number; contentType: string | undefined } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType };
  } catch (e) {
    if ((e as Error).name === 'NotFound' || (e as Error).name === 'NoSuchKey') return null;
    throw e;
  }
}

async function settled(galleryId: string, imageId: string, timeoutMs = 30_000): Promise<ImageRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await getImage(galleryId, imageId);
    if (image && (image.status === 'ready' || image.status === 'failed')) return image;
    if (Date.now() > deadline) throw new Error(`image ${imageId} still ${image?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ttlOf = async (galleryId: string, imageId: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.image(galleryId, imageId), ConsistentRead: true }))).Item?.ttl as
    | number
    | undefined;

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['UPLOADS_WAITING_MAX', 'UPLOAD_BYTES_PER_HOUR']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('upload tickets', () => {
  it('a single PUT takes only the ticket’s content type and length', async () => {
    const { studio, galleryId } = await newStudioGallery();
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a506b' } })
      .jpeg()
      .toBuffer();
    // A JPEG that is also an HTML page: served as text/html from the bucket, it would run.
    const polyglot = Buffer.concat([jpeg, Buffer.from('<html><script>alert(document.domain)</script></html>')]);
    const [ticket] = await startUploads(studio, galleryId, [{ fileName: 'poly.jpg', contentType: 'image/jpeg', size: polyglot.length }]);
    const put = ticket?.put as { url: string; headers: Record<string, string> };

    const asHtml = await fetch(put.url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: polyglot });
    expect(await refusal(asHtml)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    const longer = await fetch(put.url, { method: 'PUT', headers: put.headers, body: Buffer.concat([polyglot, Buffer.alloc(1 * MB)]) });
    expect(await refusal(longer)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await stored((await getImage(galleryId, ticket?.imageId as string))?.originalKey as string)).toBeNull();
    expect(new URL(put.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'content-type', 'host']);

    const ok = await fetch(put.url, { method: 'PUT', headers: put.headers, body: polyglot });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const image = await settled(galleryId, ticket?.imageId as string);
    expect(await stored(image.originalKey)).toEqual({ size: polyglot.length, contentType: 'image/jpeg' });
  });

  it('each multipart part URL takes its own part’s length only', async () => {
    const { studio, galleryId } = await newStudioGallery();
    const size = 17 * MB;
    const [ticket] = await startUploads(studio, galleryId, [{ fileName: 'big.jpg', contentType: 'image/jpeg', size }]);
    const mp = ticket?.multipart as NonNullable<NonNullable<typeof ticket>['multipart']>;
    expect(mp.parts).toHaveLength(Math.ceil(size / mp.partSize));
    // The observed abuse: 12 MB into each part of a 17 MB ticket.
    const twelve = Buffer.alloc(12 * MB, 7);
    for (const part of mp.parts) {
      expect(await refusal(await fetch(part.url, { method: 'PUT', body: twelve }))).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
      expect(new URL(part.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'host']);
    }
    const bytes = Buffer.alloc(size, 9);
    const parts = [];
    for (const part of mp.parts) {
      const chunk = bytes.subarray((part.partNumber - 1) * mp.partSize, part.partNumber * mp.partSize);
      const res = await fetch(part.url, { method: 'PUT', body: chunk });
      expect(res.status, await res.clone().text()).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') as string });
    }
    const image = await completeUpload(studio, galleryId, ticket?.imageId as string, { uploadId: mp.uploadId, parts });
    expect(image.status).not.toBe('uploading');
    expect(image.failureReason ?? '').not.toMatch(/announced/);
    const record = (await getImage(galleryId, image.imageId)) as ImageRecord;
    expect(await stored(record.originalKey)).toEqual({ size, contentType: 'image/jpeg' });
  });

  it('a completed upload that is not what the ticket said is deleted and the image failed', async () => {
    const { studio, galleryId } = await newStudioGallery();
    // Multipart: the first two parts only, each of its signed length: 16 MB stored of a 17 MB ticket.
    const [ticket] = await startUploads(studio, galleryId, [{ fileName: 'short.jpg', contentType: 'image/jpeg', size: 17 * MB }]);
    const mp = ticket?.multipart as NonNullable<NonNullable<typeof ticket>['multipart']>;
    const parts = [];
    for (const part of mp.parts.slice(0, 2)) {
      const res = await fetch(part.url, { method: 'PUT', body: Buffer.alloc(mp.partSize, 3) });
      expect(res.status, await res.clone().text()).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') as string });
    }
    const completed = await completeUpload(studio, galleryId, ticket?.imageId as string, { uploadId: mp.uploadId, parts });
    expect(completed).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/size/i) });
    const image = await settled(galleryId, ticket?.imageId as string);
    expect(image).toMatchObject({ status: 'failed', failureReason: completed.failureReason });
    expect(await stored(image.originalKey)).toBeNull();

    // A single PUT's object written some other way (here: with the server's own credentials) as
    // text/html: the pipeline holds it to the ticket before it reads a byte.
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2d6a4f' } })
      .jpeg()
      .toBuffer();
    const [single] = await startUploads(studio, galleryId, [{ fileName: 'html.jpg', contentType: 'image/jpeg', size: jpeg.length }]);
    const record = (await getImage(galleryId, single?.imageId as string)) as ImageRecord;
    await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: record.originalKey, Body: jpeg, ContentType: 'text/html' }));
    const failed = await settled(galleryId, record.imageId);
    expect(failed).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/type/i), derived: null });
    expect(await stored(record.originalKey)).toBeNull();
  });

  it('caps the images a studio has waiting in uploading, and their records expire', async () => {
    process.env.UPLOADS_WAITING_MAX = '3';
    const { studio, galleryId } = await newStudioGallery();
    const file = (n: number) => ({ fileName: `w${n}.jpg`, contentType: 'image/jpeg' as const, size: 1000 });
    const tickets = await startUploads(studio, galleryId, [file(1), file(2), file(3)]);
    const now = Math.floor(Date.now() / 1000);
    const ttl = await ttlOf(galleryId, tickets[0]?.imageId as string);
    expect(ttl).toBeGreaterThan(now);
    expect(ttl).toBeLessThanOrEqual(now + 2 * 86_400);

    await expect(startUploads(studio, galleryId, [file(4)])).rejects.toMatchObject({
      kind: 'limit_reached',
      retryAfterSeconds: expect.any(Number),
    });
    // One starts processing: its record no longer expires, and its place is free again.
    const first = tickets[0] as (typeof tickets)[number];
    const jpeg = Buffer.alloc(1000, 1);
    const put = await fetch(first.put?.url as string, { method: 'PUT', headers: first.put?.headers, body: jpeg });
    expect(put.status, await put.clone().text()).toBe(200);
    await completeUpload(studio, galleryId, first.imageId, {});
    await settled(galleryId, first.imageId);
    expect(await ttlOf(galleryId, first.imageId)).toBeUndefined();
    await expect(startUploads(studio, galleryId, [file(5)])).resolves.toHaveLength(1);
    await expect(startUploads(studio, galleryId, [file(6)])).rejects.toMatchObject({ kind: 'limit_reached' });
  });

  it('caps the bytes a studio may request per hour', async () => {
    process.env.UPLOAD_BYTES_PER_HOUR = String(300 * MB);
    const { studio, galleryId } = await newStudioGallery();
    const big = (n: number) => ({ fileName: `b${n}.jpg`, contentType: 'image/jpeg' as const, size: 200 * MB });
    await expect(startUploads(studio, galleryId, [big(1)])).resolves.toHaveLength(1);
    const refused = await startUploads(studio, galleryId, [big(2)]).catch((e) => e);
    expect(refused).toMatchObject({ kind: 'limit_reached', code: 'rate_limited' });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    // Room for a smaller file still.
    await expect(startUploads(studio, galleryId, [{ ...big(3), size: 50 * MB }])).resolves.toHaveLength(1);
  });
});
