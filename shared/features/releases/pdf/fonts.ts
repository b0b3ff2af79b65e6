// The fonts every release PDF embeds (subset), read from npm packages so a Lambda bundle can ship
// them as plain files: beside the bundled module when present (the bundle's assets), else from
// node_modules. DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew and Arabic (with its shaping
// tables); Noto Emoji (monochrome outlines) covers emoji, which DejaVu lacks.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The files a bundle must ship beside the module that renders (its root, flat). */
export const FONT_FILES = {
  regular: { pkg: 'dejavu-fonts-ttf', path: 'ttf/DejaVuSans.ttf' },
  bold: { pkg: 'dejavu-fonts-ttf', path: 'ttf/DejaVuSans-Bold.ttf' },
  italic: { pkg: 'dejavu-fonts-ttf', path: 'ttf/DejaVuSans-Oblique.ttf' },
  boldItalic: { pkg: 'dejavu-fonts-ttf', path: 'ttf/DejaVuSans-BoldOblique.ttf' },
  emoji: { pkg: '@expo-google-fonts/noto-emoji', path: '400Regular/NotoEmoji_400Regular.ttf' },
} as const;

export type FontName = keyof typeof FONT_FILES;

const requireHere = createRequire(import.meta.url);
const bytesCache = new Map<FontName, Uint8Array>();

function fontPath(name: FontName): string {
  const { pkg, path } = FONT_FILES[name];
  const file = path.slice(path.lastIndexOf('/') + 1);
  const bundled = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (existsSync(bundled)) return bundled;
  return join(dirname(requireHere.resolve(`${pkg}/package.json`)), path);
}

export function fontBytes(name: FontName): Uint8Array {
  let bytes = bytesCache.get(name);
  if (!bytes) {
    bytes = readFileSync(fontPath(name));
    bytesCache.set(name, bytes);
  }
  return bytes;
}

interface CoverageFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const coverageCache = new Map<FontName, CoverageFont>();

/** A parsed font for coverage questions only (which code points it maps); parsed once per process. */
export function coverage(name: FontName): CoverageFont {
  let font = coverageCache.get(name);
  if (!font) {
    font = fontkit.create(Buffer.from(fontBytes(name))) as unknown as CoverageFont;
    coverageCache.set(name, font);
  }
  return font;
}
