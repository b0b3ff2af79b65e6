// The studio's Billing: invoices by status with totals, what is outstanding and overdue, payments
// received by month, the list (filtered), and the CSV for the accountant.
import { csvRows } from '../../../csv.ts';
import type { PageRequest } from '../../../paging.ts';
import { today } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import { CURRENCY_EXPONENTS, type Currency, INVOICE_KIND_NAMES, INVOICE_STATUS_NAMES, INVOICE_STATUSES } from '../constants.ts';
import { allStudioInvoices, listStudioInvoices, paymentsBetween } from '../data.ts';
import type { InvoiceRecord } from '../records.ts';
import type { BillingOverview, InvoiceListQuery, InvoiceSummary } from '../schemas.ts';
import { amountsOf } from './documents.ts';
import { dueNow, statusOf } from './rules.ts';
import { invoiceSummary } from './views.ts';

/** The last 12 months, oldest first, as YYYY-MM. */
function lastMonths(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

export async function billingOverview(studio: Studio, now = new Date()): Promise<BillingOverview> {
  const months = lastMonths(now);
  const day = today(now);
  const [invoices, payments] = await Promise.all([
    allStudioInvoices(studio.studioId),
    paymentsBetween(studio.studioId, `${months[0]}-01`, '9999'),
  ]);
  const currencies = [...new Set([...invoices.map((r) => r.currency), ...payments.map((p) => p.currency)])].sort();
  return {
    currencies: currencies.map((currency) => {
      const mine = invoices.filter((r) => r.currency === currency);
      const byStatus = Object.fromEntries(INVOICE_STATUSES.map((s) => [s, { count: 0, total: 0, due: 0 }]));
      let outstanding = 0;
      let overdue = 0;
      for (const r of mine) {
        const status = statusOf(r, day);
        const row = byStatus[status] as { count: number; total: number; due: number };
        row.count += 1;
        row.total += r.total;
        const due = status === 'void' || status === 'draft' ? 0 : dueNow(r);
        row.due += due;
        outstanding += due;
        if (status === 'overdue') overdue += due;
      }
      const received = new Map(months.map((m) => [m, 0]));
      for (const p of payments.filter((x) => x.currency === currency && x.state === 'succeeded')) {
        const m = p.receivedAt.slice(0, 7);
        if (received.has(m)) received.set(m, (received.get(m) as number) + p.amount - p.refunded);
      }
      return {
        currency,
        byStatus,
        outstanding,
        overdue,
        receivedByMonth: months.map((month) => ({ month, amount: received.get(month) as number })),
      };
    }),
  };
}

const matches = (q: InvoiceListQuery, day: string) => (r: InvoiceRecord) =>
  (!q.status || statusOf(r, day) === q.status) &&
  (!q.clientId || r.client.clientId === q.clientId) &&
  (!q.projectId || r.project?.projectId === q.projectId);

/** Newest number first; a filter reads on until the page is full (a studio's invoices are one partition). */
export async function listInvoices(
  studio: Studio,
  q: InvoiceListQuery,
): Promise<{ invoices: InvoiceSummary[]; nextCursor: string | null }> {
  const day = today();
  const keep = matches(q, day);
  const limit = q.limit ?? 50;
  const found: InvoiceRecord[] = [];
  let page: PageRequest = { limit, cursor: q.cursor };
  for (;;) {
    const out = await listStudioInvoices(studio.studioId, page);
    found.push(...out.items.filter(keep));
    if (!out.nextCursor || found.length >= limit)
      return { invoices: found.slice(0, limit).map((r) => invoiceSummary(r, day)), nextCursor: out.nextCursor };
    page = { limit, cursor: out.nextCursor };
  }
}

const decimal = (minor: number, currency: Currency) => {
  const exp = CURRENCY_EXPONENTS[currency];
  return exp === 0 ? minor : Number((minor / 10 ** exp).toFixed(exp));
};

/** One row per invoice issued in the range (inclusive), in number order: what an accountant imports. */
export async function invoicesCsv(studio: Studio, range: { from?: string; to?: string }): Promise<string> {
  const day = today();
  const rows = (await allStudioInvoices(studio.studioId))
    .filter((r) => r.status !== 'draft' && (!range.from || r.issueDate >= range.from) && (!range.to || r.issueDate <= range.to))
    .sort((a, b) => a.seq - b.seq)
    .map((r) => {
      const { totals } = amountsOf(r);
      return [
        r.number,
        INVOICE_KIND_NAMES[r.kind],
        INVOICE_STATUS_NAMES[statusOf(r, day)],
        r.issueDate,
        r.dueDate,
        r.client.name,
        r.project?.title ?? '',
        r.currency,
        decimal(totals.net, r.currency),
        decimal(totals.tax, r.currency),
        decimal(totals.total, r.currency),
        decimal(r.total - r.amountDue, r.currency),
        decimal(r.amountDue, r.currency),
        decimal(r.paid, r.currency),
        decimal(r.status === 'void' ? 0 : dueNow(r), r.currency),
        r.paidAt?.slice(0, 10) ?? '',
        r.voidReason ?? '',
      ];
    });
  return csvRows([
    [
      'number',
      'kind',
      'status',
      'issue_date',
      'due_date',
      'client',
      'project',
      'currency',
      'net',
      'tax',
      'total',
      'deducted',
      'amount_due',
      'paid',
      'outstanding',
      'paid_on',
      'void_reason',
    ],
    ...rows,
  ]);
}
