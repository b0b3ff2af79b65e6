// What the portal, the dashboard and the emails show of a studio's branding: read from the studio
// record each time (the portal's answers are never cached, and emails read it when sent), so a
// change shows at the next page load and in the next email.
import { presignGet } from '../../../adapters/storage.ts';
import { portalUrl } from '../../../config.ts';
import { studioHas } from '../../plans/index.ts';
import type { Branding, Studio } from '../../studios/index.ts';
import type { LetterBrand } from '../constants.ts';
import { shownBranding } from './rules.ts';

export async function branding(studio: Studio): Promise<Branding> {
  return {
    name: studio.name,
    slug: studio.slug,
    logoUrl: studio.logoKey ? await presignGet(studio.logoKey, { expiresIn: 24 * 3600 }) : null,
    accentColor: studio.accentColor,
    supportEmail: studio.supportEmail,
    ...shownBranding(studio),
    feedback: studioHas(studio, 'feedback'),
  };
}

/**
 * The letter's branding. The logo is the portal's logo route, not a presigned link: an email is read
 * days or months later, and a presigned link dies with the credentials that signed it (a Lambda's
 * within hours). The route redirects to a fresh link each time; `v` changes with the logo, so a
 * mail client's cached copy of an older logo is never shown for a newer one.
 */
export function letterBrand(studio: Studio): LetterBrand {
  const shown = shownBranding(studio);
  return {
    name: studio.name,
    accentColor: studio.accentColor,
    supportEmail: studio.supportEmail,
    logoUrl: studio.logoKey ? `${portalUrl(studio.slug)}/api/portal/logo?v=${studio.logoIssuedAt ?? 0}` : null,
    welcomeMessage: shown.poweredBy ? null : shown.welcomeMessage,
    poweredBy: shown.poweredBy,
  };
}
