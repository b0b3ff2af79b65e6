// The local S3 → Lambda wiring: a throwaway s3rver with the object-created hook, and the dispatcher
// routing by a test table to stand-in handlers. (The real table and handlers are exercised by
// image-pipeline.test.ts and zip-jobs.test.ts on the shared stack.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObjectEventDispatcher, type EventHandler, type ObjectEventDispatcher } from '../../local/object-events.ts';
import { BUCKET_NAME, LOCAL_CREDENTIALS, REGION } from '../../local/services/constants.ts';
import { type ObjectCreatedNotice, type S3Service, startS3 } from '../../local/services/s3.ts';
import { createdObjects } from '../../shared/created-objects.ts';
import type { ObjectEventDef } from '../../shared/events.ts';

const def = (id: string, prefix: string): ObjectEventDef => ({
  id,
  feature: 'test',
  prefix,
  summary: id,
  grants: [],
  memorySize: 128,
  timeoutSeconds: 3,
});
const TABLE = [def('images', 'originals/'), def('zips', 'jobs/zip/'), def('absent', 'nohandler/')];

let dir: string;
let s3server: S3Service;
let client: S3Client;
let dispatcher: ObjectEventDispatcher;
const notices: ObjectCreatedNotice[] = [];
const calls: { id: string; event: S3Event; at: number }[] = [];
const logs: string[] = [];
/** Per-key behaviour of the stand-in handlers. */
const behaviour = new Map<string, () => Promise<void>>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portico-object-events-'));
  const handler =
    (id: string): EventHandler =>
    async (event) => {
      calls.push({ id, event, at: Date.now() });
      const key = createdObjects(event)[0]?.key ?? '';
      await behaviour.get(key)?.();
    };
  dispatcher = createObjectEventDispatcher({
    region: REGION,
    table: TABLE,
    retryDelaysMs: [20, 40],
    loadHandler: async (d) => (d.id === 'absent' ? undefined : handler(d.id)),
    log: (message) => logs.push(message),
  });
  s3server = await startS3({
    directory: join(dir, 's3'),
    verbose: false,
    onObjectCreated: (notice) => {
      notices.push(notice);
      dispatcher.dispatch(notice);
    },
  });
  client = new S3Client({ endpoint: s3server.endpoint, forcePathStyle: true, region: REGION, credentials: LOCAL_CREDENTIALS });
});

afterAll(async () => {
  await dispatcher?.stop();
  await s3server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const put = (Key: string, body = 'x') => client.send(new PutObjectCommand({ Bucket: BUCKET_NAME, Key, Body: body }));

describe('local S3 object-created hook', () => {
  it('reports PUT, copy and multipart completion with the event names S3 uses', async () => {
    notices.length = 0;
    await put('misc/put.txt', 'hello');
    await client.send(new CopyObjectCommand({ Bucket: BUCKET_NAME, Key: 'misc/copy.txt', CopySource: `${BUCKET_NAME}/misc/put.txt` }));
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET_NAME, Key: 'misc/multi.bin' }));
    const part = await client.send(
      new UploadPartCommand({ Bucket: BUCKET_NAME, Key: 'misc/multi.bin', UploadId, PartNumber: 1, Body: 'part one' }),
    );
    expect(notices.map((n) => n.key)).toEqual(['misc/put.txt', 'misc/copy.txt']);
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET_NAME,
        Key: 'misc/multi.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(notices.map((n) => [n.eventName, n.key, n.size])).toEqual([
      ['ObjectCreated:Put', 'misc/put.txt', 5],
      ['ObjectCreated:Copy', 'misc/copy.txt', 5],
      ['ObjectCreated:CompleteMultipartUpload', 'misc/multi.bin', 8],
    ]);
  });
});

describe('object-event dispatcher', () => {
  it('routes by the table prefix, with the key URL-encoded as S3 does', async () => {
    calls.length = 0;
    await put('originals/Été 2026/a+b.jpg');
    await put('jobs/zip/job-1.json');
    await put('derived/other.webp');
    await dispatcher.idle();
    expect(calls.map((c) => c.id).sort()).toEqual(['images', 'zips']);
    const image = calls.find((c) => c.id === 'images')!.event.Records[0]!;
    expect(image.eventName).toBe('ObjectCreated:Put');
    expect(image.awsRegion).toBe(REGION);
    expect(image.s3.bucket).toMatchObject({ name: BUCKET_NAME, arn: `arn:aws:s3:::${BUCKET_NAME}` });
    expect(image.s3.object.key).toBe('originals/%C3%89t%C3%A9+2026/a%2Bb.jpg');
    expect(createdObjects({ Records: [image] })[0]?.key).toBe('originals/Été 2026/a+b.jpg');
  });

  it('invokes asynchronously: the upload does not wait for the handler', async () => {
    calls.length = 0;
    let release: () => void = () => undefined;
    behaviour.set('originals/slow.jpg', () => new Promise<void>((r) => (release = r)));
    const started = Date.now();
    await put('originals/slow.jpg');
    const uploaded = Date.now();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.map((c) => c.id)).toEqual(['images']);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(started);
    let idle = false;
    const waiting = dispatcher.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(uploaded - started).toBeLessThan(1000);
  });

  it('retries a failing handler twice, then drops the event with an error', async () => {
    calls.length = 0;
    logs.length = 0;
    behaviour.set('originals/broken.jpg', async () => {
      throw new Error('DynamoDB unavailable');
    });
    await put('originals/broken.jpg');
    await dispatcher.idle();
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(15);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(35);
    expect(logs.filter((l) => l.includes('retrying'))).toHaveLength(2);
    expect(logs.at(-1)).toMatch(/images failed 3 times; event dropped/);
  });

  it('succeeds on a retry when the fault clears', async () => {
    calls.length = 0;
    let failures = 1;
    behaviour.set('originals/flaky.jpg', async () => {
      if (failures-- > 0) throw new Error('S3 unavailable');
    });
    await put('originals/flaky.jpg');
    await dispatcher.idle();
    expect(calls).toHaveLength(2);
  });

  it('logs and drops events for an entry without a handler', async () => {
    logs.length = 0;
    await put('nohandler/x');
    await dispatcher.idle();
    expect(logs).toEqual([expect.stringMatching(/^absent: no handler/)]);
  });
});
