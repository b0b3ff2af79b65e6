// S3 access: presigned URLs for the browser (the API never proxies object bytes) and direct puts
// for server-made objects. Locally the endpoint is s3rver (AWS_ENDPOINT_URL_S3), path-style.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '../config.ts';

let client: S3Client | undefined;

export function s3(): S3Client {
  client ??= new S3Client({ forcePathStyle: config.s3ForcePathStyle });
  return client;
}

/** A short-lived GET URL. `downloadName` makes the browser save the file under that name. */
export function presignGet(key: string, opts: { expiresIn?: number; downloadName?: string } = {}): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: config.bucketName,
    Key: key,
    ResponseContentDisposition: opts.downloadName ? `attachment; filename="${opts.downloadName.replace(/["\\\r\n]/g, '_')}"` : undefined,
  });
  return getSignedUrl(s3(), command, { expiresIn: opts.expiresIn ?? 3600 });
}

export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: body, ContentType: contentType }));
}
