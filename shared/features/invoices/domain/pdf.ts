// The invoice as a PDF: what the renderer (../pdf/render.ts) is given, from the record and the
// studio's invoicing details. A sent invoice's PDF is made once, at sending, and kept; a draft's is
// made whenever asked for, marked draft.
import { today } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import { INVOICE_KIND_NAMES } from '../constants.ts';
import { type InvoicePdfInput, renderInvoicePdf } from '../pdf/render.ts';
import type { InvoiceRecord } from '../records.ts';
import { amountsOf } from './documents.ts';
import { payUrl } from './emails.ts';
import { dueNow, statusOf } from './rules.ts';
import { invoicingOf } from './settings.ts';

export async function pdfInputOf(studio: Studio, r: InvoiceRecord): Promise<InvoicePdfInput> {
  const invoicing = await invoicingOf(studio);
  const a = amountsOf(r);
  return {
    studio: {
      name: studio.name,
      legalName: invoicing.legalName,
      address: invoicing.address,
      email: invoicing.email,
      taxIds: invoicing.taxIds,
      accent: studio.accentColor,
      logo: null,
    },
    title: INVOICE_KIND_NAMES[r.kind],
    number: r.number,
    status: statusOf(r, today()),
    client: { name: r.client.name, email: r.client.email },
    project: r.project?.title ?? null,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    currency: r.currency,
    lines: a.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      discount: l.discount,
      net: l.net,
      tax: l.tax,
      total: l.total,
    })),
    totals: a.totals,
    deductions: a.deductions.filter((d) => d.applied > 0).map((d) => ({ label: d.label, amount: d.applied })),
    paid: r.paid,
    amountDue: dueNow(r),
    notes: r.notes,
    terms: r.terms,
    voidReason: r.voidReason,
    payUrl: r.status === 'draft' || r.status === 'void' ? null : payUrl(studio, r),
  };
}

export async function invoicePdf(studio: Studio, r: InvoiceRecord): Promise<Uint8Array> {
  return renderInvoicePdf(await pdfInputOf(studio, r));
}
