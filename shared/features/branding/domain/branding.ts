// Changing a studio's branding: the fields of the editor, the logo's upload ticket and its removal.
import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import { objects } from '../../../data/objects.ts';
import { notFound } from '../../../errors.ts';
import type { Studio } from '../../studios/index.ts';
import type { LogoContentType } from '../constants.ts';
import { deleteLogoObjects, presignLogoPut, setStudioLogo, updateStudioBranding } from '../data.ts';
import { assertBrandingChange } from './rules.ts';
import { branding } from './view.ts';

const LOGO_URL_TTL = 15 * 60;

export async function updateBranding(
  studio: Studio,
  change: { name?: string; accentColor?: string; welcomeMessage?: string; supportEmail?: string | null },
) {
  assertBrandingChange(studio, change);
  const accentColor = change.accentColor?.toLowerCase();
  const updated = await updateStudioBranding(studio.studioId, { ...change, accentColor });
  if (!updated) throw notFound('No such studio.');
  return branding(updated);
}

/**
 * A presigned PUT for a new logo. The key carries the ticket's time, so the pipeline applies an
 * upload only when nothing newer (an upload or a removal) has been applied since.
 */
export async function startLogoUpload(studio: Studio, file: { contentType: LogoContentType; size: number }) {
  const issuedAt = Date.now();
  const key = objects.logoUpload(studio.studioId, `${issuedAt}.${randomUUID()}`);
  const url = await presignLogoPut(key, file.contentType, file.size, LOGO_URL_TTL);
  return { put: { url, headers: { 'content-type': file.contentType } }, issuedAt };
}

/** Removes the logo: the name shows instead. A logo still in the pipeline, ticketed before now, stays out. */
export async function removeLogo(studio: Studio) {
  // Nothing to remove: nothing is written (a repeated removal changes nothing).
  if (!logoFiles(studio).length) return branding(studio);
  const set = await setStudioLogo(studio.studioId, { logoKey: null, logoEmailKey: null, issuedAt: Date.now() });
  if (!set) return branding(studio);
  await deleteLogoObjects(logoFiles(set.before));
  return branding(set.after);
}

/** The files a studio's logo uses (a seeded logo has no email copy). */
export const logoFiles = (studio: Pick<Studio, 'logoKey' | 'logoEmailKey'>): string[] =>
  [studio.logoKey, studio.logoEmailKey].filter((k): k is string => typeof k === 'string');

/** A transparent pixel in the site: what an email of a studio that removed its logo shows. */
const NO_LOGO = '/static/blank.png';

/**
 * Where the emails' logo is now: a fresh presigned link to its email copy (valid an hour; the
 * route's answer is cached 5 minutes), or the blank pixel once the logo is gone.
 */
export async function portalLogoLocation(studio: Studio): Promise<string> {
  const key = studio.logoEmailKey ?? studio.logoKey;
  return key ? presignGet(key, { expiresIn: 3600 }) : NO_LOGO;
}
