// A release's document as an A4 PDF, with the spots (page rectangles) where each party signs,
// initials and dates: either rendered from a filled template or a studio's own PDF with a
// "Signatures" page appended. Pure: bytes in, bytes out.
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { Block, Inline } from './template.ts';
import { Typesetter } from './typeset.ts';

export { unsupportedCharacters } from './typeset.ts';

export interface Party {
  slot: string;
  name: string;
  email: string;
} // slot '1'..'10' or 'studio'
export interface Spot {
  slot: string;
  mark: 'sign' | 'initials' | 'date';
  page: number /*0-based*/;
  x: number;
  y: number;
  width: number;
  height: number;
} // PDF points, origin bottom-left
export interface RenderedDocument {
  pdf: Uint8Array;
  spots: Spot[];
  pageCount: number;
}

/** Bytes that pdf-lib cannot read as a PDF, or an encrypted PDF (its signature could not be sealed). */
export class PdfUnreadable extends Error {
  constructor(reason: string) {
    super(`The file is not a readable PDF: ${reason}`);
    this.name = 'PdfUnreadable';
  }
}

export const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56;
const TOP = A4[1] - 70;
const BOTTOM = 64;
const WIDTH = A4[0] - 2 * MARGIN_X;
const GREY: [number, number, number] = [0.42, 0.42, 0.46];
const BODY = 10.5;
const HEADING_SIZE = { 1: 17, 2: 14, 3: 12 } as const;

const SPOT_SIZE = { sign: [220, 56], initials: [90, 40], date: [140, 26] } as const;

function partyLabel(parties: Party[], slot: string): string {
  const party = parties.find((p) => p.slot === slot);
  return party ? party.name : slot === 'studio' ? 'For the studio' : `Signer ${slot}`;
}

/** Pages with the studio's name and the title in the header; footers are written at the end. */
export class PageFlow {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  readonly doc: PDFDocument;
  readonly type: Typesetter;
  readonly header: { title: string; studioName: string };
  readonly firstIndex: number;

  constructor(doc: PDFDocument, type: Typesetter, header: { title: string; studioName: string }, firstIndex = 0) {
    this.doc = doc;
    this.type = type;
    this.header = header;
    this.firstIndex = firstIndex;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    const y = A4[1] - 36;
    const half = WIDTH / 2 - 8;
    this.type.drawSingleLine(this.page, this.header.studioName, MARGIN_X, y, half, {
      size: 8.5,
      color: GREY,
      align: 'left',
      style: 'bold',
    });
    this.type.drawSingleLine(this.page, this.header.title, MARGIN_X + WIDTH / 2 + 8, y, half, { size: 8.5, color: GREY, align: 'right' });
    this.page.drawLine({
      start: { x: MARGIN_X, y: y - 8 },
      end: { x: MARGIN_X + WIDTH, y: y - 8 },
      thickness: 0.5,
      color: rgb(0.85, 0.85, 0.88),
    });
    this.y = TOP;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  need(height: number): void {
    if (!this.page || this.y - height < BOTTOM) this.newPage();
  }

  get pageIndex(): number {
    return this.firstIndex + this.pages.length - 1;
  }

  text(inlines: Inline[], size: number, options: { indent?: number; gapAfter?: number; prefix?: string } = {}): void {
    const indent = options.indent ?? 0;
    const { lines, prepared } = this.type.layout(inlines, WIDTH - indent, size);
    const lineHeight = size * 1.45;
    lines.forEach((line, i) => {
      this.need(lineHeight);
      this.y -= lineHeight;
      if (i === 0 && options.prefix) {
        this.type.drawSingleLine(this.page, options.prefix, MARGIN_X + indent - 16, this.y + size * 0.3, 16, { size, align: 'left' });
      }
      this.type.drawLine(this.page, prepared, line, MARGIN_X + indent, this.y + size * 0.3, WIDTH - indent, { size });
    });
    this.y -= options.gapAfter ?? 0;
  }

  /** A box to sign, initial or date in, with a line and a caption under it. */
  spot(mark: Spot['mark'], slot: string, caption: string, x = MARGIN_X): Spot {
    const [width, height] = SPOT_SIZE[mark];
    const captionHeight = 26;
    this.need(height + captionHeight);
    const y = this.y - height;
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.8, color: rgb(0.2, 0.2, 0.25) });
    this.type.drawSingleLine(this.page, caption, x, y - 11, width, { size: 8, color: GREY, align: 'left' });
    return { slot, mark, page: this.pageIndex, x, y, width, height };
  }

  /** "Page n of m" on every page of the flow, once the count is known. */
  footers(total: number, offset = 0): void {
    this.pages.forEach((page, i) => {
      const label = `Page ${offset + i + 1} of ${total}`;
      this.type.drawSingleLine(page, label, MARGIN_X, 34, WIDTH, { size: 8, color: GREY, align: 'center' });
    });
  }
}

function allText(parts: string[], blocks: Block[]): string {
  const texts = [...parts];
  for (const block of blocks) {
    if (block.kind === 'list') for (const item of block.items) texts.push(...item.map((i) => i.text));
    else if (block.kind !== 'mark') texts.push(...block.inlines.map((i) => i.text));
  }
  return texts.join('\n');
}

/** The appended section: one block per party (sign spot, name and email, date spot). */
function signatureSection(flow: PageFlow, parties: Party[], spots: Spot[]): void {
  flow.newPage();
  flow.text([{ text: 'Signatures', bold: true }], HEADING_SIZE[1], { gapAfter: 14 });
  for (const party of parties) {
    flow.need(SPOT_SIZE.sign[1] + 60);
    const sign = flow.spot('sign', party.slot, party.name);
    flow.type.drawSingleLine(flow.page, party.email, MARGIN_X, sign.y - 22, SPOT_SIZE.sign[0], { size: 8, color: GREY, align: 'left' });
    const dateX = MARGIN_X + WIDTH - SPOT_SIZE.date[0];
    const [dw] = SPOT_SIZE.date;
    const date: Spot = { slot: party.slot, mark: 'date', page: flow.pageIndex, x: dateX, y: sign.y, width: dw, height: SPOT_SIZE.date[1] };
    flow.page.drawLine({ start: { x: dateX, y: sign.y }, end: { x: dateX + dw, y: sign.y }, thickness: 0.8, color: rgb(0.2, 0.2, 0.25) });
    flow.type.drawSingleLine(flow.page, 'Date', dateX, sign.y - 11, dw, { size: 8, color: GREY, align: 'left' });
    spots.push(sign, date);
    flow.y = sign.y - 50;
  }
}

async function finish(doc: PDFDocument, title: string, studioName: string): Promise<Uint8Array> {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(studioName);
  doc.setProducer('Portico');
  doc.setCreator('Portico');
  return doc.save({ useObjectStreams: false });
}

export async function renderTemplate(input: {
  title: string;
  studioName: string;
  blocks: Block[];
  parties: Party[];
}): Promise<RenderedDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit((await import('@pdf-lib/fontkit')).default);
  const partyText = input.parties.flatMap((p) => [p.name, p.email]);
  const type = await Typesetter.create(doc, allText([input.title, input.studioName, ...partyText], input.blocks));
  const flow = new PageFlow(doc, type, input);
  const spots: Spot[] = [];
  flow.newPage();
  flow.text([{ text: input.title, bold: true }], 20, { gapAfter: 12 });
  for (const block of input.blocks) {
    switch (block.kind) {
      case 'heading':
        flow.need(HEADING_SIZE[block.level] * 4);
        flow.y -= 6;
        flow.text(
          block.inlines.map((i) => ({ ...i, bold: true })),
          HEADING_SIZE[block.level],
          { gapAfter: 4 },
        );
        break;
      case 'paragraph':
        flow.text(block.inlines, BODY, { gapAfter: 7 });
        break;
      case 'list':
        block.items.forEach((item, i) => {
          flow.text(item, BODY, { indent: 18, prefix: block.ordered ? `${i + 1}.` : '•', gapAfter: 2 });
        });
        flow.y -= 5;
        break;
      case 'mark': {
        flow.y -= 8;
        const label = block.mark === 'sign' ? 'Signature' : block.mark === 'initials' ? 'Initials' : 'Date';
        const spot = flow.spot(block.mark, block.slot, `${label}: ${partyLabel(input.parties, block.slot)}`);
        spots.push(spot);
        flow.y = spot.y - 30;
        break;
      }
    }
  }
  const signed = new Set(spots.filter((s) => s.mark === 'sign').map((s) => s.slot));
  const unsigned = input.parties.filter((p) => !signed.has(p.slot));
  if (unsigned.length) signatureSection(flow, unsigned, spots);
  flow.footers(flow.pages.length);
  return { pdf: await finish(doc, input.title, input.studioName), spots, pageCount: doc.getPageCount() };
}

/** Loads a PDF someone else wrote, refusing what cannot be read or sealed. */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch (error) {
    throw new PdfUnreadable(error instanceof Error ? error.message : String(error));
  }
  if (doc.isEncrypted) throw new PdfUnreadable('it is encrypted');
  if (doc.getPageCount() === 0) throw new PdfUnreadable('it has no pages');
  return doc;
}

export async function appendSignaturePage(input: {
  pdf: Uint8Array;
  title: string;
  studioName: string;
  parties: Party[];
}): Promise<RenderedDocument> {
  const doc = await loadPdf(input.pdf);
  doc.registerFontkit((await import('@pdf-lib/fontkit')).default);
  const partyText = input.parties.flatMap((p) => [p.name, p.email]);
  const type = await Typesetter.create(doc, [input.title, input.studioName, ...partyText].join('\n'));
  const before = doc.getPageCount();
  const flow = new PageFlow(doc, type, input, before);
  const spots: Spot[] = [];
  signatureSection(flow, input.parties, spots);
  const total = doc.getPageCount();
  flow.footers(total, before);
  return { pdf: await finish(doc, input.title, input.studioName), spots, pageCount: total };
}
