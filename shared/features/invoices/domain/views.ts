// What the API answers about an invoice: the studio's summary and detail, the client's view.
import { today } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { InvoiceRecord, InvoicingSettingsRecord, PaymentRecord } from '../records.ts';
import type { ClientInvoice, InvoiceDetail, InvoiceSummary, PaymentView } from '../schemas.ts';
import { amountsOf } from './documents.ts';
import { checkoutMessage, dueNow, payability, statusOf } from './rules.ts';

export function invoiceSummary(r: InvoiceRecord, now = today()): InvoiceSummary {
  return {
    invoiceId: r.invoiceId,
    number: r.number,
    kind: r.kind,
    status: statusOf(r, now),
    currency: r.currency,
    client: { clientId: r.client.clientId, name: r.client.name },
    project: r.project ? { projectId: r.project.projectId, title: r.project.title } : null,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    total: r.total,
    paid: r.paid,
    // What is left to pay: the total, less deductions, less what was received.
    amountDue: dueNow(r),
    processing: r.processing > 0,
    sentAt: r.sentAt,
    paidAt: r.paidAt,
  };
}

const paymentView = (p: PaymentRecord): PaymentView => ({
  paymentId: p.paymentId,
  method: p.method,
  state: p.state,
  amount: p.amount,
  refunded: p.refunded,
  receivedAt: p.receivedAt,
  reference: p.reference,
});

function documentView(r: InvoiceRecord, payments: PaymentRecord[]) {
  const a = amountsOf(r);
  return {
    lines: a.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      subtotal: l.subtotal,
      discount: l.discount,
      net: l.net,
      tax: l.tax,
      total: l.total,
    })),
    totals: {
      subtotal: a.totals.subtotal,
      discount: a.totals.discount,
      net: a.totals.net,
      tax: a.totals.tax,
      taxByRate: a.totals.taxByRate,
      total: a.totals.total,
    },
    deductions: a.deductions.filter((d) => d.applied > 0).map((d) => ({ label: d.label, amount: d.applied })),
    notes: r.notes,
    terms: r.terms,
    voidReason: r.voidReason,
    unlocks: r.unlocks,
    payments: payments.sort((x, y) => x.receivedAt.localeCompare(y.receivedAt)).map(paymentView),
  };
}

export function invoiceDetail(r: InvoiceRecord, payments: PaymentRecord[]): InvoiceDetail {
  return {
    ...invoiceSummary(r),
    ...documentView(r, payments),
    portion: r.portion,
    reminders: { sent: r.reminders.sent, lastAt: r.reminders.lastOn },
  };
}

export function clientInvoice(
  studio: Studio,
  invoicing: InvoicingSettingsRecord,
  r: InvoiceRecord,
  payments: PaymentRecord[],
  stripeConnected: boolean,
): ClientInvoice {
  return {
    ...invoiceSummary(r),
    ...documentView(r, payments),
    studio: {
      name: studio.name,
      legalName: invoicing.legalName,
      address: invoicing.address,
      email: invoicing.email,
      taxIds: invoicing.taxIds,
    },
    payable: payability(r, stripeConnected) === null,
    checkout: r.checkout ? { outcome: r.checkout.outcome, message: checkoutMessage(r.checkout.outcome) } : null,
  };
}
