// The invoice's line table and its totals block. Every figure is printed as the input gives it
// (formatMoney on the stored minor units): the PDF never does arithmetic of its own, so what it
// shows is what the invoice records.
import type { Currency } from '../constants.ts';
import { formatMoney } from '../constants.ts';
import type { InvoicePdfInput } from './input.ts';
import { addLink, type Flow, formatQuantity, formatRate, GREY, INK, MARGIN, type Palette, RIGHT, WIDTH } from './layout.ts';

type Line = InvoicePdfInput['lines'][number];

interface Column {
  title: string;
  width: number;
  cell: (line: Line) => string;
}

const SIZE = 9;
const LEADING = 12.5;
const PAD_Y = 5;
const PAD_X = 6;
const HEAD_HEIGHT = 20;

function columns(flow: Flow, input: InvoicePdfInput): Column[] {
  const money = (n: number) => formatMoney(n, input.currency as Currency);
  const anyDiscount = input.lines.some((l) => l.discount !== 0);
  const specs: Omit<Column, 'width'>[] = [
    { title: 'Qty', cell: (l) => formatQuantity(l.quantity) },
    { title: 'Unit price', cell: (l) => money(l.unitPrice) },
    ...(anyDiscount ? [{ title: 'Discount', cell: (l: Line) => (l.discount ? money(-l.discount) : '–') }] : []),
    { title: 'Tax', cell: (l) => formatRate(l.taxRate) },
    // The net: with a discount column beside it, quantity × price − discount, and the column sums to
    // the totals' net.
    { title: 'Amount', cell: (l) => money(l.net) },
  ];
  // Each figure column is as wide as its widest cell, so the description keeps all the rest.
  return specs.map((spec) => {
    const widest = Math.max(
      flow.type.measure(spec.title.toUpperCase(), 7.5, 'bold'),
      ...input.lines.map((l) => flow.type.measure(spec.cell(l), SIZE)),
    );
    return { ...spec, width: Math.max(38, widest + 2 * PAD_X + 4) };
  });
}

export function lineTable(flow: Flow, input: InvoicePdfInput, colours: Palette): void {
  const cols = columns(flow, input);
  const descriptionWidth = WIDTH - cols.reduce((sum, c) => sum + c.width, 0) - 2 * PAD_X;
  const head = () => {
    flow.fill(MARGIN, flow.y - HEAD_HEIGHT, WIDTH, HEAD_HEIGHT, colours.tint);
    const baseline = flow.y - HEAD_HEIGHT + 7;
    const text = { size: 7.5, color: colours.accentText, style: 'bold' as const };
    flow.type.drawSingleLine(flow.page, 'DESCRIPTION', MARGIN + PAD_X, baseline, descriptionWidth, { ...text, align: 'left' });
    let x = MARGIN + PAD_X + descriptionWidth;
    for (const c of cols) {
      flow.type.drawSingleLine(flow.page, c.title.toUpperCase(), x, baseline, c.width - PAD_X, { ...text, align: 'right' });
      x += c.width;
    }
    flow.y -= HEAD_HEIGHT;
  };
  flow.need(HEAD_HEIGHT + LEADING + 2 * PAD_Y);
  head();
  flow.onNewPage = head;
  for (const line of input.lines) {
    const { lines, prepared } = flow.type.layout([{ text: line.description }], descriptionWidth, SIZE);
    const height = Math.max(1, lines.length) * LEADING + 2 * PAD_Y;
    flow.need(height);
    const top = flow.y;
    const first = top - PAD_Y - LEADING + 3.5;
    lines.forEach((l, i) => {
      flow.type.drawLine(flow.page, prepared, l, MARGIN + PAD_X, first - i * LEADING, descriptionWidth, { size: SIZE, color: INK });
    });
    let x = MARGIN + PAD_X + descriptionWidth;
    for (const c of cols) {
      flow.type.drawSingleLine(flow.page, c.cell(line), x, first, c.width - PAD_X, { size: SIZE, color: INK, align: 'right' });
      x += c.width;
    }
    flow.y = top - height;
    flow.rule(flow.y);
  }
  flow.onNewPage = null;
}

interface TotalRow {
  label: string;
  value: string;
  kind: 'plain' | 'total' | 'due';
}

/** The rows of the totals block, top to bottom: what the test reads back as the printed totals. */
export function totalRows(input: InvoicePdfInput): TotalRow[] {
  const money = (n: number) => formatMoney(n, input.currency as Currency);
  const t = input.totals;
  const rows: TotalRow[] = [{ label: 'Subtotal', value: money(t.subtotal), kind: 'plain' }];
  if (t.discount) {
    rows.push({ label: 'Discount', value: money(-t.discount), kind: 'plain' });
    rows.push({ label: 'Net', value: money(t.net), kind: 'plain' });
  }
  for (const r of t.taxByRate) {
    rows.push({ label: `Tax ${formatRate(r.taxRate)} on ${money(r.net)}`, value: money(r.tax), kind: 'plain' });
  }
  rows.push({ label: 'Total', value: money(t.total), kind: 'total' });
  for (const d of input.deductions) rows.push({ label: d.label, value: money(-d.amount), kind: 'plain' });
  if (input.paid > 0) rows.push({ label: 'Paid', value: money(-input.paid), kind: 'plain' });
  rows.push({ label: 'Amount due', value: money(input.amountDue), kind: 'due' });
  return rows;
}

const BLOCK = 270;
const VALUE = 100;

export function totalsBlock(flow: Flow, input: InvoicePdfInput, colours: Palette): void {
  const rows = totalRows(input);
  const x = RIGHT - BLOCK;
  const labelWidth = BLOCK - VALUE - 2 * PAD_X;
  const laid = rows.map((row) => {
    const size = row.kind === 'due' ? 12 : row.kind === 'total' ? 10.5 : SIZE;
    const { lines, prepared } = flow.type.layout([{ text: row.label, bold: row.kind !== 'plain' }], labelWidth, size);
    const leading = size * 1.4;
    return { row, size, lines, prepared, leading, height: Math.max(1, lines.length) * leading + (row.kind === 'plain' ? 3.5 : 10) };
  });
  const height = laid.reduce((sum, r) => sum + r.height, 0) + 14;
  // Kept on one page when it can be (a block split from its total reads wrong), else row by row.
  if (height < 420) flow.need(height);
  flow.y -= 14;
  for (const r of laid) {
    flow.need(r.height);
    const top = flow.y;
    if (r.row.kind === 'due') flow.fill(x, top - r.height, BLOCK, r.height, colours.accent);
    if (r.row.kind === 'total') flow.rule(top, x, BLOCK, INK, 0.9);
    const color = r.row.kind === 'due' ? colours.onAccent : r.row.kind === 'plain' ? GREY : INK;
    const first = top - (r.height - (r.lines.length - 1) * r.leading) / 2 - r.size * 0.35;
    r.lines.forEach((l, i) => {
      flow.type.drawLine(flow.page, r.prepared, l, x + PAD_X, first - i * r.leading, labelWidth, { size: r.size, color, align: 'left' });
    });
    flow.type.drawSingleLine(flow.page, r.row.value, RIGHT - VALUE - PAD_X, first, VALUE, {
      size: r.size,
      color: r.row.kind === 'plain' ? INK : color,
      align: 'right',
      style: r.row.kind === 'plain' ? 'regular' : 'bold',
    });
    flow.y = top - r.height;
    if (r.row.kind === 'due') payButton(flow, input, colours, top, r.height);
  }
  // Room for the pay address under the button.
  flow.y -= 8;
}

/**
 * A "Pay online" button beside the amount due, the address under it, both one link; only when
 * something is due on an issued invoice. Beside rather than below, so the block costs no height of its own.
 */
function payButton(flow: Flow, input: InvoicePdfInput, colours: Palette, dueTop: number, dueHeight: number): void {
  // A draft is not a request for payment, and nothing more can be paid on a void invoice.
  if (!input.payUrl || input.amountDue <= 0 || input.status === 'void' || input.status === 'draft') return;
  const width = 150;
  const height = dueHeight;
  const y = dueTop - height;
  flow.fill(MARGIN, y, width, height, colours.accent);
  flow.type.drawSingleLine(flow.page, 'Pay online', MARGIN, y + height / 2 - 3.5, width, {
    size: 10.5,
    color: colours.onAccent,
    align: 'center',
    style: 'bold',
  });
  const urlWidth = WIDTH - BLOCK - 20;
  flow.type.drawSingleLine(flow.page, input.payUrl, MARGIN, y - 11, urlWidth, { size: 7.5, color: GREY, align: 'left' });
  addLink(flow.doc, flow.page, [MARGIN, y - 15, MARGIN + urlWidth, dueTop], input.payUrl);
}
