// The pure parts of the image pipeline: event keys, EXIF facts, the watermark, and rendering bytes
// to derivatives (no AWS). The whole pipeline runs in test/integration/image-pipeline.test.ts.
import type { S3Event, S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createdObjects, decodeS3EventKey, encodeS3EventKey } from '../../../shared/created-objects.ts';
import {
  cameraName,
  formatTakenAt,
  REASONS,
  readExif,
  renderImage,
  UnprocessableImage,
  watermarkSvg,
} from '../../../shared/features/uploads/pipeline.ts';

const s3Event = (key: string, eventName = 'ObjectCreated:Put'): S3Event =>
  ({ Records: [{ eventName, s3: { bucket: { name: 'b' }, object: { key, size: 3 } } }] }) as unknown as S3Event;

describe('object-created events', () => {
  it('decodes S3 notification keys: + is a space, %2B a plus', () => {
    expect(decodeS3EventKey('originals/red+flower%2B%C3%A9.jpg')).toBe('originals/red flower+é.jpg');
    for (const key of ['a b/c+d/é (1).jpg', 'originals/x/y/z', '100% & more?.png']) {
      expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
    }
    expect(encodeS3EventKey('originals/a b+c.jpg')).toBe('originals/a+b%2Bc.jpg');
  });

  it('reads S3 notifications (created only) and EventBridge "Object Created" events', () => {
    expect(createdObjects(s3Event('originals/a+b.jpg'))).toEqual([{ bucket: 'b', key: 'originals/a b.jpg', size: 3 }]);
    expect(createdObjects(s3Event('originals/a.jpg', 'ObjectRemoved:Delete'))).toEqual([]);
    const bridge = {
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: 'b' }, object: { key: 'originals/a+b.jpg', size: 9 }, reason: 'PutObject' },
    } as unknown as S3ObjectCreatedNotificationEvent;
    // EventBridge carries the key as stored.
    expect(createdObjects(bridge)).toEqual([{ bucket: 'b', key: 'originals/a+b.jpg', size: 9 }]);
    expect(createdObjects({ source: 'aws.s3', 'detail-type': 'Object Deleted' } as unknown as S3ObjectCreatedNotificationEvent)).toEqual(
      [],
    );
  });
});

describe('EXIF facts', () => {
  it('formats the capture time as the camera clock, with sub-seconds and offset when recorded', () => {
    const taken = new Date(Date.UTC(2026, 9, 17, 14, 3, 12));
    expect(formatTakenAt(taken)).toBe('2026-10-17T14:03:12.000');
    expect(formatTakenAt(taken, '45', '+02:00')).toBe('2026-10-17T14:03:12.450+02:00');
    expect(formatTakenAt(taken, '1234', 'bogus')).toBe('2026-10-17T14:03:12.123');
    expect(formatTakenAt(new Date(Number.NaN))).toBeNull();
    expect(formatTakenAt(new Date(Date.UTC(1800, 0, 1)))).toBeNull();
    expect(formatTakenAt('2026:10:17 14:03:12')).toBeNull();
  });

  it('names the camera without repeating the brand', () => {
    expect(cameraName('Canon', 'Canon EOS R5')).toBe('Canon EOS R5');
    expect(cameraName('NIKON CORPORATION', 'NIKON Z 9')).toBe('NIKON Z 9');
    expect(cameraName('FUJIFILM', 'X-T5')).toBe('FUJIFILM X-T5');
    expect(cameraName(undefined, 'X-T5')).toBe('X-T5');
    expect(cameraName('SONY', undefined)).toBe('SONY');
    expect(cameraName(undefined, undefined)).toBeNull();
  });

  it('reads EXIF written by a camera, and survives none or garbage', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'NIKON CORPORATION', Model: 'NIKON Z 9' }, IFD2: { DateTimeOriginal: '2025:06:01 09:30:00' } })
      .toBuffer();
    const { exif } = await sharp(jpeg).metadata();
    expect(readExif(exif)).toEqual({ takenAt: '2025-06-01T09:30:00.000', camera: 'NIKON Z 9' });
    expect(readExif(undefined)).toEqual({ takenAt: null, camera: null });
    expect(readExif(Buffer.from('Exif\0\0garbage'))).toEqual({ takenAt: null, camera: null });
  });
});

describe('watermark', () => {
  it('escapes the text and tiles it across the whole image', () => {
    const svg = watermarkSvg('<Studio> & "Co" \u00a9', 2048, 1365);
    expect(svg).toContain('&lt;Studio&gt; &amp; &quot;Co&quot; ©');
    expect(svg).not.toContain('<Studio>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="2048" height="1365">/);
    expect(svg.match(/<text /g)?.length).toBeGreaterThan(12);
    expect(svg).toContain('rotate(-30 1024 682.5)');
  });
});

describe('renderImage', () => {
  const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
    sharp({ create: { width, height, channels, background: { r: 200, g: 80, b: 40, alpha: channels === 4 ? 0 : 1 } } });

  it('auto-rotates, fits both variants and never upscales', async () => {
    const jpeg = await solid(1600, 900).jpeg().withMetadata({ orientation: 8 }).toBuffer();
    const out = await renderImage(jpeg);
    expect([out.width, out.height]).toEqual([900, 1600]);
    const sizes = Object.fromEntries(out.files.map((f) => [`${f.variant}.${f.format}`, [f.width, f.height]]));
    expect(sizes).toEqual({ 'thumb.webp': [360, 640], 'thumb.jpg': [360, 640], 'preview.webp': [900, 1600], 'preview.jpg': [900, 1600] });
    for (const file of out.files) {
      const meta = await sharp(file.body).metadata();
      expect([meta.width, meta.height]).toEqual([file.width, file.height]);
      expect(meta.format).toBe(file.format === 'jpg' ? 'jpeg' : 'webp');
    }
  });

  it('turns transparency white in JPEGs and keeps it in WebPs', async () => {
    const png = await solid(300, 200, 4).png().toBuffer();
    const out = await renderImage(png);
    const jpg = out.files.find((f) => f.variant === 'preview' && f.format === 'jpg')!;
    const { data } = await sharp(jpg.body).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 300))).toBeGreaterThan(245);
    const webp = out.files.find((f) => f.variant === 'preview' && f.format === 'webp')!;
    expect((await sharp(webp.body).metadata()).hasAlpha).toBe(true);
  });

  it('reads greyscale and 16-bit inputs and writes 8-bit sRGB', async () => {
    const grey = await solid(400, 300).greyscale().jpeg().toBuffer();
    const sixteen = await solid(400, 300).toColourspace('rgb16').png().toBuffer();
    for (const input of [grey, sixteen]) {
      const out = await renderImage(input);
      const meta = await sharp(out.files[0]!.body).metadata();
      expect(meta.depth).toBe('uchar');
      expect(out.placeholder.length).toBeGreaterThan(10);
    }
  });

  it('converts an embedded colour profile to sRGB and strips it', async () => {
    // sRGB (200, 100, 50) stored as Display P3 numbers with the P3 profile attached, as phones do.
    const p3 = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 100, b: 50 } } })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const stored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer();
    expect(Math.abs((stored[0] as number) - 200)).toBeGreaterThan(5);
    const out = await renderImage(p3);
    for (const file of out.files.filter((f) => f.variant === 'preview')) {
      expect((await sharp(file.body).metadata()).icc).toBeUndefined();
      const [r, g, b] = await sharp(file.body).raw().toBuffer();
      expect([r, g, b].map((v, i) => Math.abs((v as number) - ([200, 100, 50][i] as number)) <= 4)).toEqual([true, true, true]);
    }
  });

  it('refuses what it cannot read, with the reason the studio sees', async () => {
    const refusal = async (input: Buffer) => {
      const error = await renderImage(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnprocessableImage);
      return (error as Error).message;
    };
    expect(await refusal(Buffer.from('just some text'))).toBe(REASONS.notAnImage);
    expect(await refusal(Buffer.alloc(0))).toBe(REASONS.notAnImage);
    expect(await refusal(await solid(20, 20).gif().toBuffer())).toBe(REASONS.unsupported('gif'));
    const jpeg = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
    })
      .jpeg()
      .toBuffer();
    expect(await refusal(jpeg.subarray(0, jpeg.length >> 1))).toBe(REASONS.damaged);
  });

  it('accepts AVIF (HEIF with AV1)', async () => {
    const avif = await solid(64, 48).avif().toBuffer();
    expect((await renderImage(avif)).width).toBe(64);
  });
});
