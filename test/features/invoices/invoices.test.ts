// Invoices against the local stack and the Stripe stand-in: Settings → Payments, a deposit paid and
// deducted from the final invoice, a sent invoice fixed, the client's Billing, Checkout (paid,
// declined, a bank debit that settles later), "pay to unlock" on a gallery, a payment schedule,
// Billing's totals and CSV, and the overdue reminders.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../../shared/data/db.ts';
import { sendInvoiceReminders } from '../../../shared/features/invoices/domain/reminders.ts';
import { keys } from '../../../shared/features/invoices/records.ts';
import { DASHBOARD, mailbox } from '../../support/http.ts';
import { pdftotext } from '../../support/poppler.ts';
import { stripeStandIn } from '../../support/stripe.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { line } from './actors.ts';
import {
  connectStripe,
  createAndSend,
  deliveryCount,
  payInvoice,
  STAND_IN_PAYMENT_NUMBERS,
  type StripeAccount,
  webhooksDelivered,
} from './billing.ts';

let t: TenantFixture;
let account: StripeAccount;
const client = () => t.clients[0];
const other = () => t.clients[1];

beforeAll(async () => {
  t = await tenantFixture('Billing');
  account = await connectStripe(t.studio, t.studioId, 'Billing Studio Ltd');
}, 240_000);

const fee = [line('Wedding coverage, 8 hours', 200_000), line('Album, 30 pages', 50_000, 2000, 2000)];

async function paid(invoiceId: string, number: string = STAND_IN_PAYMENT_NUMBERS.succeeds) {
  const before = await deliveryCount();
  const result = await payInvoice(client().browser, t.portalHost, invoiceId, number);
  if (result.status !== 402) await webhooksDelivered(before + 1);
  return result;
}

describe('Settings → Payments', () => {
  it("checks the key against Stripe, shows the account's name and currency, and never returns or stores a secret in clear", async () => {
    const settings = await t.studio.get(DASHBOARD, '/api/studio/settings/billing');
    expect(settings.status).toBe(200);
    expect(settings.body.settings.stripe).toMatchObject({
      connected: true,
      accountId: account.accountId,
      accountName: 'Billing Studio Ltd',
      currency: 'GBP',
      livemode: false,
      webhookUrl: expect.stringMatching(new RegExp(`/api/webhooks/stripe/${t.studioId}$`)),
    });
    expect(settings.body.settings.stripe.keyHint).toMatch(/^rk_test_…[A-Za-z0-9]{4}$/);
    expect(settings.text).not.toContain(account.secretKey);
    expect(settings.text).not.toContain(account.webhookSecret);
    const stored = await db().send(new GetCommand({ TableName: tableName(), Key: keys.stripeSettings(t.studioId) }));
    const raw = JSON.stringify(stored.Item);
    expect(raw).not.toContain(account.secretKey);
    expect(raw).not.toContain(account.webhookSecret.slice(6));
  });

  it('refuses a key Stripe does not know (400, naming the field), and keeps the connection it had', async () => {
    const refused = await t.studio.call(DASHBOARD, 'PUT', '/api/studio/settings/billing/stripe', {
      json: {
        secretKey: 'rk_test_NotAKeyStripeKnows000001',
        webhookSecret: 'whsec_Whatever0000000001',
        publishableKey: 'pk_test_Whatever00000001',
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'stripe_key_refused', fields: { secretKey: [expect.any(String)] } });
    expect((await t.studio.get(DASHBOARD, '/api/studio/settings/billing')).body.settings.stripe.accountId).toBe(account.accountId);
  });

  it('is the owner’s: a member may not connect a key', async () => {
    const answer = await t.member.browser.call(DASHBOARD, 'PUT', '/api/studio/settings/billing/stripe', {
      json: { secretKey: account.secretKey, webhookSecret: account.webhookSecret, publishableKey: account.publishableKey },
    });
    expect(answer.status).toBe(403);
  });
});

describe('a deposit, then the final invoice', () => {
  it('bills 30 % of the fee as a deposit, and deducts what it brought in from the final invoice, as a line', async () => {
    const c = client();
    const deposit = await createAndSend(t.studio, {
      kind: 'deposit',
      clientId: c.clientId,
      projectId: c.projectId,
      currency: 'GBP',
      fee: { lines: fee },
      portion: { kind: 'percent', basisPoints: 3000 },
    });
    // Fee: 2,000.00 + 20 % tax, and 2 × 500.00 + 20 %: 3,600.00; 30 % of it is 1,080.00.
    expect(deposit).toMatchObject({ kind: 'deposit', status: 'sent', total: 108_000, amountDue: 108_000 });
    expect(deposit.lines[0].description).toBe('Deposit — 30% of the fee');
    const { status } = await paid(deposit.invoiceId);
    expect(status).toBe(200);
    const settled = await t.studio.get(DASHBOARD, `/api/studio/invoices/${deposit.invoiceId}`);
    expect(settled.body.invoice).toMatchObject({ status: 'paid', paid: 108_000 });
    expect(settled.body.invoice.payments).toEqual([expect.objectContaining({ state: 'succeeded', amount: 108_000, method: 'card' })]);

    const final = await createAndSend(t.studio, {
      kind: 'final',
      clientId: c.clientId,
      projectId: c.projectId,
      currency: 'GBP',
      lines: fee,
    });
    expect(final.totals.total).toBe(360_000);
    expect(final.deductions).toEqual([{ label: `Less: Deposit paid (${deposit.number})`, amount: 108_000 }]);
    expect(final.amountDue).toBe(252_000);
    expect(Number(final.number.slice(-4))).toBe(Number(deposit.number.slice(-4)) + 1);

    // The PDF is mailed on send, with the pay link; it prints the deduction and what is due.
    const mail = (await mailbox()).find((m) => m.to.includes(c.email) && m.subject.includes(final.number));
    expect(mail?.text).toContain(`/billing/${final.invoiceId}`);
    const pdf = await c.browser.get(t.portalHost, `/api/portal/invoices/${final.invoiceId}/pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdftotext(new Uint8Array(await (await fetch(pdf.body.download.url)).arrayBuffer()));
    expect(text).toContain(final.number);
    expect(text).toContain(`Less: Deposit paid (${deposit.number})`);
    expect(text).toContain('£2,520.00');
  });
});

describe('a sent invoice', () => {
  it('is fixed: no change, no void once paid on; a void draft stays, with its reason', async () => {
    const c = client();
    const sent = await createAndSend(t.studio, { kind: 'standard', clientId: c.clientId, currency: 'GBP', lines: [line('Prints', 4_000)] });
    const change = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/invoices/${sent.invoiceId}`, { json: { notes: 'changed' } });
    expect(change.status).toBe(409);
    expect(change.body.error).toBe('invoice_sent');
    await paid(sent.invoiceId);
    const voiding = await t.studio.post(DASHBOARD, `/api/studio/invoices/${sent.invoiceId}/void`, { reason: 'Mistake' });
    expect(voiding.status).toBe(409);
    expect(voiding.body.error).toBe('invoice_has_payments');

    const draft = await t.studio.post(DASHBOARD, '/api/studio/invoices', {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      lines: [line('Extra', 100)],
    });
    const voided = await t.studio.post(DASHBOARD, `/api/studio/invoices/${draft.body.invoice.invoiceId}/void`, { reason: 'Billed twice' });
    expect(voided.status).toBe(200);
    expect(voided.body.invoice).toMatchObject({ status: 'void', voidReason: 'Billed twice' });
    const list = await t.studio.get(DASHBOARD, '/api/studio/invoices?status=void');
    expect(list.body.invoices.map((i: { invoiceId: string }) => i.invoiceId)).toContain(draft.body.invoice.invoiceId);
  });
});

describe("the client's Billing tab", () => {
  it('lists their sent invoices (never a draft), and no one else sees them', async () => {
    const c = client();
    const draft = await t.studio.post(DASHBOARD, '/api/studio/invoices', {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      lines: [line('Draft only', 100)],
    });
    const list = await c.browser.get(t.portalHost, '/api/portal/invoices?limit=100');
    expect(list.status).toBe(200);
    const ids = list.body.invoices.map((i: { invoiceId: string }) => i.invoiceId);
    expect(ids).toContain(c.invoiceId);
    expect(ids).not.toContain(draft.body.invoice.invoiceId);
    expect((await c.browser.get(t.portalHost, `/api/portal/invoices/${draft.body.invoice.invoiceId}`)).status).toBe(404);
    expect((await other().browser.get(t.portalHost, `/api/portal/invoices/${c.invoiceId}`)).status).toBe(404);
    const theirs = await other().browser.get(t.portalHost, '/api/portal/invoices');
    expect(theirs.body.invoices.map((i: { invoiceId: string }) => i.invoiceId)).not.toContain(c.invoiceId);
  });
});

describe('paying to unlock a gallery', () => {
  it('holds the originals back until a confirmed payment; a declined card unlocks nothing', async () => {
    const c = client();
    const invoice = await createAndSend(t.studio, {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      projectId: c.projectId,
      lines: [line('Gallery release', 30_000, 0)],
    });
    const unlocks = await t.studio.call(DASHBOARD, 'PUT', `/api/studio/invoices/${invoice.invoiceId}/unlocks`, {
      json: { galleryIds: [c.galleryId], deliverableIds: [c.deliverableId] },
    });
    expect(unlocks.status, unlocks.text).toBe(200);
    const gallery = () => c.browser.get(t.portalHost, `/api/portal/galleries/${c.galleryId}`);
    const download = () => c.browser.get(t.portalHost, `/api/portal/galleries/${c.galleryId}/images/${c.imageIds[0]}/download`);
    const deliverable = () => c.browser.get(t.portalHost, `/api/portal/projects/${c.projectId}/deliverables/${c.deliverableId}`);
    expect((await gallery()).body.gallery.paymentLock).toEqual({
      invoiceId: invoice.invoiceId,
      number: invoice.number,
      amountDue: 30_000,
      currency: 'GBP',
    });
    expect((await deliverable()).body.deliverable.paymentLock).toMatchObject({ invoiceId: invoice.invoiceId });
    const held = await download();
    expect(held.status).toBe(403);
    expect(held.body.error).toBe('payment_required');

    const declined = await paid(invoice.invoiceId, STAND_IN_PAYMENT_NUMBERS.declined);
    expect(declined.status).toBe(402);
    const back = await c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout/${declined.sessionId}`);
    expect(back.status).toBe(200);
    expect(back.body.checkout.outcome).toBe('open');
    expect(back.body.invoice).toMatchObject({ status: 'sent', paid: 0, payable: true });
    expect((await download()).status).toBe(403);

    const { status, sessionId } = await paid(invoice.invoiceId);
    expect(status).toBe(200);
    expect(sessionId).toBe(declined.sessionId); // the same amount and attempt: the same session
    const result = await c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout/${sessionId}`);
    expect(result.body.checkout.outcome).toBe('paid');
    expect(result.body.invoice.status).toBe('paid');
    expect((await gallery()).body.gallery.paymentLock).toBeNull();
    expect((await deliverable()).body.deliverable.paymentLock).toBeNull();
    expect((await download()).status).toBe(200);
  });

  it('keeps a bank debit "processing" (still locked) until Stripe says it succeeded', async () => {
    const c = other();
    const invoice = await createAndSend(t.studio, {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      lines: [line('Album', 20_000, 0)],
    });
    await t.studio.call(DASHBOARD, 'PUT', `/api/studio/invoices/${invoice.invoiceId}/unlocks`, {
      json: { galleryIds: [c.galleryId], deliverableIds: [] },
    });
    const before = await deliveryCount();
    const started = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
    expect(await stripeStandIn().pay(started.body.clientSecret, STAND_IN_PAYMENT_NUMBERS.delayedSucceeds)).toBe(200);
    await webhooksDelivered(before + 1);
    const result = await c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout/${started.body.sessionId}`);
    expect(result.body.checkout.outcome).toBe('processing');
    expect(result.body.invoice).toMatchObject({ processing: true, paid: 0, payable: false });
    expect((await c.browser.get(t.portalHost, `/api/portal/galleries/${c.galleryId}`)).body.gallery.paymentLock).not.toBeNull();
    await stripeStandIn().settle(started.body.sessionId, 'succeeded');
    await webhooksDelivered(before + 2);
    const settled = await c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}`);
    expect(settled.body.invoice).toMatchObject({ status: 'paid', processing: false, paid: 20_000 });
    expect(settled.body.invoice.payments[0]).toMatchObject({ method: 'bank_debit', state: 'succeeded' });
    expect((await c.browser.get(t.portalHost, `/api/portal/galleries/${c.galleryId}`)).body.gallery.paymentLock).toBeNull();
  });
});

describe("a project's payment schedule", () => {
  it('makes one draft instalment per part, numbered in order, summing exactly to the fee', async () => {
    const c = client();
    const made = await t.studio.post(DASHBOARD, `/api/studio/projects/${c.projectId}/payment-schedule`, {
      clientId: c.clientId,
      currency: 'GBP',
      fee: { lines: [line('Brand identity', 100_001, 0)] },
      parts: [
        { label: 'On signing', portion: { kind: 'percent', basisPoints: 3333 }, dueDate: '2099-01-01' },
        { label: 'At concepts', portion: { kind: 'percent', basisPoints: 3333 }, dueDate: '2099-02-01' },
        { label: 'On delivery', portion: { kind: 'percent', basisPoints: 3334 }, dueDate: '2099-03-01' },
      ],
    });
    expect(made.status, made.text).toBe(201);
    const parts = made.body.invoices;
    expect(parts.map((p: { kind: string; status: string }) => `${p.kind}/${p.status}`)).toEqual([
      'instalment/draft',
      'instalment/draft',
      'instalment/draft',
    ]);
    expect(parts.reduce((s: number, p: { total: number }) => s + p.total, 0)).toBe(100_001);
    const seqs = parts.map((p: { number: string }) => Number(p.number.slice(-4)));
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
  });
});

describe("the studio's Billing", () => {
  it('totals by status, what is outstanding, this month’s payments, and a CSV for the accountant', async () => {
    const overview = await t.studio.get(DASHBOARD, '/api/studio/billing');
    expect(overview.status).toBe(200);
    const gbp = overview.body.overview.currencies.find((x: { currency: string }) => x.currency === 'GBP');
    expect(gbp.byStatus.paid.count).toBeGreaterThanOrEqual(3);
    expect(gbp.outstanding).toBeGreaterThanOrEqual(252_000);
    const month = new Date().toISOString().slice(0, 7);
    expect(gbp.receivedByMonth).toHaveLength(12);
    expect(gbp.receivedByMonth.at(-1)).toEqual({ month, amount: expect.any(Number) });
    expect(gbp.receivedByMonth.at(-1).amount).toBeGreaterThanOrEqual(108_000 + 4_800 + 30_000 + 20_000);

    const csv = await t.studio.get(DASHBOARD, '/api/studio/invoices/export');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe(
      'number,kind,status,issue_date,due_date,client,project,currency,net,tax,total,deducted,amount_due,paid,outstanding,paid_on,void_reason',
    );
    expect(rows.some((r) => r.includes('Deposit invoice,Paid') && r.includes(',1080,'))).toBe(true);
  });
});

describe('overdue reminders', () => {
  it('email the client once a day while an invoice is overdue, and stop once it is paid', async () => {
    const c = client();
    const overdue = await createAndSend(t.studio, {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      issueDate: '2026-01-01',
      dueDate: '2026-01-15',
      lines: [line('Late fee', 1_500, 0)],
    });
    expect(overdue.status).toBe('overdue');
    const reminders = async () =>
      (await mailbox()).filter((m) => m.to.includes(c.email) && m.subject.startsWith(`Reminder: ${overdue.number}`)).length;
    await sendInvoiceReminders(new Date());
    await sendInvoiceReminders(new Date());
    expect(await reminders()).toBe(1);
    await paid(overdue.invoiceId);
    await sendInvoiceReminders(new Date(Date.now() + 86_400_000));
    expect(await reminders()).toBe(1);
  });
});
