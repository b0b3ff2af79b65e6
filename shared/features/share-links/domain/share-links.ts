// Share links: a lighter alternative to a portal invitation. A link opens one gallery, view-only
// or with downloads, optionally behind a password and until a date; the studio can revoke it, and
// every use is counted. Like magic links, the token is 32 random bytes stored only as a hash.
import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { presignGet } from '../../../adapters/storage.ts';
import { limits, portalUrl } from '../../../config.ts';
import { consumeOnFailure, type Limit } from '../../../data/rate-limit.ts';
import { notAuthenticated, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import type { PageRequest } from '../../../paging.ts';
import {
  type Gallery,
  galleryOfStudio,
  getGallery,
  getImage,
  loadGalleryContents,
  publicLink,
  rulesOf,
  type ShareLinkRecord,
} from '../../galleries/index.ts';
import { downloadSource } from '../../proofing/index.ts';
import type { Studio } from '../../studios/index.ts';
import {
  countLinkUse,
  getShareLink,
  getShareToken,
  hasSharePass,
  putShareLink,
  putSharePass,
  queryShareLinks,
  revokeLink,
  shareLinkExists,
} from '../data.ts';
import { checkLinkDownloads, checkLinkOpens, sharedDownloadRules } from './rules.ts';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/**
 * Wrong password guesses per link and visitor: plenty for a person, useless for guessing. Only
 * failures count, so the right password always opens, however often it is used and whatever
 * others guess, unless this visitor used up its own guesses.
 */
export const passwordLimit = (): Limit => ({
  bucket: 'sharepw',
  max: limits.sharePasswordFailures,
  windowSeconds: limits.sharePasswordWindowSeconds,
});

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${(await scrypt(password, salt, 32)).toString('hex')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [salt, hash] = stored.split(':') as [string, string];
  const candidate = await scrypt(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(candidate, Buffer.from(hash, 'hex'));
}

export async function createShareLink(
  studio: Studio,
  galleryId: string,
  input: { access: 'view' | 'download'; password?: string; expiresAt?: string },
) {
  await galleryOfStudio(studio, galleryId);
  const token = randomBytes(32).toString('base64url');
  const link: ShareLinkRecord = {
    linkId: randomUUID(),
    galleryId,
    studioId: studio.studioId,
    access: input.access,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    expiresAt: input.expiresAt ?? null,
    revokedAt: null,
    createdAt: new Date().toISOString(),
    uses: 0,
    lastUsedAt: null,
  };
  await putShareLink(link, hashToken(token));
  // The token rides in the URL fragment: browsers never send it to a server.
  return publicLink(link, `${portalUrl(studio.slug)}/share#${token}`);
}

/** A page of the gallery's share links and their use, the newest first within the page. */
export async function listShareLinks(studio: Studio, galleryId: string, page: PageRequest) {
  await galleryOfStudio(studio, galleryId);
  const { items, nextCursor } = await queryShareLinks(galleryId, page);
  return { links: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((l) => publicLink(l)), nextCursor };
}

export async function revokeShareLink(studio: Studio, galleryId: string, linkId: string): Promise<void> {
  await galleryOfStudio(studio, galleryId);
  // Revoking twice is fine; revoking what does not exist is not.
  if (await revokeLink(galleryId, linkId)) return;
  if (!(await shareLinkExists(galleryId, linkId))) throw notFound('No such share link.');
}

/**
 * Resolves a token on this portal and checks revocation, expiry and password. `visitor` names who
 * asks (the source IP): its wrong guesses are counted against it alone.
 */
async function openLink(
  studio: Studio,
  token: string,
  password: string | undefined,
  visitor: string,
): Promise<{ link: ShareLinkRecord; gallery: Gallery }> {
  const tokenHash = hashToken(token);
  const pointer = await getShareToken(tokenHash);
  // A link of another studio does not exist on this portal.
  if (!pointer || pointer.studioId !== studio.studioId) throw notFound('This share link is not valid.');
  const { galleryId } = pointer;
  const [link, gallery] = await Promise.all([getShareLink(galleryId, pointer.linkId), getGallery(studio.studioId, galleryId)]);
  if (!link || !gallery) throw notFound('This share link is not valid.');
  checkLinkOpens(link, gallery, password, studio.name);
  // A protected link gets here only with a password: checkLinkOpens refused it without one.
  if (link.passwordHash && password) {
    const { passwordHash } = link;
    const nowSeconds = Math.floor(Date.now() / 1000);
    // A visitor who gave the right password is not counted again: neither a "download all" of
    // their own nor anyone else's wrong guesses throttle them. Others' guesses hold a use each
    // while checked, so a burst of them cannot pass the limit together.
    const proven = await hasSharePass(tokenHash, visitor, nowSeconds);
    const right = proven
      ? await passwordMatches(password, passwordHash)
      : await consumeOnFailure(passwordLimit(), `${link.linkId}#${visitor}`, () => passwordMatches(password, passwordHash));
    if (!right) throw notAuthenticated('password_wrong', 'That password is not right.');
    if (!proven) await putSharePass(tokenHash, visitor, nowSeconds + limits.sharePassHours * 3600);
  }
  return { link, gallery };
}

/**
 * Counts one use on the link (the studio sees it) and logs it (an audit trail). Only a use that
 * was served counts: a refused download through a valid link changes nothing.
 */
async function countUse(studio: Studio, link: ShareLinkRecord, galleryId: string): Promise<void> {
  logger.info('share link used', { linkId: link.linkId, galleryId, studioId: studio.studioId, access: link.access });
  await countLinkUse(galleryId, link.linkId);
}

export async function openSharedGallery(studio: Studio, visitor: string, token: string, password?: string) {
  const { link, gallery } = await openLink(studio, token, password, visitor);
  const contents = await loadGalleryContents(gallery.galleryId);
  const images = await Promise.all(
    contents.images
      .filter((i) => i.status === 'ready' && i.derived?.thumb?.webp && i.derived.preview?.webp)
      .map(async (i) => ({
        imageId: i.imageId,
        fileName: i.fileName,
        width: i.width,
        height: i.height,
        placeholder: i.placeholder,
        thumbUrl: await presignGet(i.derived?.thumb?.webp as string, { expiresIn: 6 * 3600 }),
        previewUrl: await presignGet(i.derived?.preview?.webp as string, { expiresIn: 6 * 3600 }),
      })),
  );
  await countUse(studio, link, gallery.galleryId);
  return {
    gallery: {
      title: gallery.title,
      shootDate: gallery.shootDate,
      welcomeNote: gallery.welcomeNote ?? '',
      canDownload: link.access === 'download',
    },
    images,
  };
}

export async function downloadShared(studio: Studio, visitor: string, token: string, password: string | undefined, imageId: string) {
  const { link, gallery } = await openLink(studio, token, password, visitor);
  checkLinkDownloads(link);
  const image = await getImage(gallery.galleryId, imageId);
  if (image?.status !== 'ready') throw notFound('No such image.');
  const { key, fileName } = downloadSource(sharedDownloadRules(rulesOf(gallery)), image);
  const url = await presignGet(key, { expiresIn: 300, downloadName: fileName });
  await countUse(studio, link, gallery.galleryId);
  return { url, fileName };
}
