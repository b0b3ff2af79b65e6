import { clientInvoices } from '../../shared/features/invoices/domain/client.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { pageRequest } from '../../shared/paging.ts';

export const handler = defineHandler(routes.listClientInvoices, async ({ query, clientSession: { studio, client } }) => {
  const { invoices, nextCursor } = await clientInvoices(studio, client, pageRequest(query));
  return { body: { invoices, nextCursor } };
});
