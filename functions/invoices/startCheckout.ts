import { startCheckout } from '../../shared/features/invoices/domain/client.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.startCheckout, async ({ params, clientSession: { studio, client } }) => ({
  body: await startCheckout(studio, client, params.invoiceId),
}));
