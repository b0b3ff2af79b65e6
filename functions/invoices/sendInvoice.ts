import { sendInvoice } from '../../shared/features/invoices/domain/send.ts';
import { studioInvoiceDetail } from '../../shared/features/invoices/domain/studio.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.sendInvoice, async ({ params, studioSession: { studio } }) => {
  await sendInvoice(studio, params.invoiceId);
  return { body: { invoice: await studioInvoiceDetail(studio, params.invoiceId) } };
});
