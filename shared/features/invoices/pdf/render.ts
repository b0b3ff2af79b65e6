// An invoice as an A4 PDF: the studio's branded header, who it is billed to, the lines (paginated,
// the table head repeated), the totals down to the amount due, notes and terms. Pure: input in,
// bytes out. Text goes through the releases' Typesetter (embedded DejaVu, per-character fallback),
// so names in any script are drawn, and a character no font has is drawn as U+FFFD, not thrown on.
import fontkit from '@pdf-lib/fontkit';
import { type PDFDocument as Doc, PDFDocument, type PDFImage, rgb } from 'pdf-lib';
import { Typesetter } from '../../releases/index.ts';
import type { InvoicePdfInput } from './input.ts';
import { Flow, formatDate, GREY, INK, MARGIN, PAGE, type Palette, palette, type Rgb, RIGHT, VOID_RED, WIDTH } from './layout.ts';
import { lineTable, totalsBlock } from './table.ts';

export type { InvoicePdfInput } from './input.ts';

const STATUS_BADGE: Record<InvoicePdfInput['status'], { label: string; color: Rgb } | null> = {
  draft: { label: 'DRAFT', color: GREY },
  sent: null,
  partially_paid: { label: 'PARTIALLY PAID', color: [0.7, 0.45, 0.05] },
  paid: { label: 'PAID', color: [0.1, 0.5, 0.25] },
  overdue: { label: 'OVERDUE', color: VOID_RED },
  void: { label: 'VOID', color: VOID_RED },
};

/** A logo pdf-lib cannot decode is left out: the invoice matters more than its decoration. */
async function embedLogo(doc: Doc, logo: InvoicePdfInput['studio']['logo']): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    return logo.type === 'png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    return null;
  }
}

function header(flow: Flow, input: InvoicePdfInput, colours: Palette, logo: PDFImage | null): void {
  flow.fill(0, PAGE[1] - 6, PAGE[0], 6, colours.accent);
  const top = flow.y;
  const leftWidth = WIDTH * 0.58;
  if (logo) {
    const scale = Math.min(150 / logo.width, 50 / logo.height, 1);
    const [w, h] = [logo.width * scale, logo.height * scale];
    flow.page.drawImage(logo, { x: MARGIN, y: top - h, width: w, height: h });
    flow.y = top - h - 8;
  }
  const left = { x: MARGIN, width: leftWidth };
  flow.paragraph(input.studio.name, 15, { ...left, bold: true, leading: 1.3 });
  const small = { ...left, color: GREY, leading: 1.4 };
  if (input.studio.legalName && input.studio.legalName !== input.studio.name) flow.paragraph(input.studio.legalName, 8.5, small);
  for (const part of input.studio.address.split(/\r?\n/)) if (part.trim()) flow.paragraph(part, 8.5, small);
  if (input.studio.email) flow.paragraph(input.studio.email, 8.5, small);
  for (const id of input.studio.taxIds) flow.paragraph(`${id.label} ${id.value}`, 8.5, small);
  const leftBottom = flow.y;

  flow.y = top;
  const right = { x: MARGIN + leftWidth + 16, width: WIDTH - leftWidth - 16, align: 'right' as const };
  flow.paragraph(input.title, 22, { ...right, bold: true, color: colours.accentText, leading: 1.2 });
  flow.paragraph(input.number, 11, { ...right, bold: true, color: INK });
  const badge = STATUS_BADGE[input.status];
  if (badge) {
    const width = flow.type.measure(badge.label, 8.5, 'bold') + 16;
    const y = flow.y - 24;
    flow.page.drawRectangle({ x: RIGHT - width, y, width, height: 17, borderColor: rgb(...badge.color), borderWidth: 1.2 });
    flow.type.drawSingleLine(flow.page, badge.label, RIGHT - width, y + 5.5, width, {
      size: 8.5,
      color: badge.color,
      style: 'bold',
      align: 'center',
    });
    flow.y = y;
  }
  flow.y = Math.min(leftBottom, flow.y) - 16;
  flow.rule(flow.y, MARGIN, WIDTH, colours.accent, 1.2);
  flow.y -= 14;
}

/** A framed notice under the header: why a void invoice is void, or that a draft asks for nothing. */
function banner(flow: Flow, title: string, body: string[], color: Rgb): void {
  const width = WIDTH - 24;
  const laid = body.map((text) => flow.type.layout([{ text }], width, 9));
  const lineCount = laid.reduce((n, l) => n + l.lines.length, 0);
  const height = 16 + 14 + lineCount * 13 + 6;
  flow.need(height);
  const y = flow.y - height;
  flow.page.drawRectangle({
    x: MARGIN,
    y,
    width: WIDTH,
    height,
    color: rgb(...(color.map((c) => 1 - (1 - c) * 0.07) as Rgb)),
    borderColor: rgb(...color),
    borderWidth: 1,
  });
  let baseline = flow.y - 22;
  flow.type.drawSingleLine(flow.page, title, MARGIN + 12, baseline, width, { size: 11, color, style: 'bold', align: 'left' });
  for (const { lines, prepared } of laid) {
    for (const line of lines) {
      baseline -= 13;
      flow.type.drawLine(flow.page, prepared, line, MARGIN + 12, baseline, width, { size: 9, color: INK, align: 'left' });
    }
  }
  flow.y = y - 16;
}

/** Bill to on the left; number, dates and project on the right. */
function parties(flow: Flow, input: InvoicePdfInput, colours: Palette): void {
  const top = flow.y;
  const leftWidth = WIDTH * 0.5;
  flow.paragraph('BILL TO', 7.5, { width: leftWidth, bold: true, color: colours.accentText });
  flow.paragraph(input.client.name, 11, { width: leftWidth, bold: true });
  if (input.client.email) flow.paragraph(input.client.email, 9, { width: leftWidth, color: GREY });
  const leftBottom = flow.y;

  flow.y = top;
  const x = MARGIN + leftWidth + 24;
  const keyWidth = 80;
  const valueWidth = RIGHT - x - keyWidth;
  const rows: [string, string][] = [
    ['Invoice number', input.number],
    ['Issue date', formatDate(input.issueDate)],
    ['Due date', formatDate(input.dueDate)],
  ];
  if (input.project) rows.push(['Project', input.project]);
  for (const [key, value] of rows) {
    const before = flow.y;
    flow.paragraph(key, 8.5, { x, width: keyWidth, color: GREY });
    const keyBottom = flow.y;
    flow.y = before;
    flow.paragraph(value, 9, { x: x + keyWidth, width: valueWidth, align: 'right', bold: key === 'Due date' });
    flow.y = Math.min(keyBottom, flow.y) - 2;
  }
  flow.y = Math.min(leftBottom, flow.y) - 22;
}

function section(flow: Flow, heading: string, text: string, colours: Palette): void {
  if (!text.trim()) return;
  flow.need(50);
  flow.y -= 18;
  flow.paragraph(heading.toUpperCase(), 7.5, { bold: true, color: colours.accentText });
  flow.y -= 2;
  flow.paragraphs(text, 9, { color: INK });
}

function allText(input: InvoicePdfInput): string {
  const { studio } = input;
  return [
    studio.name,
    studio.legalName,
    studio.address,
    studio.email,
    ...studio.taxIds.flatMap((t) => [t.label, t.value]),
    input.title,
    input.number,
    input.client.name,
    input.client.email,
    input.project ?? '',
    ...input.lines.map((l) => l.description),
    ...input.deductions.map((d) => d.label),
    input.notes,
    input.terms,
    input.voidReason ?? '',
  ].join('\n');
}

export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const type = await Typesetter.create(doc, allText(input));
  const colours = palette(input.studio.accent);
  const isVoid = input.status === 'void';
  const flow = new Flow(doc, type, {
    watermark: isVoid ? { text: 'VOID', color: VOID_RED } : input.status === 'draft' ? { text: 'DRAFT', color: GREY } : null,
    runningHead: `${input.studio.name} · ${input.title} ${input.number} (continued)`,
  });
  flow.newPage();
  header(flow, input, colours, await embedLogo(doc, input.studio.logo));
  if (isVoid) {
    const reason = input.voidReason?.trim() ? `Reason: ${input.voidReason.trim()}` : 'No reason was given.';
    banner(flow, 'VOID', ['This invoice has been voided: nothing is to be paid on it.', reason], VOID_RED);
  } else if (input.status === 'draft') {
    banner(flow, 'DRAFT', ['This invoice is a draft. It has not been issued and is not a request for payment.'], GREY);
  }
  parties(flow, input, colours);
  lineTable(flow, input, colours);
  totalsBlock(flow, input, colours);
  section(flow, 'Notes', input.notes, colours);
  section(flow, 'Terms', input.terms, colours);
  const who = [input.studio.legalName || input.studio.name, input.studio.email].filter(Boolean).join(' · ');
  flow.footers(`${input.number} · ${who}`);

  doc.setTitle(`${input.title} ${input.number}`, { showInWindowTitleBar: true });
  doc.setAuthor(input.studio.name);
  doc.setSubject(`${input.title} ${input.number} for ${input.client.name}`);
  doc.setProducer('Portico');
  doc.setCreator('Portico');
  return doc.save();
}
