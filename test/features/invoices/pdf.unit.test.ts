// The invoice PDF read back by poppler (an independent reader): what a client sees printed must be
// the invoice's own figures, every line, the marks of a draft or a void invoice, and the pay link.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type Currency, formatMoney } from '../../../shared/features/invoices/constants.ts';
import { formatQuantity, formatRate } from '../../../shared/features/invoices/pdf/layout.ts';
import { type InvoicePdfInput, renderInvoicePdf } from '../../../shared/features/invoices/pdf/render.ts';
import { sampleInvoice } from '../../support/invoice-samples.ts';
import { pdfPages, pdftotext } from '../../support/poppler.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const money = (input: InvoicePdfInput, n: number) => formatMoney(n, input.currency as Currency);

/** "£1,234.56" / "-£500.00" back to minor units (two-decimal currencies). */
function minor(printed: string): number {
  const digits = printed.replace(/[^\d-]/g, '');
  return Number(digits);
}

/** The URIs of every link annotation, page by page. */
async function links(pdf: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return [];
    return annots.asArray().flatMap((ref) => {
      const annot = doc.context.lookup(ref, PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return [];
      const action = annot.lookup(PDFName.of('A'), PDFDict);
      return [action.lookup(PDFName.of('URI'), PDFString).decodeText()];
    });
  });
}

describe('renderInvoicePdf', () => {
  it('prints the number, the parties, the dates and every line with its figures', async () => {
    const input = sampleInvoice();
    const pdf = await renderInvoicePdf(input);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const plain = squash(await pdftotext(pdf));
    const layout = await pdftotext(pdf, { layout: true });
    for (const s of ['Final invoice', 'INV-0042', 'Studio North Photography Ltd', 'VAT GB 123 4567 89', 'Bill to'.toUpperCase()]) {
      expect(plain).toContain(s);
    }
    expect(plain).toContain('Ana Lima');
    expect(plain).toContain('ana.lima@example.com');
    expect(plain).toContain('Spring lookbook 2027');
    expect(plain).toContain('3 December 2026');
    expect(plain).toContain('2 January 2027');
    for (const line of input.lines) {
      // A wrapped description comes back with a line break where it wrapped.
      expect(plain).toContain(line.description);
      const cells = [formatQuantity(line.quantity), money(input, line.unitPrice)];
      if (input.lines.some((l) => l.discount)) cells.push(line.discount ? money(input, -line.discount) : '–');
      cells.push(formatRate(line.taxRate), money(input, line.net));
      const row = new RegExp(`^\\s*${reEscape(line.description.slice(0, 18))}.*${cells.map(reEscape).join('\\s+')}\\s*$`, 'm');
      expect(layout).toMatch(row);
    }
    expect(plain).toContain('Thank you for working with us on the lookbook.');
    expect(plain).toContain('The final gallery stays online for 90 days after payment.');
    expect(plain).toContain('Late payments may incur interest');
    expect(plain).not.toContain('DRAFT');
    expect(plain).not.toContain('VOID');
  });

  it('prints totals, tax per rate, deductions, paid and the amount due equal to the input', async () => {
    const input = sampleInvoice();
    const layout = await pdftotext(await renderInvoicePdf(input), { layout: true });
    const printed = (label: string) => {
      const m = new RegExp(`(?:^|\\s{2})\\s*${reEscape(label)}\\s{2,}(-?£[\\d,]+\\.\\d\\d)\\s*$`, 'm').exec(layout);
      expect(m, `a "${label}" row`).not.toBeNull();
      return minor(m![1]!);
    };
    expect(printed('Subtotal')).toBe(input.totals.subtotal);
    expect(printed('Discount')).toBe(-input.totals.discount);
    expect(printed('Net')).toBe(input.totals.net);
    for (const r of input.totals.taxByRate) expect(printed(`Tax ${formatRate(r.taxRate)} on ${money(input, r.net)}`)).toBe(r.tax);
    expect(printed('Total')).toBe(input.totals.total);
    expect(printed('Less: Deposit paid (INV-0001)')).toBe(-input.deductions[0]!.amount);
    expect(printed('Paid')).toBe(-input.paid);
    expect(printed('Amount due')).toBe(input.amountDue);
    // And the amount due is what the total leaves after what is printed under it.
    expect(input.totals.total - input.deductions[0]!.amount - input.paid).toBe(input.amountDue);
  });

  it('marks a draft as DRAFT, and offers no pay link on it', async () => {
    const pdf = await renderInvoicePdf(sampleInvoice({ status: 'draft' }));
    const text = await pdftotext(pdf);
    expect(text).toContain('DRAFT');
    expect(squash(text)).toContain('not a request for payment');
    expect((await links(pdf)).flat()).toEqual([]);
  });

  it('marks a void invoice VOID with its reason, and offers no pay link', async () => {
    const pdf = await renderInvoicePdf(sampleInvoice({ status: 'void', voidReason: 'Issued to the wrong client.' }));
    const text = squash(await pdftotext(pdf));
    expect(text).toContain('VOID');
    expect(text).toContain('Reason: Issued to the wrong client.');
    expect((await links(pdf)).flat()).toEqual([]);
  });

  it('paginates 60 lines with the table head repeated and "Page n of m" on every page', async () => {
    const input = sampleInvoice({ lineCount: 60 });
    const pdf = await renderInvoicePdf(input);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const withLines = pages.filter((p) => /^\d+\. /m.test(p));
    for (const page of withLines) expect(page).toContain('DESCRIPTION');
    expect(withLines.length).toBeGreaterThan(1);
    const all = squash(pages.join('\n'));
    for (const line of input.lines) expect(all).toContain(line.description);
    expect(all).toContain(`Amount due ${money(input, input.amountDue)}`);
  });

  it('draws text in other scripts, and characters no font has, without throwing', async () => {
    const name = 'Zoë Åström — 東京';
    const input = sampleInvoice({
      client: { name, email: 'zoe@example.com' },
      project: 'Ελληνικά · Кириллица · עברית · العربية 📸',
      notes: '\u0000control\u0007 characters, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🎞️ emoji',
    });
    input.lines[0]!.description = `Séance photo à Paris, 東京 und Ünïcödé ${'x'.repeat(300)}`;
    const text = squash(await pdftotext(await renderInvoicePdf(input)));
    expect(text).toContain('Zoë Åström —');
    expect(text).toContain('Séance photo à Paris');
    expect(text).toContain('Ελληνικά · Кириллица');
  });

  it('links "Pay online" to the pay address when something is due', async () => {
    const url = 'https://portal.studionorth.example/pay/inv_0042';
    const pdf = await renderInvoicePdf(sampleInvoice({ payUrl: url }));
    expect((await links(pdf))[0]).toEqual([url]);
    expect(await pdftotext(pdf)).toContain('Pay online');

    const paid = sampleInvoice({ payUrl: url, status: 'paid' });
    const settled = await renderInvoicePdf({ ...paid, paid: paid.paid + paid.amountDue, amountDue: 0 });
    expect((await links(settled)).flat()).toEqual([]);
    expect(await pdftotext(settled)).not.toContain('Pay online');

    // An address that is not http(s) is printed but never made a link.
    const sneaky = await renderInvoicePdf(sampleInvoice({ payUrl: 'javascript:alert(1)' }));
    expect((await links(sneaky)).flat()).toEqual([]);
  });

  it('draws the studio logo, and leaves out one that cannot be decoded', async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 120, height: 40, channels: 3, background: '#1f6f78' } })
        .png()
        .toBuffer(),
    );
    const studio = sampleInvoice().studio;
    const withLogo = await renderInvoicePdf(sampleInvoice({ studio: { ...studio, logo: { bytes: png, type: 'png' } } }));
    const doc = await PDFDocument.load(withLogo);
    const xObjects = doc.getPages()[0]!.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    expect(xObjects?.keys().length).toBe(1);
    const broken = { bytes: new Uint8Array([1, 2, 3]), type: 'jpeg' as const };
    const text = await pdftotext(await renderInvoicePdf(sampleInvoice({ studio: { ...studio, logo: broken } })));
    expect(text).toContain('INV-0042');
  });

  it('formats quantities and rates', () => {
    expect([1500, 1000, 250, 1, 1_234_567].map(formatQuantity)).toEqual(['1.5', '1', '0.25', '0.001', '1,234.567']);
    expect([2000, 1750, 5, 0, 10_000].map(formatRate)).toEqual(['20%', '17.5%', '0.05%', '0%', '100%']);
  });
});
