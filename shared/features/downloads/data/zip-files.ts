// The ZIP worker's side of the bucket: the manifest read and deleted, each file opened as a stream,
// and the ZIP written by a multipart upload. Only the worker imports this (lib-storage stays out of
// the routes' bundles).
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3 } from '../../../adapters/storage.ts';
import { config } from '../../../config.ts';

const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

/** The manifest's text; null when it is gone (the worker deletes it once done) or never existed. */
export async function readManifestText(key: string): Promise<string | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    return await (out.Body as { transformToString(): Promise<string> }).transformToString();
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

export async function deleteManifest(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config.bucketName, Key: key }));
}

/** One file's bytes as a stream, and when it was last written; null when the object no longer exists. */
export async function openFile(key: string): Promise<{ body: Readable; lastModified: Date | undefined } | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    return { body: out.Body as Readable, lastModified: out.LastModified };
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/**
 * A multipart upload of `body` as the ZIP at `key`, in parts of 8 MiB with two in flight: memory
 * holds at most ~(queue size + 1) parts. Nothing is sent until done() is called; if `body` ends
 * with an error, lib-storage aborts the upload (its parts are deleted) before done() settles.
 */
export function zipUpload(key: string, body: Readable, contentDisposition: string): { done(): Promise<void> } {
  const upload = new Upload({
    client: s3(),
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
    params: { Bucket: config.bucketName, Key: key, Body: body, ContentType: 'application/zip', ContentDisposition: contentDisposition },
  });
  return {
    done: async () => {
      await upload.done();
    },
  };
}

function isMissing(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || status === 404;
}
