// The studio's acts on an invoice: send (it is fixed from then on, its PDF made and mailed), void
// (with a reason; it stays), and the galleries and deliverables it unlocks once paid.
import { conflict } from '../../../errors.ts';
import { getProject } from '../../projects/index.ts';
import type { Studio } from '../../studios/index.ts';
import { clientPointerPut, openInvoiceDelete, openInvoicePut, pdfLink, storeDraftPdf, storePdf } from '../data.ts';
import type { InvoiceRecord } from '../records.ts';
import type { Unlocks } from '../schemas.ts';
import { changeInvoice } from './create.ts';
import { projectDeductions, withAmounts } from './documents.ts';
import { mailInvoice, pdfName } from './emails.ts';
import { invoicePdf } from './pdf.ts';
import { assertDraft, assertVoidable, dueNow, settledStatus } from './rules.ts';
import { gateWrites, NO_UNLOCKS, resolveUnlocks } from './unlocks.ts';

/** Who sees a sent invoice in their portal: the client billed and the project's contacts. */
async function viewersOf(r: InvoiceRecord): Promise<string[]> {
  const project = r.project ? await getProject(r.studioId, r.project.projectId) : null;
  return [...new Set([r.client.clientId, ...(project?.contactIds ?? [])])];
}

export async function sendInvoice(studio: Studio, invoiceId: string): Promise<InvoiceRecord> {
  let pdf: Uint8Array = new Uint8Array();
  const sent = await changeInvoice(studio, invoiceId, async (r) => {
    assertDraft(r);
    // A final invoice's deductions are what was paid when it is sent: from then on it is a fixed document.
    const deductions = r.kind === 'final' && r.project ? await projectDeductions(r.project.projectId, r.invoiceId) : r.deductions;
    const priced = withAmounts({ ...r, deductions });
    const next: InvoiceRecord = { ...priced, status: 'sent', sentAt: new Date().toISOString(), pdfStored: true };
    next.status = settledStatus(next);
    if (next.status === 'paid') next.paidAt = next.sentAt;
    pdf = await invoicePdf(studio, next);
    await storePdf(next, pdf);
    const viewers = await viewersOf(next);
    return {
      next,
      extras: [
        ...viewers.map((clientId) => clientPointerPut({ invoiceId: r.invoiceId, studioId: r.studioId, clientId }, r.issueDate)),
        ...(dueNow(next) > 0 ? [openInvoicePut(next)] : []),
      ],
    };
  });
  await mailInvoice(studio, sent, pdf);
  return sent;
}

export function voidInvoice(studio: Studio, invoiceId: string, reason: string): Promise<InvoiceRecord> {
  return changeInvoice(studio, invoiceId, async (r) => {
    assertVoidable(r);
    const next: InvoiceRecord = { ...r, status: 'void', voidReason: reason };
    // A void invoice holds nothing back: its gates go (the record keeps what it listed).
    return { next, extras: [...gateWrites(r, r.unlocks, NO_UNLOCKS), ...(r.status !== 'draft' ? [openInvoiceDelete(r)] : [])] };
  });
}

export function setUnlocks(studio: Studio, invoiceId: string, body: Unlocks): Promise<InvoiceRecord> {
  return changeInvoice(studio, invoiceId, async (r) => {
    if (r.status === 'void') throw conflict('invoice_void', `${r.number} is void: it unlocks nothing.`);
    const unlocks = await resolveUnlocks(studio, r, body);
    return { next: { ...r, unlocks }, extras: gateWrites(r, r.unlocks, unlocks) };
  });
}

/** The invoice's PDF: the one mailed, for a sent invoice; a fresh one marked draft for a draft. */
export async function invoicePdfLink(studio: Studio, r: InvoiceRecord): Promise<{ url: string; fileName: string }> {
  const fileName = pdfName(r);
  if (r.pdfStored) return { url: await pdfLink(r, fileName), fileName };
  return { url: await storeDraftPdf(r, await invoicePdf(studio, r), fileName), fileName };
}
