import { setUnlocks } from '../../shared/features/invoices/domain/send.ts';
import { studioInvoiceDetail } from '../../shared/features/invoices/domain/studio.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.setInvoiceUnlocks, async ({ params, body, studioSession: { studio } }) => {
  await setUnlocks(studio, params.invoiceId, body);
  return { body: { invoice: await studioInvoiceDetail(studio, params.invoiceId) } };
});
