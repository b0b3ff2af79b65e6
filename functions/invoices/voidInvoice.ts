import { voidInvoice } from '../../shared/features/invoices/domain/send.ts';
import { studioInvoiceDetail } from '../../shared/features/invoices/domain/studio.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.voidInvoice, async ({ params, body, studioSession: { studio } }) => {
  await voidInvoice(studio, params.invoiceId, body.reason);
  return { body: { invoice: await studioInvoiceDetail(studio, params.invoiceId) } };
});
