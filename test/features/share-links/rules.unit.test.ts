import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  type Gallery,
  type GalleryRules,
  type GalleryStatus,
  type ShareLinkRecord,
} from '../../../shared/features/galleries/index.ts';
import { checkLinkDownloads, checkLinkOpens, sharedDownloadRules } from '../../../shared/features/share-links/domain/rules.ts';
import { outcome } from '../../support/outcome.ts';

const NOW = new Date('2025-06-15T12:00:00Z');

const link = (changes: Partial<ShareLinkRecord> = {}): ShareLinkRecord => ({
  linkId: 'l1',
  galleryId: 'g1',
  studioId: 's1',
  access: 'view',
  passwordHash: null,
  expiresAt: null,
  revokedAt: null,
  createdAt: '2025-06-01T00:00:00.000Z',
  uses: 0,
  lastUsedAt: null,
  ...changes,
});

const gallery = (status: GalleryStatus): Gallery => ({
  galleryId: 'g1',
  studioId: 's1',
  clientId: 'c1',
  projectId: null,
  title: 'Wedding',
  status,
  shootDate: null,
  deadline: null,
  imageCount: 12,
  coverThumbKey: null,
  createdAt: '2025-06-01T00:00:00.000Z',
});

describe('a share link opens its gallery', () => {
  const revoked = { revokedAt: '2025-06-10T00:00:00.000Z' };
  const protectedBy = { passwordHash: 'salt:hash' };

  // The checks run in this order: revoked, expired, gallery not shown, password missing.
  it.each<[string, Partial<ShareLinkRecord>, GalleryStatus, string | undefined, string]>([
    ['a live link to a gallery in proofing', {}, 'proofing', undefined, 'allowed'],
    ['a live link to a locked gallery', {}, 'locked', undefined, 'allowed'],
    ['a live link to a ready gallery', {}, 'ready', undefined, 'allowed'],
    ['a link to a draft', {}, 'draft', undefined, 'not_found'],
    ['a link to an archived gallery', {}, 'archived', undefined, 'not_found'],
    ['a revoked link', revoked, 'ready', undefined, 'link_revoked'],
    ['a revoked link that also expired, to a draft', { ...revoked, expiresAt: '2025-06-14' }, 'draft', undefined, 'link_revoked'],
    ['a link that expired yesterday', { expiresAt: '2025-06-14' }, 'ready', undefined, 'link_expired'],
    ['an expired link to an archived gallery', { expiresAt: '2025-06-14' }, 'archived', undefined, 'link_expired'],
    ['a link on its last day', { expiresAt: '2025-06-15' }, 'ready', undefined, 'allowed'],
    ['a protected link without a password', protectedBy, 'ready', undefined, 'password_required'],
    ['a protected link with an empty password', protectedBy, 'ready', '', 'password_required'],
    ['a protected link with a password (checked next)', protectedBy, 'ready', 'secret', 'allowed'],
    ['a protected link to a draft', protectedBy, 'draft', undefined, 'not_found'],
    ['a revoked protected link', { ...revoked, ...protectedBy }, 'ready', undefined, 'link_revoked'],
  ])('%s: %s', (_, changes, status, password, expected) => {
    expect(outcome(() => checkLinkOpens(link(changes), gallery(status), password, 'Lumen Studio', NOW))).toBe(expected);
  });

  it('says who switched it off, when it expired, and that a revoked or expired link is gone for good', () => {
    expect(() => checkLinkOpens(link(revoked), gallery('ready'), undefined, 'Lumen Studio', NOW)).toThrow(
      expect.objectContaining({ kind: 'gone', message: 'This link was switched off by Lumen Studio.' }),
    );
    expect(() => checkLinkOpens(link({ expiresAt: '2025-06-01' }), gallery('ready'), undefined, 'Lumen Studio', NOW)).toThrow(
      expect.objectContaining({ kind: 'gone', message: 'This link expired on 2025-06-01.' }),
    );
    expect(() => checkLinkOpens(link(protectedBy), gallery('ready'), undefined, 'Lumen Studio', NOW)).toThrow(
      expect.objectContaining({ kind: 'not_authenticated' }),
    );
  });
});

describe('a share link downloads', () => {
  it.each<[ShareLinkRecord['access'], string]>([
    ['view', 'not_allowed'],
    ['download', 'allowed'],
  ])('made for %s: %s', (access, expected) => {
    expect(outcome(() => checkLinkDownloads(link({ access })))).toBe(expected);
  });

  it.each<[GalleryRules['downloads'], GalleryRules['downloads']]>([
    ['off', 'web'],
    ['web', 'web'],
    ['original', 'original'],
  ])("what the gallery's rules allow, and at least the web size: %s → %s", (downloads, handedOut) => {
    const rules: GalleryRules = { ...DEFAULT_RULES, downloads, watermark: '© Lumen' };
    expect(sharedDownloadRules(rules)).toEqual({ ...rules, downloads: handedOut });
  });
});
