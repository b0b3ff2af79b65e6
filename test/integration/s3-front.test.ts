// The local S3 checks requests as S3 does (local/services/s3-front.ts): a signature that does not
// cover the request, an unsigned request or a body that does not match its declared checksum is
// refused with S3's error, so a presign bug fails here and not first in AWS. Runs against the
// shared stack's S3 endpoint, the one the handlers and the browser use.
import { createHash, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD } from '../support/http.ts';
import { freshClient, galleryRules, studioBrowser } from '../support/portal-actors.ts';

const BUCKET = () => process.env.BUCKET_NAME as string;
const ENDPOINT = () => process.env.AWS_ENDPOINT_URL_S3 as string;
/** As shared/adapters/storage.ts configures it: no checksum the SDK cannot compute. */
const client = () => new S3Client({ forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
/** The SDK's defaults: a CRC32 of every body it sends (and of the empty body, in a presigned URL). */
const defaultClient = () => new S3Client({ forcePathStyle: true });

const crc32Base64 = (body: string | Buffer) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(body));
  return out.toString('base64');
};

async function refusal(res: Response): Promise<{ status: number; code: string | undefined; message: string | undefined }> {
  const xml = await res.text();
  return { status: res.status, code: xml.match(/<Code>([^<]*)<\/Code>/)?.[1], message: xml.match(/<Message>([^<]*)<\/Message>/)?.[1] };
}

const key = `front/${randomUUID()}/photo one.jpg`;

beforeAll(async () => {
  await client().send(new PutObjectCommand({ Bucket: BUCKET(), Key: key, Body: 'secret bytes', ContentType: 'image/jpeg' }));
});

describe('the local S3 front', () => {
  it('refuses a wrong signature, a changed key, a zeroed signature, an unsigned GET and an anonymous listing', async () => {
    const url = await getSignedUrl(client(), new GetObjectCommand({ Bucket: BUCKET(), Key: key }), { expiresIn: 300 });
    expect((await fetch(url)).status).toBe(200);

    const forged = new S3Client({ forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'not-the-secret' } });
    const wrongSecret = await getSignedUrl(forged, new GetObjectCommand({ Bucket: BUCKET(), Key: key }), { expiresIn: 300 });
    expect(await refusal(await fetch(wrongSecret))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });

    const otherKey = url.replace('photo%20one.jpg', 'photo%20two.jpg');
    expect(otherKey).not.toBe(url);
    expect(await refusal(await fetch(otherKey))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });

    const zeroed = url.replace(/X-Amz-Signature=[0-9a-f]{64}/, `X-Amz-Signature=${'0'.repeat(64)}`);
    expect(zeroed).not.toBe(url);
    expect(await refusal(await fetch(zeroed))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });

    expect(await refusal(await fetch(url.slice(0, url.indexOf('?'))))).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(await refusal(await fetch(`${ENDPOINT()}/${BUCKET()}?list-type=2`))).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(await refusal(await fetch(`${ENDPOINT()}/${BUCKET()}`))).toMatchObject({ status: 403, code: 'AccessDenied' });

    // The header form too: the SDK with a wrong secret.
    await expect(forged.send(new ListObjectsV2Command({ Bucket: BUCKET() }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
  });

  it('refuses an expired URL and one that lives longer than a week', async () => {
    const expired = await getSignedUrl(client(), new GetObjectCommand({ Bucket: BUCKET(), Key: key }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    expect(await refusal(await fetch(expired))).toMatchObject({ status: 403, code: 'AccessDenied', message: 'Request has expired' });
    const url = await getSignedUrl(client(), new GetObjectCommand({ Bucket: BUCKET(), Key: key }), { expiresIn: 300 });
    const tooLong = url.replace('X-Amz-Expires=300', 'X-Amz-Expires=604801');
    expect(await refusal(await fetch(tooLong))).toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' });
    // A longer lifetime than signed is a changed request.
    expect(await refusal(await fetch(url.replace('X-Amz-Expires=300', 'X-Amz-Expires=301')))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
  });

  it('passes a correctly presigned PUT and GET, and the SDK calls the handlers make', async () => {
    const putKey = `front/${randomUUID()}/ü (1).bin`;
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const put = await getSignedUrl(client(), new PutObjectCommand({ Bucket: BUCKET(), Key: putKey, ContentType: 'image/jpeg' }), {
      expiresIn: 300,
    });
    expect((await fetch(put, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: bytes })).status).toBe(200);
    const get = await getSignedUrl(client(), new GetObjectCommand({ Bucket: BUCKET(), Key: putKey }), { expiresIn: 300 });
    const got = await fetch(get);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

    // The SDK's defaults: real CRC32s (header form), verified against the bodies.
    for (const s3 of [client(), defaultClient()]) {
      const sdkKey = `front/${randomUUID()}/sdk.txt`;
      await s3.send(new PutObjectCommand({ Bucket: BUCKET(), Key: sdkKey, Body: 'from the sdk' }));
      const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET(), Key: sdkKey }));
      expect(await out.Body?.transformToString()).toBe('from the sdk');
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET(), Prefix: sdkKey }));
      expect(listed.Contents?.map((c) => c.Key)).toEqual([sdkKey]);
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET(), Key: `${sdkKey}.multi` }));
      const part = await s3.send(
        new UploadPartCommand({
          Bucket: BUCKET(),
          Key: `${sdkKey}.multi`,
          UploadId,
          PartNumber: 1,
          Body: Buffer.alloc(6 * 1024 * 1024, 3),
        }),
      );
      const partUrl = await getSignedUrl(
        client(),
        new UploadPartCommand({ Bucket: BUCKET(), Key: `${sdkKey}.multi`, UploadId, PartNumber: 2 }),
        { expiresIn: 300 },
      );
      const tail = await fetch(partUrl, { method: 'PUT', body: 'tail' });
      expect(tail.status).toBe(200);
      await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: BUCKET(),
          Key: `${sdkKey}.multi`,
          UploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 1, ETag: part.ETag },
              { PartNumber: 2, ETag: tail.headers.get('etag') as string },
            ],
          },
        }),
      );
      const multi = await s3.send(new GetObjectCommand({ Bucket: BUCKET(), Key: `${sdkKey}.multi` }));
      expect(multi.ContentLength).toBe(6 * 1024 * 1024 + 4);
      // DeleteObjects requires a checksum: the SDK computes it over the XML body.
      const deleted = await s3.send(
        new DeleteObjectsCommand({ Bucket: BUCKET(), Delete: { Objects: [{ Key: sdkKey }, { Key: `${sdkKey}.multi` }] } }),
      );
      expect(deleted.Errors ?? []).toEqual([]);
    }
  });

  it('refuses a body that does not match its checksum, and stores nothing', async () => {
    const badKey = `front/${randomUUID()}/bad.jpg`;
    const url = await getSignedUrl(
      client(),
      new PutObjectCommand({ Bucket: BUCKET(), Key: badKey, ContentType: 'image/jpeg', ChecksumCRC32: crc32Base64('other bytes') }),
      { expiresIn: 300 },
    );
    expect(url).toContain('x-amz-checksum-crc32=');
    const refused = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: 'the bytes' });
    expect(await refusal(refused)).toMatchObject({ status: 400, code: 'BadDigest' });
    await expect(client().send(new GetObjectCommand({ Bucket: BUCKET(), Key: badKey }))).rejects.toMatchObject({ name: 'NoSuchKey' });

    // The right checksum passes.
    const good = await getSignedUrl(
      client(),
      new PutObjectCommand({ Bucket: BUCKET(), Key: badKey, ContentType: 'image/jpeg', ChecksumCRC32: crc32Base64('the bytes') }),
      { expiresIn: 300 },
    );
    expect((await fetch(good, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: 'the bytes' })).status).toBe(200);

    // The header form: a checksum the SDK is told, not one it computed.
    await expect(
      client().send(new PutObjectCommand({ Bucket: BUCKET(), Key: `${badKey}.sdk`, Body: 'abc', ChecksumCRC32: crc32Base64('abd') })),
    ).rejects.toMatchObject({ name: 'BadDigest' });
    await expect(client().send(new GetObjectCommand({ Bucket: BUCKET(), Key: `${badKey}.sdk` }))).rejects.toMatchObject({
      name: 'NoSuchKey',
    });

    // A signed payload hash that is not the body's.
    const lying = client();
    lying.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers['x-amz-content-sha256'] = createHash('sha256').update('other bytes').digest('hex');
        return next(args);
      },
      { step: 'build', name: 'wrongPayloadHash' },
    );
    await expect(lying.send(new PutObjectCommand({ Bucket: BUCKET(), Key: `${badKey}.hash`, Body: 'the bytes' }))).rejects.toMatchObject({
      name: 'XAmzContentSHA256Mismatch',
    });
    await expect(client().send(new GetObjectCommand({ Bucket: BUCKET(), Key: `${badKey}.hash` }))).rejects.toMatchObject({
      name: 'NoSuchKey',
    });

    // The SDK's own presigning default: the CRC32 of the empty body it signed (aws-sdk-js-v3#6994).
    const emptyCrc = await getSignedUrl(
      defaultClient(),
      new PutObjectCommand({ Bucket: BUCKET(), Key: badKey, ContentType: 'image/jpeg' }),
      {
        expiresIn: 300,
      },
    );
    expect(emptyCrc).toContain('x-amz-checksum-crc32=AAAAAA%3D%3D');
    const emptyRefused = await fetch(emptyCrc, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: 'jpeg bytes' });
    expect(await refusal(emptyRefused)).toMatchObject({ status: 400, code: 'BadDigest' });
  });

  it('lets a browser preflight through unsigned', async () => {
    const url = await getSignedUrl(client(), new PutObjectCommand({ Bucket: BUCKET(), Key: key, ContentType: 'image/jpeg' }), {
      expiresIn: 300,
    });
    const preflight = await fetch(url.slice(0, url.indexOf('?')), {
      method: 'OPTIONS',
      headers: { Origin: 'http://acme.localhost:3000', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('accepts the upload tickets the createUpload route hands out, single PUT and multipart', async () => {
    const studio = await studioBrowser();
    const { clientId } = await freshClient(studio, 'Front Client');
    const created = await studio.post(DASHBOARD, '/api/studio/galleries', {
      clientId,
      title: 'Front uploads',
      shootDate: '2026-10-17',
      deadline: '2099-12-31',
      rules: galleryRules(),
    });
    expect(created.status, created.text).toBe(201);
    const galleryId = created.body.gallery.galleryId as string;
    const small = Buffer.from('not really a jpeg');
    const bigSize = 20 * 1024 * 1024;
    const tickets = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads`, {
      files: [
        { fileName: 'small.jpg', contentType: 'image/jpeg', size: small.length },
        { fileName: 'big.jpg', contentType: 'image/jpeg', size: bigSize },
      ],
    });
    expect(tickets.status, tickets.text).toBe(201);
    const [one, multi] = tickets.body.tickets;
    expect(one.put.url.startsWith(`${ENDPOINT()}/`)).toBe(true);
    const put = await fetch(one.put.url, { method: 'PUT', headers: one.put.headers, body: small });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(one.put.url).not.toContain('x-amz-checksum');

    const bytes = Buffer.alloc(bigSize, 9);
    const parts = [];
    for (const part of multi.multipart.parts) {
      const chunk = bytes.subarray((part.partNumber - 1) * multi.multipart.partSize, part.partNumber * multi.multipart.partSize);
      const res = await fetch(part.url, { method: 'PUT', body: chunk });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(part.url).not.toContain('x-amz-checksum');
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') as string });
    }
    const completed = await studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/uploads/${multi.imageId}/complete`, {
      uploadId: multi.multipart.uploadId,
      parts,
    });
    expect(completed.status, completed.text).toBe(200);
  });
});
