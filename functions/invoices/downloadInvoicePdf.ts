import { studioInvoice } from '../../shared/features/invoices/domain/create.ts';
import { invoicePdfLink } from '../../shared/features/invoices/domain/send.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadInvoicePdf, async ({ params, studioSession: { studio } }) => ({
  body: { download: await invoicePdfLink(studio, await studioInvoice(studio, params.invoiceId)) },
}));
