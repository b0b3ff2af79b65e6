// The studio's view of one invoice, with its payments.
import { notFound } from '../../../errors.ts';
import type { Studio } from '../../studios/index.ts';
import { getInvoiceWithPayments } from '../data.ts';
import type { InvoiceDetail } from '../schemas.ts';
import { invoiceDetail } from './views.ts';

export async function studioInvoiceDetail(studio: Studio, invoiceId: string): Promise<InvoiceDetail> {
  const found = await getInvoiceWithPayments(invoiceId);
  if (!found || found.invoice.studioId !== studio.studioId) throw notFound('No such invoice.');
  return invoiceDetail(found.invoice, found.payments);
}
