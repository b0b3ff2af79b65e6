import { listInvoices } from '../../shared/features/invoices/domain/overview.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listInvoices, async ({ query, studioSession: { studio } }) => {
  const { invoices, nextCursor } = await listInvoices(studio, query);
  return { body: { invoices, nextCursor } };
});
