// The reliability of payments, counted and printed: Stripe's webhooks replayed ten times and
// delivered in every order settle each payment once (one paid invoice, one payment record, one
// receipt, one notification); 100 invoices made at once get 100 numbers without a gap; and a
// webhook that is not what it claims (bad signature, old timestamp, another studio's secret, a
// body altered after signing, an event about another studio's invoice) is refused or ignored.
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripeClient } from '../../../shared/adapters/stripe.ts';
import { DASHBOARD, mailbox } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';
import { stripeStandIn, stripeWebhookUrl } from '../../support/stripe.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { line } from './actors.ts';
import { connectStripe, createAndSend, STAND_IN_PAYMENT_NUMBERS, type StripeAccount, studioWithInvoice } from './billing.ts';

let t: TenantFixture;
let account: StripeAccount;
let rival: Awaited<ReturnType<typeof studioWithInvoice>>;
const standIn = () => stripeStandIn();

beforeAll(async () => {
  [t, rival] = await Promise.all([tenantFixture('Hooks'), studioWithInvoice('Rival')]);
  account = await connectStripe(t.studio, t.studioId, 'Hooks Studio');
}, 300_000);

const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What one invoice's payment left behind: its status, payments, receipts mailed and notes to the owner. */
async function counts(invoiceId: string, number: string, clientEmail: string) {
  const invoice = (await t.studio.get(DASHBOARD, `/api/studio/invoices/${invoiceId}`)).body.invoice;
  const receipts = (await mailbox()).filter(
    (m) => m.to.includes(clientEmail) && m.subject.startsWith('Receipt:') && m.subject.includes(`(${number})`),
  );
  const notes = (await t.studio.get(DASHBOARD, '/api/studio/notifications?limit=100')).body.notes.filter(
    (n: { kind: string; title: string }) => n.kind === 'paymentReceived' && n.title.includes(number),
  );
  return {
    status: invoice.status as string,
    payments: invoice.payments.length as number,
    succeeded: invoice.payments.filter((p: { state: string }) => p.state === 'succeeded').length as number,
    paid: invoice.paid as number,
    receipts: receipts.length,
    notifications: notes.length as number,
  };
}

describe('webhooks replayed and reordered', () => {
  it('settle each payment exactly once, whatever arrives ten times, late or out of order', async () => {
    const c = t.clients[0];
    const report: string[] = [];
    // A bank debit makes two events for one payment (completed while processing, then succeeded); a
    // card makes one. Each payment's events are held, then sent ten times each in every order, while
    // the client's return page asks too.
    const cases = [
      { method: 'bank debit', number: STAND_IN_PAYMENT_NUMBERS.delayedSucceeds },
      { method: 'card', number: STAND_IN_PAYMENT_NUMBERS.succeeds },
    ];
    for (const { method, number } of cases) {
      const eventTypes =
        method === 'card' ? ['checkout.session.completed'] : ['checkout.session.completed', 'checkout.session.async_payment_succeeded'];
      for (const order of permutations(eventTypes)) {
        const { invoice, sessionId, eventIds, types } = await heldEventsOf(c, number);
        expect([...types].sort()).toEqual([...eventTypes].sort());
        const ordered = order.map((type) => eventIds[types.indexOf(type)] as string);
        await standIn().setSwitches({ copies: 10, hold: false });
        const returning = Promise.all(
          [0, 1, 2].map(() => c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout/${sessionId}`)),
        );
        await standIn().release(ordered);
        await Promise.all(ordered.map((id) => standIn().replay(id)));
        for (const answer of await returning) expect(answer.status).toBe(200);
        await standIn().resetSwitches();
        await until('the payment', async () => (await counts(invoice.invoiceId, invoice.number, c.email)).status === 'paid');
        const n = await counts(invoice.invoiceId, invoice.number, c.email);
        expect(n).toEqual({ status: 'paid', payments: 1, succeeded: 1, paid: invoice.amountDue, receipts: 1, notifications: 1 });
        report.push(
          `${method}, ${order.join(' → ')}: ${ordered.length * 20} deliveries → paid invoices 1, payments ${n.payments}, receipts ${n.receipts}, notifications ${n.notifications}`,
        );
      }
    }
    console.log(`webhook replays (10 copies each, then each event replayed 10 more times, 3 return-page reads):\n  ${report.join('\n  ')}`);
  }, 180_000);

  it('takes a refund off what was paid once, however often charge.refunded arrives', async () => {
    const c = t.clients[1];
    const invoice = await createAndSend(t.studio, {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      lines: [line('Refundable', 9_000, 0)],
    });
    const started = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
    expect(await standIn().pay(started.body.clientSecret, STAND_IN_PAYMENT_NUMBERS.succeeds)).toBe(200);
    await until('the payment', async () => (await counts(invoice.invoiceId, invoice.number, c.email)).status === 'paid');
    const stripe = stripeClient(account.secretKey);
    const session = await stripe.checkout.sessions.retrieve(started.body.sessionId);
    await standIn().setSwitches({ copies: 10 });
    await stripe.refunds.create({ payment_intent: session.payment_intent as string, amount: 3_000 });
    await until('the refund', async () => (await counts(invoice.invoiceId, invoice.number, c.email)).paid === 6_000);
    const refund = (await standIn().events()).events.filter((e) => e.type === 'charge.refunded').at(-1) as { id: string };
    await standIn().replay(refund.id);
    await standIn().resetSwitches();
    const n = await counts(invoice.invoiceId, invoice.number, c.email);
    expect(n).toMatchObject({ status: 'partially_paid', payments: 1, paid: 6_000, receipts: 1 });
    console.log(
      `refund: charge.refunded delivered 20 times → refunded once (paid ${n.paid} of ${invoice.amountDue}), payments ${n.payments}, receipts ${n.receipts}`,
    );
  });
});

describe('payments that do not happen', () => {
  it('a bank debit that fails, its events ten times each in both orders: no payment counted, no receipt, payable again', async () => {
    const c = t.clients[1];
    const report: string[] = [];
    for (const order of permutations(['checkout.session.completed', 'checkout.session.async_payment_failed'])) {
      const invoice = await createAndSend(t.studio, {
        kind: 'standard',
        clientId: c.clientId,
        currency: 'GBP',
        lines: [line(`Failing ${order[0]}`, 4_321, 0)],
      });
      await standIn().setSwitches({ hold: true });
      const started = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
      expect(await standIn().pay(started.body.clientSecret, STAND_IN_PAYMENT_NUMBERS.delayedFails)).toBe(200);
      await standIn().settle(started.body.sessionId, 'failed');
      const { events, held } = await standIn().events();
      const mine = events.filter((e) => held.includes(e.id) && JSON.stringify(e).includes(started.body.sessionId));
      const ordered = order.map((type) => (mine.find((e) => e.type === type) as { id: string }).id);
      await standIn().setSwitches({ copies: 10, hold: false });
      await standIn().release(ordered);
      await standIn().resetSwitches();
      const seen = await c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}`);
      expect(seen.body.invoice).toMatchObject({ status: 'sent', paid: 0, processing: false, payable: true });
      expect(seen.body.invoice.payments).toEqual([expect.objectContaining({ state: 'failed' })]);
      expect(seen.body.invoice.checkout.outcome).toBe('failed');
      const n = await counts(invoice.invoiceId, invoice.number, c.email);
      expect(n).toMatchObject({ succeeded: 0, receipts: 0, notifications: 0 });
      // A new attempt: a new session (the failed one's key is spent).
      const again = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
      expect(again.body.sessionId).not.toBe(started.body.sessionId);
      report.push(
        `${order.join(' → ')}: 20 deliveries → succeeded ${n.succeeded}, receipts ${n.receipts}, notifications ${n.notifications}, payable again`,
      );
    }
    console.log(`failed bank debits:\n  ${report.join('\n  ')}`);
  });

  it('an expired checkout reads as expired, ten times over, and the next Pay opens a new session', async () => {
    const c = t.clients[1];
    const invoice = await createAndSend(t.studio, {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      lines: [line('Expiring', 2_500, 0)],
    });
    const started = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
    await standIn().setSwitches({ copies: 10 });
    await stripeClient(account.secretKey).checkout.sessions.expire(started.body.sessionId);
    await until(
      'the expiry',
      async () =>
        (await c.browser.get(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}`)).body.invoice.checkout?.outcome === 'expired',
    );
    await standIn().resetSwitches();
    const again = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
    expect(again.status).toBe(200);
    expect(again.body.sessionId).not.toBe(started.body.sessionId);
    const n = await counts(invoice.invoiceId, invoice.number, c.email);
    expect(n).toMatchObject({ status: 'sent', payments: 0, receipts: 0, notifications: 0 });
    console.log(
      `expired checkout: checkout.session.expired delivered 10 times → outcome expired, payments ${n.payments}, a new session on the next Pay`,
    );
  });
});

/** A fresh invoice paid on the stand-in with its webhooks held: the held events' ids, in the order they happened. */
async function heldEventsOf(c: TenantFixture['clients'][number], number: string) {
  const invoice = await createAndSend(t.studio, {
    kind: 'standard',
    clientId: c.clientId,
    currency: 'GBP',
    lines: [line(`Replay ${Math.random()}`, 12_345, 0)],
  });
  await standIn().setSwitches({ hold: true });
  const started = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
  expect(await standIn().pay(started.body.clientSecret, number)).toBe(200);
  if (number === STAND_IN_PAYMENT_NUMBERS.delayedSucceeds) await standIn().settle(started.body.sessionId, 'succeeded');
  const { events, held } = await standIn().events();
  const mine = events.filter((e) => held.includes(e.id) && JSON.stringify(e).includes(started.body.sessionId));
  return { invoice, sessionId: started.body.sessionId as string, eventIds: mine.map((e) => e.id), types: mine.map((e) => e.type) };
}

describe('100 invoices made at once', () => {
  it('get 100 distinct numbers with no gap', async () => {
    const c = t.clients[0];
    const made = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.studio.call(DASHBOARD, 'POST', '/api/studio/invoices', {
          json: { kind: 'standard', clientId: c.clientId, currency: 'GBP', lines: [line(`Concurrent ${i}`, 100 + i)] },
          headers: { 'idempotency-key': `concurrent-${t.studioId}-${i}` },
        }),
      ),
    );
    expect(made.map((m) => m.status)).toEqual(Array(100).fill(201));
    const seqs = made.map((m) => Number(m.body.invoice.number.slice(4))).sort((a, b) => a - b);
    const first = seqs[0] as number;
    expect(new Set(seqs).size).toBe(100);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => first + i));
    const all = (await t.studio.get(DASHBOARD, '/api/studio/invoices?limit=100')).body.invoices.map((i: { number: string }) =>
      Number(i.number.slice(4)),
    );
    const max = Math.max(...all);
    console.log(
      `numbering: 100 concurrent creations → ${new Set(seqs).size} distinct numbers, ${first}…${seqs.at(-1)}, gaps ${(seqs.at(-1) as number) - first + 1 - 100}; the studio's highest is ${max}`,
    );
  }, 120_000);
});

describe('webhooks that are not what they claim', () => {
  it('are refused with 400 or acknowledged and ignored, changing nothing', async () => {
    const c = t.clients[0];
    const invoice = await createAndSend(t.studio, {
      kind: 'standard',
      clientId: c.clientId,
      currency: 'GBP',
      lines: [line('Forged', 7_777, 0)],
    });
    await standIn().setSwitches({ hold: true });
    const started = await c.browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
    expect(await standIn().pay(started.body.clientSecret, STAND_IN_PAYMENT_NUMBERS.succeeds)).toBe(200);
    const { events } = await standIn().events();
    const event = events.filter((e) => JSON.stringify(e).includes(started.body.sessionId)).at(-1) as Record<string, unknown>;
    const body = JSON.stringify(event);
    const url = stripeWebhookUrl(t.studioId, t.studio.port);
    const post = (payload: string, header: string, to = url) =>
      fetch(to, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    const sign = (payload: string, secret: string, ago = 0) =>
      Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(Date.now() / 1000) - ago });

    const before = (await storedLines()).lines;
    const outcomes: Record<string, number> = {};
    outcomes['bad signature'] = (await post(body, sign(body, 'whsec_not_the_secret'))).status;
    outcomes['old timestamp (6 minutes)'] = (await post(body, sign(body, account.webhookSecret, 360))).status;
    outcomes["another studio's secret"] = (await post(body, sign(body, rival.account.webhookSecret))).status;
    outcomes['body altered after signing'] = (
      await post(body.replace(started.body.sessionId, 'cs_test_altered0000000000'), sign(body, account.webhookSecret))
    ).status;
    outcomes['no signature'] = (await post(body, '')).status;
    // Signed by the rival's own account, about our session: the rival's key cannot read it, so nothing of ours moves.
    outcomes["another studio's endpoint, its own secret"] = (
      await post(body, sign(body, rival.account.webhookSecret), stripeWebhookUrl(rival.studioId, t.studio.port))
    ).status;
    // Sent through the stand-in with each switch, as Stripe would send them.
    await standIn().setSwitches({ hold: false, badSignature: true });
    await standIn().replay(event.id as string);
    await standIn().setSwitches({ badSignature: false, signedSecondsAgo: 600 });
    await standIn().replay(event.id as string);
    await standIn().resetSwitches();
    const viaStandIn = (await standIn().deliveries()).filter((d) => d.eventId === event.id).map((d) => `${d.signature}: ${d.status}`);
    // The rival's endpoint acknowledges the event it could not act on: that record is all that may appear.
    const changed = (await storedLines()).lines.filter(
      (l) => !before.includes(l) && !l.includes('"PK":"RATE#') && !l.includes(`"PK":"STRIPEEVENT#${rival.studioId}"`),
    );
    expect(outcomes).toEqual({
      'bad signature': 400,
      'old timestamp (6 minutes)': 400,
      "another studio's secret": 400,
      'body altered after signing': 400,
      'no signature': 400,
      "another studio's endpoint, its own secret": 200,
    });
    expect(viaStandIn).toEqual(['bad: 400', 'old: 400']);
    expect(changed).toEqual([]);
    expect((await counts(invoice.invoiceId, invoice.number, c.email)).status).toBe('sent');

    // An event about another studio's invoice, validly signed by this studio's own account: ignored.
    const foreign = await stripeClient(account.secretKey).checkout.sessions.create({
      ui_mode: 'embedded_page',
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'gbp', unit_amount: 500, product_data: { name: 'Not ours' } } }],
      metadata: { studioId: rival.studioId, invoiceId: rival.invoiceId },
      return_url: 'http://localhost/return',
    });
    const rivalBefore = (await rival.studio.get(DASHBOARD, `/api/studio/invoices/${rival.invoiceId}`)).body.invoice;
    expect(await standIn().pay(foreign.client_secret as string, STAND_IN_PAYMENT_NUMBERS.succeeds)).toBe(200);
    const foreignEvent = async () => (await standIn().events()).events.find((e) => JSON.stringify(e).includes(foreign.id));
    await until('the foreign event', async () => {
      const e = await foreignEvent();
      return e !== undefined && (await standIn().deliveries()).some((d) => d.eventId === e.id && d.status === 200);
    });
    const rivalAfter = (await rival.studio.get(DASHBOARD, `/api/studio/invoices/${rival.invoiceId}`)).body.invoice;
    expect(rivalAfter).toEqual(rivalBefore);
    await standIn().release();
    console.log(
      `forged webhooks: ${Object.entries(outcomes)
        .map(([k, v]) => `${k} → ${v}`)
        .join('; ')}; through the stand-in ${viaStandIn.join(', ')}; ` +
        `stored lines changed ${changed.length}; another studio's invoice (paid ${rivalAfter.paid}) unchanged`,
    );
  }, 120_000);
});
