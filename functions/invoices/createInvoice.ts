import { createInvoice } from '../../shared/features/invoices/domain/create.ts';
import { invoiceDetail } from '../../shared/features/invoices/domain/views.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createInvoice, async ({ body, studioSession: { studio, user } }) => ({
  body: { invoice: invoiceDetail(await createInvoice(studio, user, body), []) },
}));
