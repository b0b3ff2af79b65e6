// Demo invoices, made through the same domain code the API uses, each demo studio connected to its
// own account on the local Stripe stand-in (the same keys on every start, so a restarted stand-in
// knows them again). Fieldwork: a deposit Jordan paid by card, the final invoice sent with that
// deposit deducted, and an overdue one. Northlight: Leo's gallery, whose originals open once his
// balance invoice is paid.
import type { Client } from '../shared/features/clients/index.ts';
import { startCheckout } from '../shared/features/invoices/domain/client.ts';
import { createInvoice } from '../shared/features/invoices/domain/create.ts';
import { fulfilSession } from '../shared/features/invoices/domain/fulfil.ts';
import type { LineInput } from '../shared/features/invoices/domain/money.ts';
import { sendInvoice } from '../shared/features/invoices/domain/send.ts';
import { connectStripe, stripeKeysOf, updateInvoicing } from '../shared/features/invoices/domain/settings.ts';
import type { Studio, StudioUser } from '../shared/features/studios/index.ts';
import { STAND_IN_PAYMENT_NUMBERS, type StripeStandIn } from './stripe-stand-in.ts';

/** Each demo studio's test keys on the stand-in (never real Stripe keys). */
export const DEMO_STRIPE = {
  northlight: {
    name: 'Northlight Studio Ltd',
    secretKey: 'rk_test_PorticoDemoNorthlight000000001',
    webhookSecret: 'whsec_PorticoDemoNorthlight00000000001',
    publishableKey: 'pk_test_PorticoDemoNorthlight000000001',
  },
  fieldwork: {
    name: 'Fieldwork Design Ltd',
    secretKey: 'rk_test_PorticoDemoFieldwork0000000001',
    webhookSecret: 'whsec_PorticoDemoFieldwork000000000001',
    publishableKey: 'pk_test_PorticoDemoFieldwork0000000001',
  },
} as const;

/** The demo studio's account on the stand-in, its webhooks sent to this stack's endpoint (once per start). */
export function registerDemoStripe(stripe: StripeStandIn, slug: keyof typeof DEMO_STRIPE, studioId: string, port: number): void {
  const keys = DEMO_STRIPE[slug];
  try {
    stripe.addAccount({
      secretKey: keys.secretKey,
      webhookSecret: keys.webhookSecret,
      webhookUrl: `http://localhost:${port}/api/webhooks/stripe/${studioId}`,
      name: keys.name,
      currency: 'GBP',
    });
  } catch (e) {
    if (!String(e).includes('registered already')) throw e;
  }
}

const daysFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const line = (description: string, pounds: number, quantity = 1, taxRate = 2000): LineInput => ({
  description,
  quantity: quantity * 1000,
  unitPrice: pounds * 100,
  taxRate,
});

async function connect(studio: Studio, slug: keyof typeof DEMO_STRIPE, legal: { address: string; vat: string; email: string }) {
  const { name: _, ...keys } = DEMO_STRIPE[slug];
  await connectStripe(studio, keys);
  await updateInvoicing(studio, {
    legalName: DEMO_STRIPE[slug].name,
    address: legal.address,
    email: legal.email,
    taxIds: [{ label: 'VAT', value: legal.vat }],
    prefix: 'INV-',
    dueDays: 14,
    defaultTerms: 'Payment is due within 14 days. Bank transfers: please quote the invoice number.',
    defaultCurrency: 'GBP',
  });
}

/** Pays an invoice as its client would (Checkout on the stand-in, a 4242 card), settled by fulfil. */
async function payByCard(stripe: StripeStandIn, studio: Studio, client: Client, invoiceId: string): Promise<void> {
  const checkout = await startCheckout(studio, client, invoiceId);
  const outcome = stripe.pay(checkout.sessionId, STAND_IN_PAYMENT_NUMBERS.succeeds, client.email);
  if (outcome.status !== 'paid') throw new Error(`The demo payment did not go through: ${outcome.status}`);
  // The API is not listening yet: settle the way the client's return page does (the webhooks' own function).
  await fulfilSession(
    studio,
    (await stripeKeysOf(studio.studioId)) as NonNullable<Awaited<ReturnType<typeof stripeKeysOf>>>,
    checkout.sessionId,
  );
}

export async function seedAgencyInvoices(
  stripe: StripeStandIn,
  port: number,
  studio: Studio,
  owner: StudioUser,
  jordan: Client,
  projectId: string,
) {
  registerDemoStripe(stripe, 'fieldwork', studio.studioId, port);
  await connect(studio, 'fieldwork', {
    address: '4 Dock Street\nBristol BS1 4RB\nUnited Kingdom',
    vat: 'GB 987 6543 21',
    email: 'accounts@fieldwork.example',
  });
  const fee = [line('Brand strategy workshop', 2_400), line('Identity design, three routes', 6_800), line('Guidelines, 40 pages', 1_800)];
  const deposit = await createInvoice(studio, owner, {
    kind: 'deposit',
    clientId: jordan.clientId,
    projectId,
    currency: 'GBP',
    issueDate: daysFrom(-30),
    dueDate: daysFrom(-16),
    fee: { lines: fee },
    portion: { kind: 'percent', basisPoints: 3000 },
    notes: 'Thank you for choosing Fieldwork. The deposit books the studio for your project.',
  });
  await sendInvoice(studio, deposit.invoiceId);
  await payByCard(stripe, studio, jordan, deposit.invoiceId);
  const final = await createInvoice(studio, owner, {
    kind: 'final',
    clientId: jordan.clientId,
    projectId,
    currency: 'GBP',
    lines: fee,
    notes: 'The final files are yours once this invoice is paid.',
  });
  await sendInvoice(studio, final.invoiceId);
  const overdue = await createInvoice(studio, owner, {
    kind: 'standard',
    clientId: jordan.clientId,
    projectId,
    currency: 'GBP',
    issueDate: daysFrom(-45),
    dueDate: daysFrom(-15),
    lines: [line('Stock photography licences', 180, 3), line('Print proofs, courier', 65, 1)],
  });
  await sendInvoice(studio, overdue.invoiceId);
}

export async function seedPhotographerInvoice(
  stripe: StripeStandIn,
  port: number,
  studio: Studio,
  owner: StudioUser,
  leo: Client,
  where: { projectId: string; galleryId: string },
) {
  registerDemoStripe(stripe, 'northlight', studio.studioId, port);
  await connect(studio, 'northlight', {
    address: '12 Harbour Row\nLeith, Edinburgh EH6 6LX',
    vat: 'GB 123 4567 89',
    email: 'hello@northlight.example',
  });
  const balance = await createInvoice(studio, owner, {
    kind: 'standard',
    clientId: leo.clientId,
    projectId: where.projectId,
    currency: 'GBP',
    lines: [line('Portrait session, 2 hours', 350), line('Retouched high-resolution files', 25, 12)],
    notes: 'Your originals download as soon as this invoice is paid.',
    unlocks: { galleryIds: [where.galleryId], deliverableIds: [] },
  });
  await sendInvoice(studio, balance.invoiceId);
}
