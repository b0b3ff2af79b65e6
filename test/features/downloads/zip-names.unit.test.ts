import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName, uniqueFileNames, zipName } from '../../../shared/features/downloads/domain/zip-jobs.ts';
import { attachmentDisposition } from '../../../shared/safe-text.ts';

describe('names inside a ZIP', () => {
  it('numbers clashing names, case-insensitively, without colliding with real names', () => {
    expect(uniqueFileNames(['IMG_1.jpg', 'IMG_1.jpg', 'img_1.JPG', 'IMG_1 (2).jpg', 'README', 'README'])).toEqual([
      'IMG_1.jpg',
      'IMG_1 (2).jpg',
      'img_1 (3).JPG',
      'IMG_1 (2) (2).jpg',
      'README',
      'README (2)',
    ]);
  });

  it('removes path separators, "..", control and bidi characters, and what Windows refuses', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('_._etc_passwd');
    expect(sanitizeFileName('a\\b/c.jpg')).toBe('a_b_c.jpg');
    expect(sanitizeFileName('evil\u202egpj.exe')).toBe('evilgpj.exe');
    expect(sanitizeFileName('tab\there\nnew.jpg')).toBe('tab here new.jpg');
    expect(sanitizeFileName('a\u0000b.jpg')).toBe('ab.jpg');
    expect(sanitizeFileName('nul.jpg')).toBe('_nul.jpg');
    expect(sanitizeFileName('what?<>:"|*.jpg')).toBe('what_______.jpg');
    expect(sanitizeFileName('  .hidden.jpg. ')).toBe('hidden.jpg');
    expect(sanitizeFileName('CON.jpg')).toBe('_CON.jpg');
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('')).toBe('file');
    const long = sanitizeFileName(`${'é'.repeat(300)}.jpeg`);
    expect(Array.from(long).length).toBe(180);
    expect(long.endsWith('.jpeg')).toBe(true);
  });

  it('always yields a safe, unique, non-empty name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), (raw) => {
        const names = uniqueFileNames(raw);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) {
          expect(n.length).toBeGreaterThan(0);
          expect(n).not.toMatch(/[/\\\p{Cc}\p{Cf}]|\.\.|^\.|[. ]$/u);
        }
      }),
    );
  });

  it('names the download and its Content-Disposition', () => {
    expect(zipName('Smith wedding.zip')).toBe('Smith wedding');
    expect(zipName('')).toBe('download');
    expect(attachmentDisposition('Été "best".zip')).toBe(
      `attachment; filename="_t_ _best_.zip"; filename*=UTF-8''%C3%89t%C3%A9%20%22best%22.zip`,
    );
  });
});
