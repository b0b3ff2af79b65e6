// Sample bodies and queries of invoices' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/invoices/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

const fee = { lines: [{ description: 'Wedding day coverage', quantity: 1000, unitPrice: 250_000, taxRate: 2000 }] };

export const bodies: SampleBodies<typeof routes> = {
  connectStripe: () => ({
    secretKey: 'rk_test_SampleKeyThatStripeRefuses0001',
    webhookSecret: 'whsec_SampleSigningSecret0000000001',
    publishableKey: 'pk_test_SamplePublishableKey0000001',
  }),
  updateInvoicingSettings: () => ({
    legalName: 'Sample Studio Ltd',
    address: '1 Sample Street\nLondon',
    email: 'accounts@example.com',
    taxIds: [{ label: 'VAT', value: 'GB123456789' }],
    prefix: 'INV-',
    dueDays: 14,
    defaultTerms: 'Payment within 14 days.',
    defaultCurrency: 'GBP',
  }),
  createInvoice: (c) => ({ kind: 'standard', clientId: c.clientId, projectId: c.projectId, currency: 'GBP', lines: fee.lines }),
  createPaymentSchedule: (c) => ({
    clientId: c.clientId,
    currency: 'GBP',
    fee,
    parts: [
      { label: 'First instalment', portion: { kind: 'percent', basisPoints: 5000 }, dueDate: '2099-01-01' },
      { label: 'Balance', portion: { kind: 'percent', basisPoints: 5000 }, dueDate: '2099-02-01' },
    ],
  }),
  updateInvoice: () => ({ notes: 'Thank you!' }),
  voidInvoice: () => ({ reason: 'Issued by mistake.' }),
  setInvoiceUnlocks: (c) => ({ galleryIds: [c.galleryId], deliverableIds: [c.deliverableId] }),
};

export const queries: SampleQueries<typeof routes> = {
  listInvoices: () => ({ limit: '2' }),
  exportInvoices: () => ({ from: '2026-01-01' }),
  listClientInvoices: () => ({ limit: '2' }),
};
