import { invoicesCsv } from '../../shared/features/invoices/domain/overview.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { attachmentDisposition } from '../../shared/safe-text.ts';

export const handler = defineHandler(routes.exportInvoices, async ({ query, studioSession: { studio } }) => ({
  raw: await invoicesCsv(studio, query),
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': attachmentDisposition(
      `invoices ${query.from ?? 'start'} to ${query.to ?? new Date().toISOString().slice(0, 10)}.csv`,
    ),
  },
}));
