// Accent colours come from each studio, so readable text colours are computed, never assumed
// (WCAG 2.x relative luminance and contrast ratio).

export const DEFAULT_ACCENT = '#3d5afe';
const WHITE = '#ffffff';
const INK = '#14161f';

type Rgb = [number, number, number];

export const isHexColour = (v: unknown): v is string => typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v);

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `weight` of `a` mixed with the rest of `b`, in sRGB (as CSS color-mix does). */
export function mix(a: string, b: string, weight: number): string {
  const ca = rgb(a);
  const cb = rgb(b);
  return toHex(ca.map((v, i) => v * weight + (cb[i] as number) * (1 - weight)) as Rgb);
}

/** White or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrast(background, WHITE) >= contrast(background, INK) ? WHITE : INK;
}

/** The colour itself if it reads on `background`, otherwise darkened just enough (toward INK). */
export function readableInk(colour: string, background: string, min = 4.5): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(INK, colour, step / 20);
    if (contrast(candidate, background) >= min) return candidate;
  }
  return INK;
}

export interface AccentPalette {
  /** The studio's colour as chosen: decoration (bars, rules) only. */
  '--accent': string;
  /** Filled buttons: the accent, darkened just enough when no text colour reads on it at 4.5:1. */
  '--accent-fill': string;
  /** Text and icons on --accent-fill. */
  '--on-accent': string;
  /** A light tint for badges and placeholders. */
  '--accent-tint': string;
  /** Accent-coloured text on white or on the tint (4.5:1 at least). */
  '--accent-ink': string;
  /** Outline of --accent-fill surfaces: the fill, or something darker when it is too pale to see on white (3:1). */
  '--accent-edge': string;
}

export function accentPalette(accent: string | null | undefined): AccentPalette {
  const base = isHexColour(accent) ? accent.toLowerCase() : DEFAULT_ACCENT;
  const tint = mix(base, WHITE, 0.12);
  // Mid-tones can read at only ~4.2:1 with either white or near-black text: darken those.
  const fill = contrast(base, textOn(base)) >= 4.5 ? base : readableInk(base, WHITE, 4.5);
  return {
    '--accent': base,
    '--accent-fill': fill,
    '--on-accent': textOn(fill),
    '--accent-tint': tint,
    '--accent-ink': readableInk(base, tint),
    '--accent-edge': contrast(fill, WHITE) >= 3 ? fill : readableInk(fill, WHITE, 3),
  };
}

/** Sets the palette on <html>, so every part of the page (and the focus ring) follows the accent. */
export function applyAccent(accent: string | null | undefined): void {
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries(accentPalette(accent))) style.setProperty(name, value);
}
