// Text on a PDF page: font fallback per character (the style's DejaVu face, then DejaVu Sans, then
// Noto Emoji), line breaking by measured width (long words broken too), and bidirectional text:
// bidi-js gives each character its level and each line its visual order; fontkit (through pdf-lib)
// shapes Arabic and itself reverses a run whose script is right-to-left, so a right-to-left run is
// handed over in logical order, and only a run fontkit would not reverse (neutrals, emoji) is
// reversed here, by grapheme.
import bidiModule from 'bidi-js';
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { coverage, type FontName, type FontStyle, fontBytes } from './fonts.ts';
import type { Inline } from './template.ts';

// bidi-js is CommonJS whose types declare an ES default export: under Node the default import is
// the factory itself, under a bundler's interop it may be the `default` property.
const bidiFactory = (typeof bidiModule === 'function' ? bidiModule : bidiModule.default) as typeof bidiModule.default;
const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Zero-width characters that join the previous character's glyph run (emoji sequences). */
const JOINER = /^[\u200D\uFE0E\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]$/u;
/** Characters that steer the layout and draw nothing (bidi controls are read by bidi-js first). */
const IGNORABLE = /^[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]$/u;
const WHITESPACE = /^[\t\n\r\f\v\u0085\u2028\u2029]$/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /^[\u0000-\u001F\u007F-\u009F]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const STYLE_FONT: Record<FontStyle, FontName> = { regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'boldItalic' };

/** The font a code point is drawn with, or undefined when none of ours has it. */
function fontFor(style: FontStyle, char: string, next: string | undefined): FontName | undefined {
  const cp = char.codePointAt(0) as number;
  const emojiFirst = EMOJI_PRESENTATION.test(char) || next === '\uFE0F';
  if (emojiFirst && coverage('emoji').hasGlyphForCodePoint(cp)) return 'emoji';
  const own = STYLE_FONT[style];
  if (coverage(own).hasGlyphForCodePoint(cp)) return own;
  if (coverage('regular').hasGlyphForCodePoint(cp)) return 'regular';
  if (coverage('emoji').hasGlyphForCodePoint(cp)) return 'emoji';
  return undefined;
}

/** Characters in `text` that no embedded font can draw (distinct, in order of first use). */
export function unsupportedCharacters(text: string): string[] {
  const out: string[] = [];
  for (const char of text) {
    if (char === ' ' || WHITESPACE.test(char) || IGNORABLE.test(char) || JOINER.test(char)) continue;
    const bad = CONTROL.test(char) || fontFor('regular', char, undefined) === undefined;
    if (bad && !out.includes(char)) out.push(char);
  }
  return out;
}

/** Text with whitespace as spaces and control characters removed: what a line may hold. */
export function cleanText(text: string): string {
  let out = '';
  for (const char of text) {
    if (WHITESPACE.test(char)) out += ' ';
    else if (!CONTROL.test(char)) out += char;
  }
  return out;
}

export function styleOf(inline: { bold?: boolean; italic?: boolean }): FontStyle {
  if (inline.bold) return inline.italic ? 'boldItalic' : 'bold';
  return inline.italic ? 'italic' : 'regular';
}

interface Line {
  start: number;
  end: number; // exclusive
  width: number;
}

/** One paragraph, prepared: its text, each UTF-16 unit's font, its bidi levels. */
interface Prepared {
  text: string;
  fonts: (FontName | 'none')[];
  levels: ReturnType<typeof bidi.getEmbeddingLevels>;
  rtl: boolean;
}

export interface TextOptions {
  size: number;
  color?: [number, number, number];
  /** Right-to-left paragraphs are right-aligned within the width unless this is set. */
  align?: 'start' | 'left' | 'center' | 'right';
}

export class Typesetter {
  readonly doc: PDFDocument;
  private readonly fonts: Map<FontName, PDFFont>;

  private constructor(doc: PDFDocument, fonts: Map<FontName, PDFFont>) {
    this.doc = doc;
    this.fonts = fonts;
  }

  /** Embeds the four DejaVu faces (subset), and Noto Emoji when `allText` has an emoji. */
  static async create(doc: PDFDocument, allText: string): Promise<Typesetter> {
    const fonts = new Map<FontName, PDFFont>();
    for (const name of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      fonts.set(name, await doc.embedFont(fontBytes(name), { subset: true }));
    }
    const chars = Array.from(allText);
    const needsEmoji = chars.some(
      (c, i) => fontFor('boldItalic', c, chars[i + 1]) === 'emoji' || fontFor('regular', c, chars[i + 1]) === 'emoji',
    );
    // Noto Emoji is embedded whole: pdf-lib's subset of it draws nothing in poppler or PDFium
    // (checked), so only a document that has an emoji pays its 0.9 MB.
    if (needsEmoji) fonts.set('emoji', await doc.embedFont(fontBytes('emoji'), { subset: false }));
    return new Typesetter(doc, fonts);
  }

  font(name: FontName): PDFFont {
    return (this.fonts.get(name) ?? this.fonts.get('regular')) as PDFFont;
  }

  private prepare(inlines: Inline[]): Prepared {
    let text = '';
    const styles: FontStyle[] = [];
    for (const inline of inlines) {
      const t = cleanText(inline.text);
      text += t;
      const style = styleOf(inline);
      for (let i = 0; i < t.length; i++) styles.push(style);
    }
    const fonts: (FontName | 'none')[] = new Array(text.length);
    let i = 0;
    let previous: FontName | 'none' = 'none';
    const chars = Array.from(text);
    for (let c = 0; c < chars.length; c++) {
      const char = chars[c] as string;
      const style = styles[i] as FontStyle;
      let font: FontName | 'none';
      if (IGNORABLE.test(char)) font = 'none';
      else if (JOINER.test(char)) font = previous === 'emoji' ? 'emoji' : 'none';
      else font = fontFor(style, char, chars[c + 1]) ?? 'regular';
      if (font === 'emoji' && !this.fonts.has('emoji')) font = 'regular';
      for (let u = 0; u < char.length; u++) fonts[i + u] = font;
      if (font !== 'none') previous = font;
      i += char.length;
    }
    const levels = bidi.getEmbeddingLevels(text);
    const rtl = ((levels.paragraphs[0]?.level ?? 0) & 1) === 1;
    return { text, fonts, levels, rtl };
  }

  /** Unsupported characters are drawn as U+FFFD (the API refuses them before rendering). */
  private drawable(font: FontName, s: string): string {
    if (font === 'emoji') return s;
    let out = '';
    for (const char of s) out += coverage(font).hasGlyphForCodePoint(char.codePointAt(0) as number) ? char : '\uFFFD';
    return out;
  }

  private width(p: Prepared, start: number, end: number, size: number): number {
    let w = 0;
    let runStart = start;
    for (let i = start; i <= end; i++) {
      if (i === end || p.fonts[i] !== p.fonts[runStart]) {
        const font = p.fonts[runStart];
        if (font && font !== 'none' && i > runStart)
          w += this.font(font).widthOfTextAtSize(this.drawable(font, p.text.slice(runStart, i)), size);
        runStart = i;
      }
    }
    return w;
  }

  private breakLines(p: Prepared, maxWidth: number, size: number): Line[] {
    const lines: Line[] = [];
    const words: { start: number; end: number }[] = [];
    for (const m of p.text.matchAll(/[^ ]+/g)) words.push({ start: m.index, end: m.index + m[0].length });
    let line: Line | undefined;
    for (const word of words) {
      const wordWidth = this.width(p, word.start, word.end, size);
      if (line) {
        // Widths add up across spaces (no shaping or kerning crosses one): a line is never
        // measured again as it grows, which keeps a 10,000-character paragraph linear.
        const joined = line.width + this.width(p, line.end, word.start, size) + wordWidth;
        if (joined <= maxWidth) {
          line.end = word.end;
          line.width = joined;
          continue;
        }
        lines.push(line);
        line = undefined;
      }
      if (wordWidth <= maxWidth) {
        line = { start: word.start, end: word.end, width: wordWidth };
        continue;
      }
      // A word wider than the line: cut it between graphemes, as many as fit per line.
      let pieceStart = word.start;
      let pieceEnd = word.start;
      for (const g of graphemes.segment(p.text.slice(word.start, word.end))) {
        const gEnd = word.start + g.index + g.segment.length;
        if (pieceEnd > pieceStart && this.width(p, pieceStart, gEnd, size) > maxWidth) {
          lines.push({ start: pieceStart, end: pieceEnd, width: this.width(p, pieceStart, pieceEnd, size) });
          pieceStart = pieceEnd;
        }
        pieceEnd = gEnd;
      }
      line = { start: pieceStart, end: pieceEnd, width: this.width(p, pieceStart, pieceEnd, size) };
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Lays `inlines` out in lines of at most `maxWidth` points; draw each with drawLine. */
  layout(inlines: Inline[], maxWidth: number, size: number): { lines: Line[]; prepared: Prepared } {
    const prepared = this.prepare(inlines);
    return { lines: this.breakLines(prepared, maxWidth, size), prepared };
  }

  drawLine(page: PDFPage, p: Prepared, line: Line, x: number, y: number, maxWidth: number, options: TextOptions): void {
    if (line.end <= line.start) return;
    const color = rgb(...(options.color ?? [0.1, 0.1, 0.12]));
    const align = options.align ?? 'start';
    const right = align === 'right' || (align === 'start' && p.rtl);
    let cursor = align === 'center' ? x + (maxWidth - line.width) / 2 : right ? x + maxWidth - line.width : x;
    const order = bidi.getReorderedIndices(p.text, p.levels, line.start, line.end - 1).slice(line.start, line.end);
    const mirrored = bidi.getMirroredCharactersMap(p.text, p.levels.levels, line.start, line.end - 1);
    let k = 0;
    while (k < order.length) {
      const first = order[k] as number;
      const level = p.levels.levels[first] as number;
      const font = p.fonts[first];
      const step = level & 1 ? -1 : 1;
      let j = k + 1;
      while (
        j < order.length &&
        order[j] === (order[j - 1] as number) + step &&
        p.fonts[order[j] as number] === font &&
        p.levels.levels[order[j] as number] === level
      )
        j++;
      const lo = Math.min(first, order[j - 1] as number);
      const hi = Math.max(first, order[j - 1] as number);
      k = j;
      if (!font || font === 'none') continue;
      let s = '';
      for (let i = lo; i <= hi; i++) s += mirrored.get(i) ?? p.text[i];
      s = this.drawable(font, s);
      if (level & 1 && !RTL_SCRIPT.test(s))
        s = Array.from(graphemes.segment(s), (g) => g.segment)
          .reverse()
          .join('');
      const pdfFont = this.font(font);
      page.drawText(s, { x: cursor, y, size: options.size, font: pdfFont, color });
      cursor += pdfFont.widthOfTextAtSize(s, options.size);
    }
  }

  /** The width of `text` on one line, in points. */
  measure(text: string, size: number, style: FontStyle = 'regular'): number {
    const p = this.prepare([
      { text, bold: style === 'bold' || style === 'boldItalic', italic: style === 'italic' || style === 'boldItalic' },
    ]);
    return this.width(p, 0, p.text.length, size);
  }

  /** One line of plain text, cut with an ellipsis to fit `maxWidth`. Returns its width. */
  drawSingleLine(
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    maxWidth: number,
    options: TextOptions & { style?: FontStyle },
  ): number {
    const inline = {
      text,
      bold: options.style === 'bold' || options.style === 'boldItalic',
      italic: options.style === 'italic' || options.style === 'boldItalic',
    };
    const p = this.prepare([inline]);
    let end = p.text.length;
    let width = this.width(p, 0, end, options.size);
    if (width > maxWidth) {
      const ellipsis = this.font('regular').widthOfTextAtSize('…', options.size);
      const cuts = Array.from(graphemes.segment(p.text), (g) => g.index);
      let c = cuts.length - 1;
      while (c > 0 && this.width(p, 0, cuts[c] as number, options.size) + ellipsis > maxWidth) c--;
      end = cuts[c] ?? 0;
      width = this.width(p, 0, end, options.size) + ellipsis;
      const cut: Prepared = this.prepare([{ ...inline, text: `${p.text.slice(0, end)}…` }]);
      this.drawLine(page, cut, { start: 0, end: cut.text.length, width }, x, y, maxWidth, options);
      return width;
    }
    this.drawLine(page, p, { start: 0, end, width }, x, y, maxWidth, options);
    return width;
  }
}
