import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFileName } from '../../../shared/features/uploads/domain/uploads.ts';

describe('stored file names', () => {
  it('neutralises bidi controls and other invisible formatting', () => {
    expect(cleanFileName('holiday\u202Egpj.exe')).toBe('holidaygpj.exe');
    expect(cleanFileName('a\u2066b\u2069\u200Bc\u200Fd\uFEFF.jpg')).toBe('abcd.jpg');
    expect(cleanFileName('line\u2028sep\u2029.jpg')).toBe('linesep.jpg');
    expect(cleanFileName('c1\u0085\u009b.jpg')).toBe('c1.jpg');
    expect(cleanFileName('\u202E')).toBe('image');
    expect(cleanFileName('Été 写真.jpg')).toBe('Été 写真.jpg');
  });

  it('never keeps a control, format or separator character, a path or a quote', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({
            unit: fc.constantFrom('a', '.', ' ', '/', '"', '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028', '\u0085', '\r'),
            maxLength: 20,
          }),
          fc.string({ unit: 'binary', maxLength: 60 }),
        ),
        (raw) => {
          const name = cleanFileName(raw);
          expect(name.length).toBeGreaterThan(0);
          expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"/\\]/u);
        },
      ),
    );
  });
});
