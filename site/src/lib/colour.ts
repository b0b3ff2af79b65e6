// The colour rules live in shared/features/branding/constants.ts, so the API and the branding editor
// refuse the same accents and the portal darkens the same way; this module adds what only the page does.
import { accentPalette } from '../../../shared/features/branding/constants.ts';

export {
  type AccentPalette,
  accentPalette,
  accentRefusal,
  contrast,
  DEFAULT_ACCENT,
  isHexColour,
  luminance,
  mix,
  readableInk,
  textOn,
} from '../../../shared/features/branding/constants.ts';

/** Sets the palette on <html>, so every part of the page (and the focus ring) follows the accent. */
export function applyAccent(accent: string | null | undefined): void {
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries(accentPalette(accent))) style.setProperty(name, value);
}
