// Page geometry, colours, number formats and the page flow of an invoice PDF. Text is always drawn
// through the releases' Typesetter, so a name in any script (or one no font has) is drawn, never
// parsed, and never throws.
import { degrees, type PDFDocument, type PDFPage, PDFString, rgb } from 'pdf-lib';
import type { Typesetter } from '../../releases/index.ts';
import { QUANTITY_SCALE } from '../constants.ts';

export type Rgb = [number, number, number];

export const PAGE: [number, number] = [595.28, 841.89]; // A4
export const MARGIN = 48;
export const WIDTH = PAGE[0] - 2 * MARGIN;
export const RIGHT = MARGIN + WIDTH;
const BOTTOM = 62;
export const INK: Rgb = [0.1, 0.1, 0.12];
export const GREY: Rgb = [0.42, 0.42, 0.46];
export const RULE: Rgb = [0.86, 0.86, 0.89];
export const VOID_RED: Rgb = [0.72, 0.11, 0.11];

export interface Palette {
  /** The studio's colour for fills and rules. */
  accent: Rgb;
  /** The accent, darkened when needed so text in it stays readable on white. */
  accentText: Rgb;
  /** Text drawn on an accent fill: white on a dark accent, ink on a light one. */
  onAccent: Rgb;
  /** A pale wash of the accent for table heads. */
  tint: Rgb;
}

const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** The studio's accent as colours; a value that is not #rrggbb falls back to a neutral slate. */
export function palette(hex: string): Palette {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  const accent: Rgb = m ? ([m[1], m[2], m[3]].map((h) => Number.parseInt(h as string, 16) / 255) as Rgb) : [0.2, 0.25, 0.33];
  const l = luminance(accent);
  // A pale accent (a studio's yellow) would vanish as text: scale it down to a readable luminance.
  const accentText = (l > 0.45 ? accent.map((c) => c * (0.45 / l)) : accent) as Rgb;
  return {
    accent,
    accentText,
    onAccent: l > 0.6 ? INK : [1, 1, 1],
    tint: accent.map((c) => 1 - (1 - c) * 0.1) as Rgb,
  };
}

/** Thousandths as a decimal without trailing zeros: 1500 → "1.5", 2000 → "2", 1234567 → "1,234.567". */
export function formatQuantity(thousandths: number): string {
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  const whole = Math.floor(abs / QUANTITY_SCALE).toLocaleString('en-GB');
  const fraction = String(abs % QUANTITY_SCALE)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Basis points as a percentage: 2000 → "20%", 1750 → "17.5%", 5 → "0.05%". */
export function formatRate(basisPoints: number): string {
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${Math.floor(basisPoints / 100)}${fraction ? `.${fraction}` : ''}%`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An ISO date as "3 December 2026"; anything else is printed as given rather than refused. */
export function formatDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

export interface FlowOptions {
  /** Drawn big and faint across every page, under the content. */
  watermark: { text: string; color: Rgb } | null;
  /** The small running head of every page after the first. */
  runningHead: string;
}

/** Pages top to bottom; `onNewPage` lets an open table repeat its head on a continuation page. */
export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  onNewPage: (() => void) | null = null;

  readonly doc: PDFDocument;
  readonly type: Typesetter;
  private readonly options: FlowOptions;

  constructor(doc: PDFDocument, type: Typesetter, options: FlowOptions) {
    this.doc = doc;
    this.type = type;
    this.options = options;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.pages.push(this.page);
    this.watermark();
    this.y = PAGE[1] - MARGIN;
    if (this.pages.length > 1) {
      this.type.drawSingleLine(this.page, this.options.runningHead, MARGIN, this.y - 8, WIDTH, { size: 8.5, color: GREY, align: 'left' });
      this.rule(this.y - 16);
      this.y -= 32;
      this.onNewPage?.();
    }
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  need(height: number): void {
    if (!this.page || this.y - height < BOTTOM) this.newPage();
  }

  rule(y: number, x = MARGIN, width = WIDTH, color: Rgb = RULE, thickness = 0.6): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color: rgb(...color) });
  }

  fill(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.page.drawRectangle({ x, y, width, height, color: rgb(...color) });
  }

  /** Wrapped text, a line at a time so a long note flows onto the next page. */
  paragraph(
    text: string,
    size: number,
    options: { color?: Rgb; bold?: boolean; x?: number; width?: number; align?: 'left' | 'right'; leading?: number } = {},
  ): void {
    const x = options.x ?? MARGIN;
    const width = options.width ?? WIDTH;
    const { lines, prepared } = this.type.layout([{ text, bold: options.bold }], width, size);
    const lineHeight = size * (options.leading ?? 1.45);
    for (const line of lines) {
      this.need(lineHeight);
      this.y -= lineHeight;
      this.type.drawLine(this.page, prepared, line, x, this.y + size * 0.3, width, {
        size,
        color: options.color ?? INK,
        align: options.align ?? 'start',
      });
    }
  }

  /** Multi-line text as paragraphs: each line of the source its own, a blank line a gap. */
  paragraphs(text: string, size: number, options: { color?: Rgb } = {}): void {
    for (const part of text.replace(/\r\n?/g, '\n').split('\n')) {
      if (part.trim() === '') this.y -= size * 0.8;
      else this.paragraph(part, size, options);
    }
  }

  private watermark(): void {
    const mark = this.options.watermark;
    if (!mark) return;
    const font = this.type.font('bold');
    const size = 130;
    const width = font.widthOfTextAtSize(mark.text, size);
    const angle = 35;
    const rad = (angle * Math.PI) / 180;
    const capHalf = size * 0.36;
    // Rotated about its start point: step back half the width along the slant (and half the cap
    // height across it) so the word's middle lands on the page's middle.
    const x = PAGE[0] / 2 - (width / 2) * Math.cos(rad) + capHalf * Math.sin(rad);
    const y = PAGE[1] / 2 - (width / 2) * Math.sin(rad) - capHalf * Math.cos(rad);
    this.page.drawText(mark.text, { x, y, size, font, color: rgb(...mark.color), opacity: 0.08, rotate: degrees(angle) });
  }

  /** "Page n of m" and the studio's line on every page, once the count is known. */
  footers(left: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawLine({ start: { x: MARGIN, y: 44 }, end: { x: RIGHT, y: 44 }, thickness: 0.6, color: rgb(...RULE) });
      this.type.drawSingleLine(page, left, MARGIN, 30, WIDTH * 0.7, { size: 8, color: GREY, align: 'left' });
      this.type.drawSingleLine(page, `Page ${i + 1} of ${total}`, MARGIN + WIDTH * 0.7, 30, WIDTH * 0.3, {
        size: 8,
        color: GREY,
        align: 'right',
      });
    });
  }
}

/**
 * A link annotation over a rectangle. Only http(s) addresses become links: a PDF viewer would
 * happily open a javascript: or file: URI, and the address reaches here from stored data.
 */
export function addLink(doc: PDFDocument, page: PDFPage, rect: [number, number, number, number], url: string): boolean {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    href = parsed.href;
  } catch {
    return false;
  }
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect,
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) },
  });
  page.node.addAnnot(doc.context.register(annot));
  return true;
}
