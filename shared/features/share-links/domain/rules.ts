// When a share link opens its gallery, and what it may download. Pure: no request, no HTTP.
import { gone, notAllowed, notAuthenticated, notFound } from '../../../errors.ts';
import { today } from '../../clients/index.ts';
import type { Gallery, GalleryRules, ShareLinkRecord } from '../../galleries/index.ts';

/**
 * A link opens its gallery unless it was revoked, has expired (it works through its last day) or
 * the gallery is a draft or archived; a link with a password needs one (checked by the caller).
 */
export function checkLinkOpens(
  link: ShareLinkRecord,
  gallery: Gallery,
  password: string | undefined,
  studioName: string,
  now = new Date(),
): void {
  if (link.revokedAt) throw gone('link_revoked', `This link was switched off by ${studioName}.`);
  if (link.expiresAt && link.expiresAt < today(now)) throw gone('link_expired', `This link expired on ${link.expiresAt}.`);
  if (gallery.status === 'draft' || gallery.status === 'archived') throw notFound('This gallery is not available.');
  if (link.passwordHash && !password) throw notAuthenticated('password_required', 'This gallery is protected by a password.');
}

/** Only a link made for downloads downloads. */
export function checkLinkDownloads(link: ShareLinkRecord): void {
  if (link.access !== 'download') throw notAllowed('not_allowed', 'This link is for viewing only.');
}

/** A download link hands out what the gallery's rules allow, and at least the web size. */
export const sharedDownloadRules = (rules: GalleryRules): GalleryRules => ({
  ...rules,
  downloads: rules.downloads === 'original' ? 'original' : 'web',
});
