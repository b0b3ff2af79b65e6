// How invoices read on the studio's pages: statuses and kinds from the shared constants, the badge
// tones here, and the addresses of the pages.
import {
  INVOICE_KIND_NAMES,
  INVOICE_STATUS_NAMES,
  type InvoiceKind,
  type InvoiceStatus,
} from '../../../../shared/features/invoices/constants.ts';
import type { BadgeTone } from '../../components/ui/Badge.tsx';

const STATUS_TONES: Record<InvoiceStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  partially_paid: 'accent',
  paid: 'success',
  overdue: 'danger',
  void: 'neutral',
};

export const invoiceStatus = (status: InvoiceStatus) => ({ label: INVOICE_STATUS_NAMES[status], tone: STATUS_TONES[status] });
export const kindName = (kind: InvoiceKind) => INVOICE_KIND_NAMES[kind];

/** The invoice id of a detail page, from its address (/billing/<uuid>). */
export function invoiceIdFromPath(pathname: string): string | null {
  const m = /^\/billing\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  return m ? (m[1] as string).toLowerCase() : null;
}

export const invoiceHref = (invoiceId: string) => `/billing/${encodeURIComponent(invoiceId)}`;

/** "Mar 2026" for a month key ('2026-03'), in the reader's language, the same wherever they are. */
export function monthName(month: string): string {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}
