import { clientPdf } from '../../shared/features/invoices/domain/client.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.downloadClientInvoicePdf, async ({ params, clientSession: { studio, client } }) => ({
  body: { download: await clientPdf(studio, client, params.invoiceId) },
}));
