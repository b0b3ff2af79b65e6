import { studioInvoiceDetail } from '../../shared/features/invoices/domain/studio.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getInvoice, async ({ params, studioSession: { studio } }) => ({
  body: { invoice: await studioInvoiceDetail(studio, params.invoiceId) },
}));
