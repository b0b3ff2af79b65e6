import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../shared/safe-text.ts';

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987)', () => {
    expect(attachmentDisposition('写真 1.jpg')).toBe(`attachment; filename="__ 1.jpg"; filename*=UTF-8''%E5%86%99%E7%9C%9F%201.jpg`);
    expect(attachmentDisposition('IMG_0001.jpg')).toBe(`attachment; filename="IMG_0001.jpg"; filename*=UTF-8''IMG_0001.jpg`);
  });

  it('is a valid header value (Latin-1, one line) for any name, even a lone surrogate', () => {
    for (const name of ['a\r\nSet-Cookie: x=1.jpg', '\ud800.jpg', '"quoted" \\ 100%.jpg', '💥.jpg']) {
      const value = attachmentDisposition(name);
      expect(value).toMatch(/^[\x20-\x7e]+$/);
      expect(value).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
    }
  });
});
