import { updateInvoice } from '../../shared/features/invoices/domain/create.ts';
import { studioInvoiceDetail } from '../../shared/features/invoices/domain/studio.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.updateInvoice, async ({ params, body, studioSession: { studio } }) => {
  await updateInvoice(studio, params.invoiceId, body);
  return { body: { invoice: await studioInvoiceDetail(studio, params.invoiceId) } };
});
