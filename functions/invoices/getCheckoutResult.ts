import { checkoutResult } from '../../shared/features/invoices/domain/client.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getCheckoutResult, async ({ params, clientSession: { studio, client } }) => ({
  body: await checkoutResult(studio, client, params.invoiceId, params.sessionId),
}));
