// S3 access: presigned URLs for the browser (the API never proxies object bytes) and direct puts
// for server-made objects. Locally the endpoint is s3rver (AWS_ENDPOINT_URL_S3), path-style.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '../config.ts';
import { attachmentDisposition } from '../safe-text.ts';
import { createGetPresigner, type GetPresigner } from './presign.ts';

let client: S3Client | undefined;
let plainGet: GetPresigner | undefined;

export function s3(): S3Client {
  // WHEN_REQUIRED: the SDK's default (WHEN_SUPPORTED) puts a CRC32 into every PutObject and
  // UploadPart, and into a presigned URL that is the CRC32 of the empty body it signs
  // (x-amz-checksum-crc32=AAAAAA==), which S3 refuses for any real upload (aws-sdk-js-v3#6994).
  // Operations that require a checksum (DeleteObjects) still get one, computed over their body.
  client ??= new S3Client({ forcePathStyle: config.s3ForcePathStyle, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return client;
}

const HOUR_MS = 3600_000;
const MAX_EXPIRES_S = 7 * 24 * 3600;
/** URLs signed this hour, by key and lifetime: a gallery opened again gets the very same URLs. */
const signedThisHour = new Map<string, string>();
/** About 10 MB of URLs at most per container. */
const MAX_CACHED_URLS = 10_000;
let cacheHour = 0;

/**
 * A GET URL valid for at least `expiresIn` seconds. `downloadName` makes the browser save the file
 * under that name (a short-lived download link, signed afresh). Plain GETs are signed as of the
 * start of the hour, with the lifetime extended by as much, so the same image keeps the same URL
 * all hour: browsers cache it, and a 2,000-image gallery is signed once an hour per container.
 */
export async function presignGet(key: string, opts: { expiresIn?: number; downloadName?: string } = {}): Promise<string> {
  const expiresIn = opts.expiresIn ?? 3600;
  if (opts.downloadName) {
    const command = new GetObjectCommand({
      Bucket: config.bucketName,
      Key: key,
      // RFC 6266 / 5987: any name fits (a raw name above U+00FF is no valid header, and S3 refuses it).
      ResponseContentDisposition: attachmentDisposition(opts.downloadName),
    });
    return getSignedUrl(s3(), command, { expiresIn });
  }
  const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  if (hour !== cacheHour || signedThisHour.size >= MAX_CACHED_URLS) {
    signedThisHour.clear();
    cacheHour = hour;
  }
  const cacheKey = `${expiresIn}:${key}`;
  const cached = signedThisHour.get(cacheKey);
  if (cached) return cached;
  plainGet ??= createGetPresigner(s3(), config.bucketName);
  const url = await plainGet(key, { expiresIn: Math.min(MAX_EXPIRES_S, expiresIn + HOUR_MS / 1000), signingDate: new Date(hour) });
  signedThisHour.set(cacheKey, url);
  return url;
}

export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: body, ContentType: contentType }));
}
