// makePreview against the local stack's S3: real files in (pdf-lib PDFs, a WebM made without
// ffmpeg, photos), the derived objects read back and decoded.
import { randomUUID } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAudioOnlyWebm, demoLockedPdf, demoPdf, demoVideo } from '../../../local/demo-media.ts';
import { s3 } from '../../../shared/adapters/storage.ts';
import { config } from '../../../shared/config.ts';
import { objects } from '../../../shared/data/objects.ts';
import { makePreview, type Preview, THUMB_PX } from '../../../shared/features/previews/index.ts';
import { haveChromium, launchChromium } from '../../support/browser.ts';

const A4_ASPECT = 595.28 / 841.89;

/** Uploads `body` and makes its preview. Originals go under tmp/ (no object event listens there), previews where callers put them. */
async function preview(body: Uint8Array, contentType: string, fileName: string): Promise<Preview & { prefix: string }> {
  const { made, prefix } = await previewAt(body, contentType, fileName);
  return { ...made, prefix };
}

async function previewAt(body: Uint8Array, contentType: string, fileName: string): Promise<{ made: Preview; prefix: string }> {
  const id = randomUUID();
  const key = `tmp/previews-test/${id}`;
  await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: body, ContentType: contentType }));
  const prefix = objects.previewPrefix(randomUUID(), randomUUID(), id, 1);
  const made = await makePreview({ key, contentType, fileName, size: body.length, derivedPrefix: prefix });
  return { made, prefix };
}

async function read(key: string): Promise<Buffer> {
  const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
  expect(out.ContentType).toBe('image/webp');
  return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

async function keysUnder(prefix: string): Promise<string[]> {
  const out = await s3().send(new ListObjectsV2Command({ Bucket: config.bucketName, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key as string);
}

afterEach(() => {
  delete process.env.PDF_PREVIEW_MAX_PAGES;
});

describe('PDF previews', () => {
  it('renders every page, in order, at the page aspect, each one different', async () => {
    const made = await preview(await demoPdf(3, 'Spring catalogue'), 'application/pdf', 'catalogue.pdf');
    expect(made).toMatchObject({ kind: 'pdf', state: 'ready', reason: null, pageCount: 3, posterKey: null, playable: null });
    expect(made.pages.map((p) => p.key)).toEqual([1, 2, 3].map((n) => `${made.prefix}page-000${n}.webp`));
    const pixels: Buffer[] = [];
    for (const page of made.pages) {
      expect(Math.max(page.width, page.height)).toBe(1600);
      expect(Math.abs(page.width / page.height - A4_ASPECT)).toBeLessThan(0.002);
      const { data, info } = await sharp(await read(page.key))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([page.width, page.height]);
      pixels.push(data);
    }
    // Page 2 is another layout: a good share of its pixels differ from page 1's.
    const [one, two] = pixels as [Buffer, Buffer];
    let differing = 0;
    for (let i = 0; i < one.length; i += 3) if (Math.abs((one[i] as number) - (two[i] as number)) > 40) differing++;
    expect(differing / (one.length / 3)).toBeGreaterThan(0.05);
    const thumb = await sharp(await read(made.thumbKey as string)).metadata();
    expect(thumb.format).toBe('webp');
    expect(Math.max(thumb.width, thumb.height)).toBe(THUMB_PX);
  });

  it('refuses a PDF past PDF_PREVIEW_MAX_PAGES from its page count, rendering nothing', async () => {
    const started = Date.now();
    const made = await preview(await demoPdf(2000, 'Archive'), 'application/pdf', 'archive.pdf');
    expect(made).toMatchObject({ kind: 'pdf', state: 'unavailable', pages: [], thumbKey: null });
    expect(made.reason).toBe('Preview not available: the PDF has 2,000 pages; previews are made for up to 300. Download it to read it.');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await keysUnder(made.prefix)).toEqual([]);

    process.env.PDF_PREVIEW_MAX_PAGES = '2';
    const short = await preview(await demoPdf(3, 'Three pages'), 'application/pdf', 'three.pdf');
    expect(short.reason).toContain('has 3 pages; previews are made for up to 2');
  });

  it('says a password-protected PDF is password-protected', async () => {
    const made = await preview(await demoLockedPdf(), 'application/pdf', 'contract.pdf');
    expect(made).toMatchObject({ state: 'unavailable', pages: [], thumbKey: null });
    expect(made.reason).toMatch(/password-protected/);
    expect(await keysUnder(made.prefix)).toEqual([]);
  });

  it('says a damaged PDF or a file that is no PDF is damaged', async () => {
    const whole = await demoPdf(3, 'Cut short');
    for (const bytes of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from('%PDF-1.7\nnot really')]) {
      const made = await preview(bytes, 'application/pdf', 'cut.pdf');
      expect(made).toMatchObject({ kind: 'pdf', state: 'unavailable' });
      expect(made.reason).toMatch(/damaged or not a PDF/);
    }
  });
});

describe('empty and missing files', () => {
  it.each([
    ['application/pdf', 'empty.pdf'],
    ['image/jpeg', 'empty.jpg'],
    ['video/mp4', 'empty.mp4'],
    ['application/zip', 'empty.zip'],
  ])('a zero-byte %s is "empty"', async (contentType, fileName) => {
    const made = await preview(new Uint8Array(0), contentType, fileName);
    expect(made.state).toBe('unavailable');
    expect(made.reason).toMatch(/the file is empty/);
  });

  it('an original that is gone is "missing", for every kind that reads it', async () => {
    for (const [contentType, fileName] of [
      ['application/pdf', 'gone.pdf'],
      ['video/webm', 'gone.webm'],
    ] as const) {
      const made = await makePreview({
        key: `tmp/previews-test/${randomUUID()}`,
        contentType,
        fileName,
        size: 1000,
        derivedPrefix: 'tmp/previews-test/out/',
      });
      expect(made.reason).toMatch(/missing/);
    }
  });
});

describe('video previews', () => {
  it('finds the WebM playable, its duration, and makes a poster from a VP8 keyframe', async () => {
    const made = await preview(await demoVideo(), 'video/webm', 'reel.webm');
    expect(made).toMatchObject({ kind: 'video', state: 'ready', reason: null, playable: true, pages: [], pageCount: null });
    expect(made.durationSeconds).toBeCloseTo(3, 1);
    const poster = await sharp(await read(made.posterKey as string)).metadata();
    expect([poster.format, poster.width, poster.height]).toEqual(['webp', 640, 360]);
    const thumb = await sharp(await read(made.thumbKey as string)).metadata();
    expect(thumb.width).toBe(640);
  });

  it('says an audio-only WebM has no video track', async () => {
    const made = await preview(await demoAudioOnlyWebm(), 'video/webm', 'memo.webm');
    expect(made).toMatchObject({ kind: 'video', state: 'unavailable', playable: false, posterKey: null });
    expect(made.reason).toMatch(/no video track/);
  });

  it('says a file that is no video cannot be read', async () => {
    const made = await preview(Buffer.from('definitely not a movie'), 'video/mp4', 'clip.mp4');
    expect(made).toMatchObject({ state: 'unavailable', playable: false });
    expect(made.reason).toMatch(/not a video we can read/);
  });

  it.skipIf(!haveChromium)('the demo WebM plays in Chromium', async () => {
    const video = Buffer.from(await demoVideo()).toString('base64');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<video muted></video>');
      // A script as text: this project's server code typechecks without the DOM's types.
      const played = (await page.evaluate(`(async () => {
        const v = document.querySelector('video');
        v.src = URL.createObjectURL(new Blob([Uint8Array.from(atob('${video}'), (c) => c.charCodeAt(0))], { type: 'video/webm' }));
        await new Promise((ok, fail) => { v.onloadeddata = ok; v.onerror = () => fail(new Error('media error ' + v.error?.code)); });
        return { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
      })()`)) as { duration: number; width: number; height: number };
      expect(played.duration).toBeGreaterThan(2);
      expect([played.width, played.height]).toEqual([640, 360]);
    } finally {
      await browser.close();
    }
  });
});

describe('image previews', () => {
  it('auto-rotates, and makes a preview and a 640 px thumb', async () => {
    // Landscape pixels stored with orientation 6 ("turn right to view"): a portrait photo.
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#6d597a' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const made = await preview(photo, 'image/jpeg', 'portrait.jpg');
    expect(made).toMatchObject({
      kind: 'image',
      state: 'ready',
      pages: [{ key: `${made.prefix}preview.webp`, width: 1365, height: 2048 }],
    });
    const thumb = await sharp(await read(made.thumbKey as string)).metadata();
    expect([thumb.width, thumb.height]).toEqual([427, 640]);
  });

  it('says a damaged image is unreadable', async () => {
    const made = await preview(Buffer.from('GIF89a but nothing else'), 'image/gif', 'broken.gif');
    expect(made).toMatchObject({ kind: 'image', state: 'unavailable' });
    expect(made.reason).toMatch(/not an image we can read/);
  });
});

describe('other files', () => {
  it.each([
    ['application/zip', 'selects.zip'],
    ['text/plain', 'notes.txt'],
  ])('%s is a ready file with nothing to draw', async (contentType, fileName) => {
    const { made, prefix } = await previewAt(Buffer.from('PK\u0003\u0004 some bytes'), contentType, fileName);
    expect(made).toEqual({
      kind: 'file',
      state: 'ready',
      reason: null,
      pages: [],
      thumbKey: null,
      posterKey: null,
      playable: null,
      durationSeconds: null,
      pageCount: null,
    });
    expect(await keysUnder(prefix)).toEqual([]);
  });
});
