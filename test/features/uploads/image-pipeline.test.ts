// The image pipeline end to end on the shared local stack: a record is created, the original is
// uploaded to its presigned URL (or by multipart), the local S3's object-created event runs
// functions/events/processImage.ts, and the test reads back the record and the derived files.
import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import sharp from 'sharp';
import { thumbHashToRGBA } from 'thumbhash';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3 } from '../../../shared/adapters/storage.ts';
import { config } from '../../../shared/config.ts';
import { objects } from '../../../shared/data/objects.ts';
import { createGallery, DEFAULT_RULES } from '../../../shared/features/galleries/domain/galleries.ts';
import { getImage, type ImageRecord, newImageRecord, putImage } from '../../../shared/features/galleries/index.ts';

const WATERMARK = '© Northlight Studio';

/** A photo-like 3000 × 2000 JPEG (gradients, shapes, grain) with camera EXIF; orientation 6 = "turn right to view". */
async function cameraJpeg(opts: { orientation?: number; width?: number; height?: number } = {}): Promise<Buffer> {
  const width = opts.width ?? 3000;
  const height = opts.height ?? 2000;
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f6d365"/><stop offset="1" stop-color="#3a506b"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.2}" fill="#fff8e7"/>
    <rect x="${width * 0.55}" y="${height * 0.5}" width="${width * 0.3}" height="${height * 0.35}" fill="#2d6a4f"/>
  </svg>`;
  const grain = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(scene))
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .withMetadata({ orientation: opts.orientation ?? 1 })
    .withExifMerge({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R5' },
      IFD2: { DateTimeOriginal: '2026:10:17 14:03:12', SubSecTimeOriginal: '45', OffsetTimeOriginal: '+02:00' },
    })
    .toBuffer();
}

/** A valid PNG header that declares 20 000 × 20 000 pixels (400 MP) around a few bytes of data. */
function pixelBombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Gallery {
  studioId: string;
  galleryId: string;
}

async function newGallery(watermark: string | null): Promise<Gallery> {
  const gallery = await createGallery({
    studioId: randomUUID(),
    clientId: randomUUID(),
    projectId: null,
    title: 'Pipeline test',
    status: 'draft',
    shootDate: '2026-10-17',
    deadline: null,
    rules: { ...DEFAULT_RULES, watermark },
    imageCount: 0,
    coverThumbKey: null,
  });
  return { studioId: gallery.studioId, galleryId: gallery.galleryId };
}

let position = 0;
/** The record the upload API creates, then the bytes, PUT to a presigned URL as the browser does. */
async function upload(g: Gallery, body: Buffer, fileName: string, contentType = 'image/jpeg'): Promise<string> {
  const imageId = randomUUID();
  const originalKey = objects.original(g.studioId, g.galleryId, imageId);
  await putImage(
    newImageRecord({
      imageId,
      galleryId: g.galleryId,
      studioId: g.studioId,
      fileName,
      contentType,
      size: body.length,
      originalKey,
      position: position++,
    }),
  );
  const url = await getSignedUrl(s3(), new PutObjectCommand({ Bucket: config.bucketName, Key: originalKey, ContentType: contentType }), {
    expiresIn: 300,
  });
  const put = await fetch(url, { method: 'PUT', body: new Uint8Array(body), headers: { 'content-type': contentType } });
  expect(put.status).toBe(200);
  return imageId;
}

async function settled(g: Gallery, imageId: string, timeoutMs = 30_000): Promise<ImageRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await getImage(g.galleryId, imageId);
    if (image && (image.status === 'ready' || image.status === 'failed')) return image;
    if (Date.now() > deadline) throw new Error(`image ${imageId} still ${image?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function object(key: string) {
  const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
  return { body: Buffer.from(await out.Body!.transformToByteArray()), contentType: out.ContentType, cacheControl: out.CacheControl };
}

const rawPixels = async (image: Buffer) => sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
const meanAbsDiff = (a: Buffer, b: Buffer) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
};

describe('image pipeline', () => {
  let plain: Gallery;
  let stamped: Gallery;
  let original: Buffer;
  let plainImage: ImageRecord;
  let stampedImage: ImageRecord;

  beforeAll(async () => {
    [plain, stamped] = await Promise.all([newGallery(null), newGallery(WATERMARK)]);
    original = await cameraJpeg({ orientation: 6 });
    const [a, b] = await Promise.all([upload(plain, original, 'IMG_0001.jpg'), upload(stamped, original, 'IMG_0001.jpg')]);
    [plainImage, stampedImage] = await Promise.all([settled(plain, a), settled(stamped, b)]);
  });

  it('makes the image ready with its rotated size, capture time, camera and placeholder', () => {
    expect(plainImage.status, plainImage.failureReason ?? '').toBe('ready');
    expect(plainImage.failureReason).toBeNull();
    // 3000 × 2000 stored pixels, orientation 6: a portrait photo.
    expect([plainImage.width, plainImage.height]).toEqual([2000, 3000]);
    expect(plainImage.takenAt).toBe('2026-10-17T14:03:12.450+02:00');
    expect(plainImage.camera).toBe('Canon EOS R5');
    const hash = Buffer.from(plainImage.placeholder!, 'base64');
    const decoded = thumbHashToRGBA(hash);
    // A ThumbHash keeps the aspect ratio: portrait.
    expect(decoded.h).toBeGreaterThan(decoded.w);
  });

  it('writes thumb and preview as WebP and JPEG: upright, long edge 640 / 2048, long-cached, no metadata', async () => {
    const { studioId, galleryId, imageId } = plainImage;
    const expected = {
      thumb: { width: 427, height: 640 },
      preview: { width: 1365, height: 2048 },
    } as const;
    for (const variant of ['thumb', 'preview'] as const) {
      for (const [format, type, sharpFormat] of [
        ['webp', 'image/webp', 'webp'],
        ['jpg', 'image/jpeg', 'jpeg'],
      ] as const) {
        const key = objects.derived(studioId, galleryId, imageId, variant, format);
        expect(plainImage.derived?.[variant]?.[format]).toBe(key);
        const file = await object(key);
        expect(file.contentType).toBe(type);
        expect(file.cacheControl).toMatch(/max-age=31536000/);
        const meta = await sharp(file.body).metadata();
        expect(meta.format).toBe(sharpFormat);
        expect({ width: meta.width, height: meta.height }).toEqual(expected[variant]);
        // Upright pixels and nothing to re-rotate them: no EXIF left (orientation, camera, GPS…).
        expect(meta.orientation ?? 1).toBe(1);
        expect(meta.exif).toBeUndefined();
      }
    }
  });

  it('stamps the watermark on previews only', async () => {
    expect(stampedImage.status, stampedImage.failureReason ?? '').toBe('ready');
    for (const format of ['jpg', 'webp'] as const) {
      const preview = async (img: ImageRecord) => rawPixels((await object(img.derived!.preview![format]!)).body);
      const [a, b] = await Promise.all([preview(plainImage), preview(stampedImage)]);
      expect(a.info.width).toBe(b.info.width);
      // The tiled text marks a good share of the frame, lightly (30 % opacity), and reaches every
      // corner: no crop of the preview escapes it.
      const w = a.info.width;
      const h = a.info.height;
      const changed = (x0: number, y0: number, x1: number, y1: number) => {
        let count = 0;
        for (let y = y0; y < y1; y++) {
          for (let x = x0; x < x1; x++) {
            const i = (y * w + x) * 3;
            const d = Math.max(...[0, 1, 2].map((c) => Math.abs((a.data[i + c] as number) - (b.data[i + c] as number))));
            if (d > 12) count++;
          }
        }
        return count / ((x1 - x0) * (y1 - y0));
      };
      const whole = changed(0, 0, w, h);
      expect(whole).toBeGreaterThan(0.03);
      expect(whole).toBeLessThan(0.4);
      expect(meanAbsDiff(a.data, b.data)).toBeLessThan(10);
      const [cw, ch] = [Math.floor(w / 3), Math.floor(h / 3)];
      for (const [x, y] of [
        [0, 0],
        [w - cw, 0],
        [0, h - ch],
        [w - cw, h - ch],
      ] as const) {
        expect(changed(x, y, x + cw, y + ch), `corner ${x},${y}`).toBeGreaterThan(0.01);
      }
    }
    const thumb = async (img: ImageRecord) => rawPixels((await object(img.derived!.thumb!.webp!)).body);
    const [a, b] = await Promise.all([thumb(plainImage), thumb(stampedImage)]);
    expect(meanAbsDiff(a.data, b.data)).toBeLessThan(0.5);
  });

  it('never upscales: a small original keeps its size in both variants', async () => {
    const small = await cameraJpeg({ width: 500, height: 300 });
    const image = await settled(plain, await upload(plain, small, 'SMALL.jpg'));
    expect(image.status, image.failureReason ?? '').toBe('ready');
    for (const variant of ['thumb', 'preview'] as const) {
      const meta = await sharp((await object(image.derived![variant]!.jpg!)).body).metadata();
      expect([meta.width, meta.height]).toEqual([500, 300]);
    }
  });

  it('processes a multipart upload when it completes', async () => {
    const imageId = randomUUID();
    const key = objects.original(plain.studioId, plain.galleryId, imageId);
    const body = await cameraJpeg();
    await putImage(
      newImageRecord({
        imageId,
        galleryId: plain.galleryId,
        studioId: plain.studioId,
        fileName: 'BIG_0001.jpg',
        contentType: 'image/jpeg',
        size: body.length,
        originalKey: key,
        position: position++,
      }),
    );
    const { UploadId } = await s3().send(
      new CreateMultipartUploadCommand({ Bucket: config.bucketName, Key: key, ContentType: 'image/jpeg' }),
    );
    const { ETag } = await s3().send(new UploadPartCommand({ Bucket: config.bucketName, Key: key, UploadId, PartNumber: 1, Body: body }));
    // Nothing to process until the upload completes.
    await new Promise((r) => setTimeout(r, 300));
    expect((await getImage(plain.galleryId, imageId))?.status).toBe('uploading');
    await s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: config.bucketName,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] },
      }),
    );
    const image = await settled(plain, imageId);
    expect(image.status, image.failureReason ?? '').toBe('ready');
    expect([image.width, image.height]).toEqual([3000, 2000]);
  });

  it('fails unreadable uploads with a reason, and the gallery carries on', async () => {
    const g = await newGallery(WATERMARK);
    const good = await cameraJpeg();
    const text = await upload(g, Buffer.from('Invoice #2026-17\nThank you for your business!\n'), 'invoice.jpg');
    const truncated = await upload(g, good.subarray(0, Math.floor(good.length * 0.6)), 'CUT_0001.jpg');
    const bomb = await upload(g, pixelBombPng(), 'BOMB.png', 'image/png');
    const svg = await upload(g, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'logo.png', 'image/png');
    const after = await upload(g, good, 'IMG_0002.jpg');

    const [t, c, b, s, ok] = (await Promise.all([text, truncated, bomb, svg, after].map((id) => settled(g, id)))) as [
      ImageRecord,
      ImageRecord,
      ImageRecord,
      ImageRecord,
      ImageRecord,
    ];
    expect(t).toMatchObject({ status: 'failed', failureReason: 'This file is not an image we can read', derived: null });
    expect(c).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/damaged or incomplete/) });
    expect(b).toMatchObject({ status: 'failed', failureReason: 'Image is larger than 120 megapixels' });
    expect(s).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/^SVG files are not supported/) });
    expect(ok.status, ok.failureReason ?? '').toBe('ready');
    expect(ok.derived?.preview?.webp).toBeDefined();
  });

  it('skips an original whose record was deleted, without error', async () => {
    // No record: the pipeline finds nothing to update and leaves no derived files.
    const g = await newGallery(null);
    const imageId = randomUUID();
    const key = objects.original(g.studioId, g.galleryId, imageId);
    await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: await cameraJpeg({ width: 300, height: 200 }) }));
    await new Promise((r) => setTimeout(r, 1000));
    await expect(object(objects.derived(g.studioId, g.galleryId, imageId, 'thumb', 'webp'))).rejects.toThrow();
  });
});
