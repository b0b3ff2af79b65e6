// Branding rules both sides apply: the WCAG colour maths, the limits of each field, and the branded
// letter every client email is. No zod and no imports but constants modules: the site imports this
// module, so the editor refuses what the API refuses (the API stays the judge) and its email
// preview is the server's own template, not a look-alike.

// ---------------------------------------------------------------------------------------------
// Colour (WCAG 2.x relative luminance and contrast ratio). Accent colours come from each studio, so
// readable text colours are computed, never assumed.

export const DEFAULT_ACCENT = '#3d5afe';
export const WHITE = '#ffffff';
/** The near-black text colour of the portal and the emails. */
export const INK = '#14161f';
/** WCAG AA for normal text: buttons carry normal-size labels. */
export const AA_TEXT = 4.5;

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
export function readableInk(colour: string, background: string, min = AA_TEXT): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(INK, colour, step / 20);
    if (contrast(candidate, background) >= min) return candidate;
  }
  return INK;
}

/**
 * The accent rule. A studio's colour fills buttons, so some text colour must read on it: an accent
 * on which neither white nor near-black text reaches AA (4.5:1) is refused, and the answer names
 * the readable variant (the colour darkened just enough for white text) the studio can take
 * instead. Mid-tones such as #1c7ed6 or #2b8a3e (about 4.3:1 either way) fail both by a hair, so this refuses few colours and
 * never a saturated dark or a pale one. null: the colour is fine.
 */
export function accentRefusal(accent: string): { readable: string; ratio: number } | null {
  const ratio = contrast(accent, textOn(accent));
  return ratio >= AA_TEXT ? null : { readable: readableInk(accent, WHITE, AA_TEXT), ratio };
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
  // Colours stored before the accent rule (or seeded) may still be mid-tones: darken those here too.
  const fill = accentRefusal(base)?.readable ?? base;
  return {
    '--accent': base,
    '--accent-fill': fill,
    '--on-accent': textOn(fill),
    '--accent-tint': tint,
    '--accent-ink': readableInk(base, tint),
    '--accent-edge': contrast(fill, WHITE) >= 3 ? fill : readableInk(fill, WHITE, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// Fields and the logo.

export const PORTAL_NAME_MAX = 80;
/** The welcome message: a few sentences of plain text (line breaks kept, never HTML). */
export const WELCOME_MAX = 600;
/** What a studio without full branding (or without a message) shows instead of its own message. */
export const defaultWelcome = (studioName: string) => `Welcome to ${studioName}'s client portal.`;
export const POWERED_BY = 'Powered by Portico';

/**
 * Logo formats: raster only. SVG is refused because an SVG is a document that can carry scripts
 * and external references; served from our bucket and opened directly it would run in a browser,
 * and sanitising it reliably is a bigger risk than asking for a PNG.
 */
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
/**
 * The sizes the pipeline makes, at twice the pixels they are shown at: the portal header shows a
 * logo up to 240 × 48 CSS px (.studio-brand__logo), the emails up to 200 × 48.
 */
export const LOGO_SIZES = {
  header: { width: 480, height: 96, format: 'webp' },
  email: { width: 400, height: 96, format: 'png' },
} as const;
export type LogoVariant = keyof typeof LOGO_SIZES;

// ---------------------------------------------------------------------------------------------
// The branded letter: every email a client receives. Every piece of text is escaped here; nothing a
// studio or client typed is ever HTML.

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** What a letter shows of the studio: its current branding, read when the mail is sent. */
export interface LetterBrand {
  name: string;
  accentColor: string;
  supportEmail: string | null;
  /** An absolute URL (the portal's logo route) or null for the name in text. */
  logoUrl: string | null;
  /** Full branding's welcome message, shown in invitations; null without full branding. */
  welcomeMessage: string | null;
  /** Starter: the "Powered by Portico" line stays in the footer. */
  poweredBy: boolean;
}

export interface Letter {
  brand: LetterBrand;
  greeting: string;
  paragraphs: string[];
  button: { label: string; url: string };
  footnote: string;
}

export function renderLetter(letter: Letter): { text: string; html: string } {
  const { brand } = letter;
  const paragraphs = brand.welcomeMessage ? [brand.welcomeMessage, ...letter.paragraphs] : letter.paragraphs;
  const text = [
    letter.greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    `${letter.button.label}: ${letter.button.url}`,
    '',
    letter.footnote,
    brand.supportEmail ? `Questions? Write to ${brand.supportEmail}.` : '',
    '',
    `— ${brand.name}`,
    ...(brand.poweredBy ? ['', POWERED_BY] : []),
  ].join('\n');
  const palette = accentPalette(brand.accentColor);
  const accent = palette['--accent'];
  const fill = palette['--accent-fill'];
  const onFill = palette['--on-accent'];
  const header = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" height="48" style="display:block;height:48px;width:auto;max-width:200px;border:0">`
    : escapeHtml(brand.name);
  // Line breaks of a welcome message stay line breaks, as on the portal (white-space: pre-line).
  const para = (p: string) => `<p style="white-space:pre-line">${escapeHtml(p)}</p>`;
  const html = `<!doctype html><html lang="en"><body style="margin:0;background:#f5f5f7;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:${INK}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#fff;border-radius:12px;padding:32px">
<tr><td style="font-size:20px;font-weight:600;border-bottom:3px solid ${accent};padding-bottom:12px">${header}</td></tr>
<tr><td style="padding-top:20px;font-size:16px;line-height:1.5">
<p>${escapeHtml(letter.greeting)}</p>
${paragraphs.map(para).join('\n')}
<p style="padding:12px 0"><a href="${escapeHtml(letter.button.url)}" style="background:${fill};color:${onFill};text-decoration:none;padding:12px 20px;border-radius:8px;display:inline-block;font-weight:600">${escapeHtml(letter.button.label)}</a></p>
<p style="font-size:13px;color:#6e6e73">${escapeHtml(letter.footnote)}</p>
${brand.supportEmail ? `<p style="font-size:13px;color:#6e6e73">Questions? Write to <a href="mailto:${escapeHtml(brand.supportEmail)}">${escapeHtml(brand.supportEmail)}</a>.</p>` : ''}
</td></tr></table>
${brand.poweredBy ? `<p style="font-size:12px;color:#6e6e73;padding-top:16px">${POWERED_BY}</p>` : ''}
</td></tr></table></body></html>`;
  return { text, html };
}

/** The invitation's words: the one letter the editor previews, so they live beside the template. */
export function invitationLetter(brand: LetterBrand, clientName: string, link: string, footnote: string): Letter {
  return {
    brand,
    greeting: `Hi ${clientName},`,
    paragraphs: [
      `${brand.name} has set up a private client portal for you. Your galleries, files and everything else you share with ${brand.name} are waiting there.`,
      'No password needed: the button below signs you in.',
    ],
    button: { label: 'Open your portal', url: link },
    footnote,
  };
}

export const SIGN_IN_FOOTNOTE =
  "This button signs you in once and works for 15 minutes. If it has expired, you can ask for a new one from the page it opens. If you weren't expecting this email, you can ignore it.";
