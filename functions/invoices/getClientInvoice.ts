import { clientInvoiceView } from '../../shared/features/invoices/domain/client.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getClientInvoice, async ({ params, clientSession: { studio, client } }) => ({
  body: { invoice: await clientInvoiceView(studio, client, params.invoiceId) },
}));
