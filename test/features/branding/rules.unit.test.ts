import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  accentPalette,
  accentRefusal,
  contrast,
  INK,
  invitationLetter,
  type LetterBrand,
  renderLetter,
  SIGN_IN_FOOTNOTE,
  WHITE,
} from '../../../shared/features/branding/constants.ts';
import { assertBrandingChange, shownBranding } from '../../../shared/features/branding/domain/rules.ts';
import { renderLogo, UnusableLogo } from '../../../shared/features/branding/logo-pipeline.ts';
import type { Plan } from '../../../shared/features/plans/index.ts';
import { outcome } from '../../support/outcome.ts';

const studio = (plan: Plan) => ({ plan, addOns: [], name: 'Lumen', welcomeMessage: 'Kept message' });

describe('the accent rule', () => {
  it.each([
    ['#1f4e79', 'allowed'],
    ['#ffffff', 'allowed'],
    ['#fcc419', 'allowed'],
    ['#1c7ed6', 'refused'],
    ['#2b8a3e', 'refused'],
    ['#7b7b7b', 'refused'],
  ])('%s is %s', (accent, verdict) => {
    expect(accentRefusal(accent) ? 'refused' : 'allowed').toBe(verdict);
  });

  it('names, for a refused colour, a variant white text reads on, which is itself accepted and is what buttons use', () => {
    const refused = accentRefusal('#1c7ed6');
    expect(refused).not.toBeNull();
    const readable = refused?.readable as string;
    expect(contrast(readable, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(accentRefusal(readable)).toBeNull();
    expect(accentPalette('#1c7ed6')['--accent-fill']).toBe(readable);
  });

  it('leaves an accepted colour as the fill, with a text colour at AA on it', () => {
    for (const accent of ['#1f4e79', '#fcc419', '#e03131']) {
      const p = accentPalette(accent);
      expect(p['--accent-fill']).toBe(accent);
      expect(contrast(p['--accent-fill'], p['--on-accent'])).toBeGreaterThanOrEqual(4.5);
      expect([WHITE, INK]).toContain(p['--on-accent']);
    }
  });
});

describe('what a branding change may do', () => {
  it.each<[Plan, { accentColor?: string; welcomeMessage?: string }, string]>([
    ['starter', { welcomeMessage: 'New words' }, 'plan_required'],
    ['starter', { welcomeMessage: 'Kept message' }, 'allowed'],
    ['growth', { welcomeMessage: 'New words' }, 'allowed'],
    ['scale', { welcomeMessage: '' }, 'allowed'],
    ['growth', { accentColor: '#1c7ed6' }, 'accent_contrast'],
    ['starter', { accentColor: '#1f4e79' }, 'allowed'],
  ])('on %s, %j → %s', (plan, change, expected) => {
    expect(outcome(() => assertBrandingChange(studio(plan), change))).toBe(expected);
  });

  it.each<[Plan, string, boolean]>([
    ['starter', "Welcome to Lumen's client portal.", true],
    ['growth', 'Kept message', false],
    ['scale', 'Kept message', false],
  ])('shows on %s the welcome %j, poweredBy %s (a downgrade keeps the stored message)', (plan, welcome, poweredBy) => {
    expect(shownBranding(studio(plan))).toEqual({ welcomeMessage: welcome, poweredBy });
  });
});

describe('the branded letter', () => {
  const brand: LetterBrand = {
    name: 'Lumen <b>&</b>',
    accentColor: '#1c7ed6',
    supportEmail: 'help@lumen.example',
    logoUrl: 'https://lumen.example.com/api/portal/logo?v=1&x="y"',
    welcomeMessage: '<script>alert(1)</script>',
    poweredBy: true,
  };

  it('escapes every text and attribute, and buttons use the readable fill', () => {
    const { html } = renderLetter(invitationLetter(brand, 'Ava <i>', 'https://x.example/auth#token=a', SIGN_IN_FOOTNOTE));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('v=1&amp;x=&quot;y&quot;');
    expect(html).toContain(`background:${accentPalette('#1c7ed6')['--accent-fill']}`);
  });

  it('carries the Powered-by line only without full branding', () => {
    const letter = (poweredBy: boolean) => renderLetter(invitationLetter({ ...brand, poweredBy }, 'Ava', 'https://x.example', 'f'));
    expect(letter(true).text).toContain('Powered by Portico');
    expect(letter(true).html).toContain('Powered by Portico');
    expect(letter(false).text).not.toContain('Powered by Portico');
    expect(letter(false).html).not.toContain('Powered by Portico');
  });
});

describe('the logo renderer', () => {
  const image = (w: number, h: number, format: 'png' | 'jpeg' | 'webp') =>
    sharp({ create: { width: w, height: h, channels: 3, background: '#336699' } })
      [format]()
      .toBuffer();

  it.each(['png', 'jpeg', 'webp'] as const)('fits a %s into the header and email boxes, never enlarging', async (format) => {
    const sizes = Object.fromEntries(
      (await renderLogo(await image(2000, 500, format))).map((f) => [f.variant, [f.width, f.height, f.contentType]]),
    );
    expect(sizes).toEqual({ header: [384, 96, 'image/webp'], email: [384, 96, 'image/png'] });
    const small = Object.fromEntries((await renderLogo(await image(100, 40, format))).map((f) => [f.variant, [f.width, f.height]]));
    expect(small).toEqual({ header: [100, 40], email: [100, 40] });
  });

  it.each([
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')],
    ['text', Buffer.from('hello, not an image')],
  ])('refuses %s', async (_what, bytes) => {
    await expect(renderLogo(bytes)).rejects.toBeInstanceOf(UnusableLogo);
  });
});
