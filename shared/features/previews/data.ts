// The previews' S3 requests: the original, read whole (images, PDFs) or by ranges (videos, whose
// container is parsed without downloading the file), and the derived files written beside it.
import { execFile } from 'node:child_process';
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { presignGet, s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';

/** Derived keys are written once per version (a new version gets a new prefix): browsers may keep them. */
const DERIVED_CACHE_CONTROL = 'private, max-age=31536000, immutable';

const missing = (error: unknown) => error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey';

/** The whole original, or null when it is gone. */
export async function readOriginal(key: string): Promise<Buffer | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    if (!out.Body) return null;
    const bytes = await out.Body.transformToByteArray();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
}

/** The original went away while it was read by ranges (deleted, or a retried event after a removal). */
export class OriginalMissing extends Error {
  override name = 'OriginalMissing';
}

/** Bytes [start, end) of the original (end exclusive, as mediabunny asks for them). */
export async function readOriginalRange(key: string, start: number, end: number): Promise<Uint8Array> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key, Range: `bytes=${start}-${end - 1}` }));
    return out.Body ? await out.Body.transformToByteArray() : new Uint8Array(0);
  } catch (error) {
    if (missing(error)) throw new OriginalMissing(key, { cause: error });
    throw error;
  }
}

/**
 * One frame of the original at `at` seconds, as PNG, decoded by the configured ffmpeg straight from
 * a short-lived URL (ffmpeg reads by ranges: the moov index and the frames it needs, not the file).
 * Null when ffmpeg fails or takes longer than a minute.
 */
export async function posterFrameByFfmpeg(ffmpegPath: string, key: string, at: number): Promise<Buffer | null> {
  const url = await presignGet(key, { expiresIn: 900 });
  const args = ['-v', 'error', '-nostdin', '-ss', at.toFixed(3), '-i', url, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'];
  return new Promise((resolve) => {
    execFile(ffmpegPath, args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout) => {
      resolve(error || stdout.length === 0 ? null : stdout);
    });
  });
}

export async function putPreviewFile(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: config.bucketName,
      Key: key,
      Body: body,
      ContentType: contentType,
      CacheControl: DERIVED_CACHE_CONTROL,
    }),
  );
}
