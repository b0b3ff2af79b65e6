import { describe, expect, it } from 'vitest';
import { coverThumbKey, DEFAULT_RULES, isPublished, listedStatus, rulesOf } from '../../../shared/features/galleries/domain/rules.ts';
import { GalleryRules, type GalleryStatus } from '../../../shared/features/galleries/schemas.ts';
import { outcome } from '../../support/outcome.ts';

const custom: GalleryRules = {
  selection: { enabled: true, min: 5, max: 40 },
  favourites: false,
  comments: false,
  downloads: 'original',
  viewOnly: true,
  watermark: '© Studio',
};

describe("a gallery's effective rules", () => {
  it('default to an open selection without limits, favourites and comments on, no downloads, no watermark', () => {
    expect(DEFAULT_RULES).toEqual({
      selection: { enabled: true, min: 0, max: null },
      favourites: true,
      comments: true,
      downloads: 'off',
      viewOnly: false,
      watermark: null,
    });
    // The defaults are rules a studio could have sent.
    expect(GalleryRules.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it.each<[string, GalleryRules | undefined, GalleryRules]>([
    ['a gallery without rules has the defaults', undefined, DEFAULT_RULES],
    ["the studio's rules win over every default", custom, custom],
    [
      'a record written before a rule existed gets that rule by default',
      { selection: custom.selection, downloads: 'web' } as GalleryRules,
      { ...DEFAULT_RULES, selection: custom.selection, downloads: 'web' },
    ],
    [
      'the selection limits are one rule: set, they replace the default whole',
      { ...DEFAULT_RULES, selection: { enabled: false, min: 0, max: 3 } },
      { ...DEFAULT_RULES, selection: { enabled: false, min: 0, max: 3 } },
    ],
  ])('%s', (_, rules, effective) => {
    expect(rulesOf({ rules })).toEqual(effective);
  });
});

describe('a gallery in its client’s list', () => {
  const today = '2025-06-15';

  it.each<[GalleryStatus, boolean]>([
    ['draft', false],
    ['proofing', true],
    ['locked', true],
    ['ready', true],
    ['archived', true],
  ])('%s is published: %s', (status, published) => {
    expect(isPublished({ status })).toBe(published);
  });

  it.each<[GalleryStatus, string | null, string]>([
    ['draft', null, 'unavailable'],
    ['draft', '2025-06-14', 'unavailable'],
    ['proofing', null, 'proofing'],
    ['proofing', '2025-07-01', 'proofing'],
    // The deadline is the last day of proofing.
    ['proofing', '2025-06-15', 'proofing'],
    ['proofing', '2025-06-14', 'locked'],
    ['locked', null, 'locked'],
    ['ready', '2025-06-14', 'ready'],
    ['archived', '2025-06-14', 'archived'],
  ])('%s with deadline %s is listed as %s', (status, deadline, listed) => {
    expect(listedStatus({ status, deadline }, today)).toBe(listed);
  });
});

describe('the cover', () => {
  const thumb = { thumb: { webp: 'derived/g1/i1/thumb.webp' } };

  it.each<[string, Parameters<typeof coverThumbKey>[0], string]>([
    ['no image of this gallery', null, 'not_found'],
    ['an image still uploading', { status: 'uploading', derived: null }, 'invalid_request'],
    ['an image still processing', { status: 'processing', derived: null }, 'invalid_request'],
    ['an image that failed', { status: 'failed', derived: null }, 'invalid_request'],
    ['a ready image', { status: 'ready', derived: thumb }, 'allowed'],
  ])('%s: %s', (_, image, expected) => {
    expect(outcome(() => coverThumbKey(image))).toBe(expected);
  });

  it('says which field is wrong, and shows the ready image by its WebP thumbnail', () => {
    expect(() => coverThumbKey(null)).toThrow(expect.objectContaining({ kind: 'not_found', fields: { coverImageId: expect.any(Array) } }));
    expect(() => coverThumbKey({ status: 'processing', derived: null })).toThrow(
      expect.objectContaining({ kind: 'invalid', fields: { coverImageId: ['is not a ready image of this gallery'] } }),
    );
    expect(coverThumbKey({ status: 'ready', derived: thumb })).toBe('derived/g1/i1/thumb.webp');
    expect(coverThumbKey({ status: 'ready', derived: null })).toBeNull();
  });
});
