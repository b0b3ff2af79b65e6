// What the invoices tests (and the tenants of the isolation matrix) do as a studio and its clients.
import { expect } from 'vitest';
import { type Browser, DASHBOARD } from '../../support/http.ts';

export const line = (description: string, unitPrice: number, taxRate = 2000, quantity = 1000) => ({
  description,
  quantity,
  unitPrice,
  taxRate,
});

/** A sent invoice for the client's project, its one line named so a leak of it is recognisable. */
export async function sentInvoice(studio: Browser, clientId: string, projectId: string, tag: string) {
  const invoiceLine = `Secret line ${tag}`;
  const made = await studio.post(DASHBOARD, '/api/studio/invoices', {
    kind: 'standard',
    clientId,
    projectId,
    currency: 'GBP',
    lines: [line(invoiceLine, 12_500)],
  });
  expect(made.status, made.text).toBe(201);
  const invoiceId = made.body.invoice.invoiceId as string;
  const sent = await studio.post(DASHBOARD, `/api/studio/invoices/${invoiceId}/send`);
  expect(sent.status, sent.text).toBe(200);
  return { invoiceId, invoiceLine };
}
