import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { vp8FrameOfWebp } from '../../../local/demo-media.ts';
import { objects, PREFIX } from '../../../shared/data/objects.ts';
import { PDF_PAGE_PX } from '../../../shared/features/previews/constants.ts';
import { browserPlays, pdfPageScale, previewKindOf, REASONS } from '../../../shared/features/previews/domain/rules.ts';
import { webpOfVp8Keyframe } from '../../../shared/features/previews/domain/video.ts';
import { PREVIEW_EVENT_SETTINGS } from '../../../shared/features/previews/index.ts';

describe('the kind of preview a file gets', () => {
  it.each([
    ['image/jpeg', 'IMG_0001.JPG', 'image'],
    ['image/heic', 'IMG_0002.HEIC', 'image'],
    ['image/avif', 'a.avif', 'image'],
    ['image/gif', 'loop.gif', 'image'],
    ['application/pdf', 'proofs.pdf', 'pdf'],
    ['application/pdf; charset=binary', 'proofs', 'pdf'],
    ['video/mp4', 'cut.mp4', 'video'],
    ['video/quicktime', 'cut.mov', 'video'],
    ['video/webm', 'reel.webm', 'video'],
    ['application/octet-stream', 'reel.mkv', 'video'],
    ['application/octet-stream', 'scan.PDF', 'pdf'],
    ['', 'photo.jpeg', 'image'],
    ['application/zip', 'selects.zip', 'file'],
    ['text/plain', 'notes.txt', 'file'],
    ['image/svg+xml', 'logo.svg', 'file'],
    ['application/octet-stream', 'archive.tar.gz', 'file'],
    // The declared type wins over the name: an uploaded .pdf sent as text is a file.
    ['text/plain', 'looks.pdf', 'file'],
  ])('%s named %s → %s', (contentType, fileName, kind) => {
    expect(previewKindOf(contentType, fileName)).toBe(kind);
  });
});

describe('what browsers play', () => {
  it.each([
    ['MP4', 'avc', true],
    ['MP4', 'av1', true],
    ['MP4', 'hevc', false],
    ['QuickTime File Format', 'avc', true],
    ['QuickTime File Format', 'prores', false],
    ['WebM', 'vp8', true],
    ['WebM', 'vp9', true],
    ['WebM', 'av1', true],
    ['WebM', 'avc', false],
    ['Matroska', 'avc', false],
    ['MP4', null, false],
  ] as const)('%s with %s → %s', (container, codec, plays) => {
    expect(browserPlays(container, codec)).toBe(plays);
  });

  it('says why, and offers the download', () => {
    expect(REASONS.notPlayable('QuickTime File Format', 'prores')).toBe(
      'Browsers cannot play MOV video in ProRes. Download it to play it.',
    );
  });
});

describe('the size a PDF page renders at', () => {
  it.each([
    ['A4 portrait', 595.28, 841.89, 1131, 1600],
    ['A4 landscape', 841.89, 595.28, 1600, 1131],
    ['US Letter', 612, 792, 1236, 1600],
    ['a business card', 252, 144, 1600, 914],
    ['an A0 poster', 2384, 3370, 1131, 1600],
  ])('%s (%s × %s pt) → %s × %s px', (_name, w, h, pw, ph) => {
    // As the renderer computes it: whole points times the scale, floored.
    const scale = pdfPageScale(w, h);
    expect([Math.floor(Math.floor(w) * scale), Math.floor(Math.floor(h) * scale)]).toEqual([pw, ph]);
    expect(Math.max(pw, ph)).toBe(PDF_PAGE_PX);
  });

  it('counts pages in the reason as people write them', () => {
    expect(REASONS.pdfTooManyPages(2000, 300)).toBe(
      'Preview not available: the PDF has 2,000 pages; previews are made for up to 300. Download it to read it.',
    );
  });
});

describe('the keys of previews', () => {
  const [studio, project, item] = [
    '0b6f1d3c-7d1e-4a43-9a51-0f3e5c1a2b3c',
    '1c7a2e4d-8e2f-4b54-8b62-1a4f6d2b3c4d',
    '2d8b3f5e-9f3a-4c65-9c73-2b5a7e3c4d5e',
  ];

  it('puts previews in their own folder per version, outside the uploads prefix', () => {
    const prefix = objects.previewPrefix(studio, project, item, 2);
    expect(prefix).toBe(`previews/${studio}/${project}/${item}/v2/`);
    expect(prefix.startsWith(PREFIX.previews)).toBe(true);
    expect(prefix.startsWith(PREFIX.deliverableUploads)).toBe(false);
    expect(prefix.startsWith(PREFIX.projectFiles)).toBe(false);
  });
});

describe('a VP8 keyframe as a WebP', () => {
  it('wraps the frame back into the very WebP it came from', async () => {
    const webp = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#3a506b' } })
      .webp({ quality: 70 })
      .toBuffer();
    const frame = vp8FrameOfWebp(webp);
    expect(Buffer.from(webpOfVp8Keyframe(frame)).equals(webp)).toBe(true);
    expect((await sharp(Buffer.from(webpOfVp8Keyframe(frame))).metadata()).width).toBe(64);
  });
});

describe('the settings an object event that makes previews needs', () => {
  it('bundles the PDFium WebAssembly the renderer loads', async () => {
    const { existsSync } = await import('node:fs');
    for (const asset of PREVIEW_EVENT_SETTINGS.assets) expect(existsSync(asset), asset).toBe(true);
    expect(PREVIEW_EVENT_SETTINGS.nativeModules).toContain('sharp');
  });
});
