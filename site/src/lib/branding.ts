// A portal's branding: applied to the page as CSS custom properties, and remembered for the tab
// so the next page of the same portal shows it before its API answer arrives.
import { applyAccent, isHexColour } from './colour.ts';
import type { Branding } from './types.ts';

const KEY = 'portico.branding';

export function rememberedBranding(): Branding | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const value = raw ? (JSON.parse(raw) as Branding) : null;
    return value && typeof value.name === 'string' && isHexColour(value.accentColor) ? value : null;
  } catch {
    return null;
  }
}

export function applyBranding(studio: Branding): void {
  applyAccent(studio.accentColor);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(studio));
  } catch {
    // Storage may be unavailable (private mode, quotas): branding then simply arrives a moment later.
  }
}
