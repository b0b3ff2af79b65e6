// The branding rules: no I/O. What a change may do on the studio's plan, and what the portal shows.
import { DomainError } from '../../../errors.ts';
import { type PlanHolder, planRequired, studioHas } from '../../plans/index.ts';
import { accentRefusal, defaultWelcome } from '../constants.ts';

/**
 * Refuses what the studio may not change: the welcome message without full branding (a message
 * sent unchanged is no change: the editor may send the form whole), and an accent no text reads on,
 * naming the readable variant the studio can take instead.
 */
export function assertBrandingChange(
  studio: PlanHolder & { welcomeMessage: string },
  change: { accentColor?: string; welcomeMessage?: string },
): void {
  if (change.welcomeMessage !== undefined && change.welcomeMessage !== studio.welcomeMessage && !studioHas(studio, 'fullBranding'))
    throw planRequired('fullBranding');
  if (change.accentColor !== undefined) {
    const refused = accentRefusal(change.accentColor);
    if (refused)
      throw new DomainError(
        'invalid',
        'accent_contrast',
        `Neither white nor dark text reaches 4.5:1 on ${change.accentColor.toLowerCase()} (best ${refused.ratio.toFixed(2)}:1), so buttons in it would be hard to read. ${refused.readable} is the nearest colour that reads.`,
        { details: { readable: refused.readable, ratio: refused.ratio.toFixed(2) } },
      );
  }
}

/**
 * What the portal and the emails show of the studio's plan: full branding shows its own welcome
 * message (the default when it has none) and no Portico footer; partial branding shows the default
 * message and the footer, and keeps the stored message for the day it upgrades again.
 */
export function shownBranding(studio: PlanHolder & { name: string; welcomeMessage: string }): {
  welcomeMessage: string;
  poweredBy: boolean;
} {
  const full = studioHas(studio, 'fullBranding');
  return {
    welcomeMessage: full && studio.welcomeMessage.trim() ? studio.welcomeMessage : defaultWelcome(studio.name),
    poweredBy: !full,
  };
}
