// The local Stripe stand-in: the one allowed fake, because Stripe's API cannot run here (no internet,
// and Stripe ships no emulator). It speaks the slice of Stripe's REST API Portico's invoices use, in
// Stripe's wire format (form-encoded bodies with bracketed keys, bearer keys, Idempotency-Key, Stripe's
// error shapes), so the real `stripe` SDK talks to it through shared/adapters/stripe.ts with only
// STRIPE_API_BASE set. It also plays Stripe's two other parts: the embedded Checkout page the client
// pays on (served here, framed by the portal, as Stripe.js cannot load offline) and the signed
// webhooks Stripe sends (the same `Stripe-Signature` scheme, made by the SDK's own signer).
//
// Covered: POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id, POST …/:id/expire,
// GET /v1/payment_intents/:id, GET /v1/charges/:id, POST /v1/refunds, GET /v1/account; `expand[]` on
// any id field. Events: checkout.session.completed, .async_payment_succeeded, .async_payment_failed,
// .expired, charge.refunded (Stripe sends more, e.g. payment_intent.*, that Portico does not listen to).
//
// Test payment numbers, typed in the checkout page's one field:
//   4242 4242 4242 4242     card, succeeds: session complete + paid, PaymentIntent succeeded
//   4000 0000 0000 0002     card, declined: session stays open, PaymentIntent requires_payment_method
//   DE89370400440532013000  SEPA debit (Stripe's own test IBAN): session complete + unpaid, PaymentIntent
//                           processing; succeeds later (async_payment_succeeded)
//   DE62370400440532013001  SEPA debit that fails later (async_payment_failed)
// "Later" is `delayedSettleMs` after paying (default 3 s), or when a test calls settle() (null: only then).
//
// Switches (in process, and over HTTP under /_stand-in/ for the local stack and Playwright):
// deliver each event twice, hold deliveries and release them in any order, delay them, sign with a
// wrong secret or an old timestamp; list what was delivered and replay any event.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const STAND_IN_PAYMENT_NUMBERS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  delayedSucceeds: 'DE89370400440532013000',
  delayedFails: 'DE62370400440532013001',
} as const;

export interface StandInAccountInput {
  /** `sk_test_…` or `rk_test_…`: the key the SDK sends as `Authorization: Bearer`. */
  secretKey: string;
  /** `whsec_…`: what the webhooks are signed with. */
  webhookSecret: string;
  /** Where the events are POSTed; unset, they are recorded but not sent. */
  webhookUrl?: string;
  name: string;
  /** ISO code; lower-cased as Stripe writes it. */
  currency: string;
}

export interface DeliverySwitches {
  /** Send every event this many times (2: each arrives twice). */
  copies: number;
  /** Wait this long before sending each event. */
  delayMs: number;
  /** Keep events back until release() (to deliver out of order). */
  hold: boolean;
  /** Sign with a secret other than the account's. */
  badSignature: boolean;
  /** Sign with a timestamp this many seconds in the past (Stripe's tolerance is 300). 0: now. */
  signedSecondsAgo: number;
}

export interface Delivery {
  eventId: string;
  type: string;
  accountId: string;
  /** The receiver's HTTP status, or 0 when it could not be reached (or no URL was set). */
  status: number;
  signature: 'valid' | 'bad' | 'old';
  at: number;
}

type Obj = Record<string, unknown>;
type StripeEvent = Obj & { id: string; type: string };

interface Account {
  id: string;
  input: StandInAccountInput;
  object: Obj;
}

export interface StripeStandIn {
  /** For STRIPE_API_BASE. */
  url: string;
  port: number;
  addAccount(input: StandInAccountInput): { id: string };
  /**
   * The page the portal frames for the embedded flow, from the session's `client_secret` (as
   * Stripe.js's initEmbeddedCheckout takes only that): `<url>/checkout/<sessionId>?client_secret=…`.
   */
  checkoutPageUrl(clientSecret: string): string;
  /** What the page's Pay button does, in process. */
  pay(sessionId: string, paymentNumber: string, email?: string): PayOutcome;
  /** Ends a delayed payment now. */
  settle(sessionId: string, outcome: 'succeeded' | 'failed'): void;
  switches: DeliverySwitches;
  setSwitches(changes: Partial<DeliverySwitches>): void;
  /** Sends the held events: in the order they happened, reversed, or by the given event ids. */
  release(order?: 'as-happened' | 'reversed' | string[]): Promise<void>;
  held(): StripeEvent[];
  events(): StripeEvent[];
  deliveries(): Delivery[];
  /** Sends one recorded event again (with the current switches). */
  replay(eventId: string): Promise<void>;
  /** Resolves when every delivery started so far (not the held ones) has been answered. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export type PayOutcome =
  | { status: 'paid' }
  | { status: 'processing' }
  | { status: 'declined'; message: string }
  | { status: 'unavailable'; message: string };

class StripeApiError extends Error {
  readonly status: number;
  readonly body: { type: string; message: string; code?: string; param?: string; decline_code?: string };
  constructor(status: number, body: StripeApiError['body']) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

const invalid = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, { type: 'invalid_request_error', message, ...(param && { param }), ...(code && { code }) });
const missing = (kind: string, id: string, param = 'id') =>
  new StripeApiError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'`, param });

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const newId = (prefix: string, length = 24) => `${prefix}_${[...randomBytes(length)].map((b) => ALPHANUM[b % ALPHANUM.length]).join('')}`;
const now = () => Math.floor(Date.now() / 1000);

/**
 * Stripe's form encoding (`a[b][0][c]=1`, `expand[]=x`) into nested objects and arrays, as Stripe
 * reads it. URLSearchParams does the percent-decoding; only the brackets are ours.
 */
export function parseStripeForm(encoded: string): Obj {
  const root: Obj = Object.create(null);
  for (const [key, value] of new URLSearchParams(encoded)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match?.[1]) throw invalid(`Invalid parameter name: ${key}`);
    const path = [match[1], ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
    let node = root;
    path.forEach((segment, i) => {
      if (['__proto__', 'constructor', 'prototype'].includes(segment)) throw invalid(`Invalid parameter name: ${key}`);
      const name = segment === '' ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) node[name] = value;
      else {
        const next = node[name];
        if (typeof next === 'string') throw invalid(`Invalid parameter: ${key}`, key);
        if (next === undefined) node[name] = Object.create(null) as Obj;
        node = node[name] as Obj;
      }
    });
  }
  return arraysFromIndexes(root) as Obj;
}

function arraysFromIndexes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, arraysFromIndexes(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/** Params compared for idempotency: the same object whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Obj)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

function integerParam(v: unknown, param: string, min: number): number {
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw invalid(`Invalid integer: ${String(v ?? '')}`, param);
  const n = Number(v);
  if (n < min) throw invalid(`This value must be greater than or equal to ${min}.`, param);
  return n;
}

function metadataParam(v: unknown, param: string): Record<string, string> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid('Invalid object', param);
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw invalid('Invalid string', `${param}[${k}]`);
    if (k.length > 40) throw invalid('Metadata keys can have up to 40 characters.', `${param}[${k}]`);
    if (value.length > 500) throw invalid('Metadata values can have up to 500 characters.', `${param}[${k}]`);
    if (value !== '') out[k] = value;
  }
  return out;
}

const SESSION_PARAMS = new Set([
  'mode',
  'ui_mode',
  'line_items',
  'metadata',
  'return_url',
  'client_reference_id',
  'payment_intent_data',
  'customer_email',
  'expires_at',
  'expand',
  'payment_method_types',
  'locale',
  'redirect_on_completion',
]);

export async function startStripeStandIn(options: { port?: number; delayedSettleMs?: number | null } = {}): Promise<StripeStandIn> {
  const delayedSettleMs = options.delayedSettleMs === undefined ? 3_000 : options.delayedSettleMs;
  const byKey = new Map<string, Account>();
  // Every object by id, with its owner: another account's id is "No such …", as on Stripe.
  const objects = new Map<string, { account: Account; object: Obj }>();
  const idempotent = new Map<string, { route: string; params: string; status: number; body: string }>();
  const events: StripeEvent[] = [];
  const eventAccount = new Map<string, Account>();
  const deliveries: Delivery[] = [];
  let heldEvents: StripeEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const switches: DeliverySwitches = { copies: 1, delayMs: 0, hold: false, badSignature: false, signedSecondsAgo: 0 };

  const store = (account: Account, object: Obj) => {
    objects.set(String(object.id), { account, object });
    return object;
  };
  const find = (account: Account, kind: string, id: string, prefix: string): Obj => {
    const found = objects.get(id);
    if (!id.startsWith(prefix) || !found || found.account !== account) throw missing(kind, id);
    return found.object;
  };

  // --- Events and their delivery ---------------------------------------------------------------
  function emit(account: Account, type: string, object: Obj) {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.push(event);
    eventAccount.set(event.id, account);
    if (switches.hold) heldEvents.push(event);
    else send(event);
  }

  function send(event: StripeEvent) {
    const { copies, delayMs } = switches;
    const run = async () => {
      if (delayMs > 0) await new Promise<void>((resolve) => track(setTimeout(resolve, delayMs)));
      for (let i = 0; i < copies; i++) await deliverOnce(event);
    };
    const p = run().finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  }

  const track = (timer: NodeJS.Timeout) => {
    timers.add(timer);
    return timer;
  };

  async function deliverOnce(event: StripeEvent) {
    const account = eventAccount.get(event.id) as Account;
    const payload = JSON.stringify(event, null, 2);
    const signature: Delivery['signature'] = switches.badSignature ? 'bad' : switches.signedSecondsAgo > 0 ? 'old' : 'valid';
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: switches.badSignature ? `whsec_not_${account.input.webhookSecret}` : account.input.webhookSecret,
      timestamp: now() - switches.signedSecondsAgo,
    });
    let status = 0;
    if (account.input.webhookUrl) {
      try {
        const res = await fetch(account.input.webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'stripe-signature': header,
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.body?.cancel();
      } catch {
        status = 0;
      }
    }
    deliveries.push({ eventId: event.id, type: event.type, accountId: account.id, status, signature, at: Date.now() });
  }

  // --- Payments --------------------------------------------------------------------------------
  function paymentIntentFor(account: Account, session: Obj): Obj {
    const existing = str(session.payment_intent);
    if (existing) return find(account, 'payment_intent', existing, 'pi_');
    const pi = store(account, {
      id: newId('pi'),
      object: 'payment_intent',
      amount: session.amount_total,
      amount_received: 0,
      currency: session.currency,
      created: now(),
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: structuredClone(obj(session.__payment_intent_metadata)),
      payment_method_types: ['card'],
      status: 'requires_payment_method',
    });
    session.payment_intent = pi.id;
    return pi;
  }

  function charge(account: Account, pi: Obj, status: 'succeeded' | 'pending' | 'failed', method: string): Obj {
    const ch = store(account, {
      id: newId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: status === 'failed' ? 0 : pi.amount,
      amount_refunded: 0,
      captured: status !== 'failed',
      created: now(),
      currency: pi.currency,
      livemode: false,
      metadata: structuredClone(obj(pi.metadata)),
      paid: status === 'succeeded',
      payment_intent: pi.id,
      payment_method_details: { type: method },
      refunded: false,
      status,
    });
    pi.latest_charge = ch.id;
    return ch;
  }

  const sessionOf = (sessionId: string) => {
    const found = objects.get(sessionId);
    if (!sessionId.startsWith('cs_') || !found) return undefined;
    return found;
  };

  function pay(sessionId: string, paymentNumber: string, email?: string): PayOutcome {
    const found = sessionOf(sessionId);
    if (!found) return { status: 'unavailable', message: 'This checkout session does not exist.' };
    const { account, object: session } = found;
    if (session.status !== 'open') {
      return { status: 'unavailable', message: `This checkout session is ${String(session.status)} and can no longer be paid.` };
    }
    const number = paymentNumber.replace(/\s+/g, '').toUpperCase();
    const pi = paymentIntentFor(account, session);
    const customerEmail = email || str(session.customer_email) || null;
    if (number === STAND_IN_PAYMENT_NUMBERS.declined) {
      charge(account, pi, 'failed', 'card');
      pi.last_payment_error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      };
      return { status: 'declined', message: 'Your card was declined. Try another card.' };
    }
    const delayed = number === STAND_IN_PAYMENT_NUMBERS.delayedSucceeds || number === STAND_IN_PAYMENT_NUMBERS.delayedFails;
    if (number !== STAND_IN_PAYMENT_NUMBERS.succeeds && !delayed) {
      return {
        status: 'declined',
        message: `Not a test number of this Stripe stand-in: use ${Object.values(STAND_IN_PAYMENT_NUMBERS).join(', ')}.`,
      };
    }
    pi.last_payment_error = null;
    session.status = 'complete';
    session.customer_details = { email: customerEmail };
    if (!delayed) {
      charge(account, pi, 'succeeded', 'card');
      Object.assign(pi, { status: 'succeeded', amount_received: pi.amount });
      session.payment_status = 'paid';
      emit(account, 'checkout.session.completed', session);
      return { status: 'paid' };
    }
    charge(account, pi, 'pending', 'sepa_debit');
    pi.status = 'processing';
    pi.payment_method_types = ['sepa_debit'];
    session.payment_status = 'unpaid';
    session.__settles = number === STAND_IN_PAYMENT_NUMBERS.delayedSucceeds ? 'succeeded' : 'failed';
    emit(account, 'checkout.session.completed', session);
    if (delayedSettleMs !== null) {
      const outcome = session.__settles as 'succeeded' | 'failed';
      track(setTimeout(() => settle(sessionId, outcome), delayedSettleMs));
    }
    return { status: 'processing' };
  }

  function settle(sessionId: string, outcome: 'succeeded' | 'failed') {
    const found = sessionOf(sessionId);
    if (!found) throw new Error(`No checkout session ${sessionId}`);
    const { account, object: session } = found;
    const pi = find(account, 'payment_intent', String(session.payment_intent), 'pi_');
    if (pi.status !== 'processing') return; // settled already (by the timer or a test)
    const ch = find(account, 'charge', String(pi.latest_charge), 'ch_');
    if (outcome === 'succeeded') {
      Object.assign(ch, { status: 'succeeded', paid: true });
      Object.assign(pi, { status: 'succeeded', amount_received: pi.amount });
      session.payment_status = 'paid';
      emit(account, 'checkout.session.async_payment_succeeded', session);
    } else {
      Object.assign(ch, { status: 'failed', captured: false, amount_captured: 0 });
      Object.assign(pi, {
        status: 'requires_payment_method',
        last_payment_error: {
          type: 'invalid_request_error',
          code: 'payment_method_provider_decline',
          message: 'The debit was not completed.',
        },
      });
      emit(account, 'checkout.session.async_payment_failed', session);
    }
  }

  // --- The API ---------------------------------------------------------------------------------
  /** Objects as Stripe shows them: internal fields (`__…`) dropped, `expand` paths replaced by objects. */
  function present(account: Account, object: Obj, expand: unknown): Obj {
    const view = structuredClone(object);
    const hide = (o: Obj) => {
      for (const k of Object.keys(o)) if (k.startsWith('__')) delete o[k];
    };
    hide(view);
    const paths = Array.isArray(expand) ? expand.map(String) : [];
    for (const path of paths) {
      let node: Obj = view;
      for (const field of path.split('.')) {
        const id = node[field];
        if (id === null) break; // an expandable field not set yet (a session's PaymentIntent before paying)
        if (typeof id === 'string') {
          const found = objects.get(id);
          if (!found || found.account !== account) break;
          node[field] = structuredClone(found.object);
          hide(node[field] as Obj);
        } else if (typeof id !== 'object') {
          throw invalid(`This property cannot be expanded (${field}).`, 'expand');
        }
        node = node[field] as Obj;
      }
    }
    return view;
  }

  function createSession(account: Account, p: Obj): Obj {
    for (const key of Object.keys(p)) if (!SESSION_PARAMS.has(key)) throw invalid(`Received unknown parameter: ${key}`, key);
    if (p.mode !== 'payment') throw invalid('This Stripe stand-in supports only mode `payment`.', 'mode');
    if (p.ui_mode !== 'embedded_page') throw invalid('This Stripe stand-in supports only ui_mode `embedded_page`.', 'ui_mode');
    const returnUrl = str(p.return_url);
    if (!returnUrl) throw invalid('You must provide a `return_url` when using ui_mode `embedded_page`.', 'return_url');
    if (!Array.isArray(p.line_items) || p.line_items.length === 0) {
      throw invalid('You must provide at least one line item.', 'line_items');
    }
    let currency: string | undefined;
    let total = 0;
    const lineItems = p.line_items.map((raw, i) => {
      const item = obj(raw);
      const priceData = obj(item.price_data);
      const param = `line_items[${i}][price_data]`;
      const itemCurrency = str(priceData.currency)?.toLowerCase();
      if (!itemCurrency) throw invalid('Missing required param: currency.', `${param}[currency]`);
      if (currency && itemCurrency !== currency) throw invalid('Checkout does not support multiple currencies.', `${param}[currency]`);
      currency = itemCurrency;
      const name = str(obj(priceData.product_data).name);
      if (!name) throw invalid('Missing required param: product_data[name].', `${param}[product_data][name]`);
      const unitAmount = integerParam(priceData.unit_amount, `${param}[unit_amount]`, 0);
      const quantity = integerParam(item.quantity, `line_items[${i}][quantity]`, 1);
      total += unitAmount * quantity;
      return { description: name, quantity, unit_amount: unitAmount, amount_total: unitAmount * quantity };
    });
    if (total < 1) throw invalid('The Checkout Session’s total amount due must be greater than zero.', 'line_items');
    const id = newId('cs_test', 58);
    const created = now();
    return store(account, {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      client_reference_id: str(p.client_reference_id) ?? null,
      client_secret: `${id}_secret_${newId('x', 24).slice(2)}`,
      created,
      currency,
      customer_details: null,
      customer_email: str(p.customer_email) ?? null,
      expires_at: p.expires_at === undefined ? created + 24 * 3600 : integerParam(p.expires_at, 'expires_at', created),
      livemode: false,
      metadata: metadataParam(p.metadata, 'metadata'),
      mode: 'payment',
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      return_url: returnUrl,
      status: 'open',
      ui_mode: 'embedded_page',
      url: null,
      __line_items: lineItems,
      __payment_intent_metadata: metadataParam(obj(p.payment_intent_data).metadata, 'payment_intent_data[metadata]'),
    });
  }

  function refund(account: Account, p: Obj): Obj {
    const piId = str(p.payment_intent);
    const chargeId = str(p.charge);
    if (!piId && !chargeId) throw invalid('One of the following params should be provided for this request: payment_intent or charge.');
    const pi = piId ? find(account, 'payment_intent', piId, 'pi_') : undefined;
    const ch = chargeId
      ? find(account, 'charge', chargeId, 'ch_')
      : pi?.latest_charge
        ? find(account, 'charge', String(pi.latest_charge), 'ch_')
        : undefined;
    if (ch?.status !== 'succeeded') {
      throw invalid(
        `This PaymentIntent (${piId ?? chargeId}) does not have a successful charge to refund.`,
        undefined,
        'charge_not_refundable',
      );
    }
    const left = Number(ch.amount) - Number(ch.amount_refunded);
    if (left === 0) throw invalid(`Charge ${String(ch.id)} has already been refunded.`, undefined, 'charge_already_refunded');
    const amount = p.amount === undefined ? left : integerParam(p.amount, 'amount', 1);
    if (amount > left) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, 'amount', 'amount_too_large');
    }
    Object.assign(ch, { amount_refunded: Number(ch.amount_refunded) + amount, refunded: amount === left });
    const created = store(account, {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: ch.id,
      created: now(),
      currency: ch.currency,
      metadata: metadataParam(p.metadata, 'metadata'),
      payment_intent: ch.payment_intent,
      reason: str(p.reason) ?? null,
      status: 'succeeded',
    });
    emit(account, 'charge.refunded', ch);
    return created;
  }

  function route(account: Account, method: string, path: string, p: Obj): Obj {
    const parts = path.split('/').filter(Boolean); // ['v1', …]
    const [, resource, id, action] = parts;
    const sub = resource === 'checkout' ? parts[2] : undefined;
    if (method === 'GET' && path === '/v1/account') return present(account, account.object, p.expand);
    if (resource === 'checkout' && sub === 'sessions') {
      const sessionId = parts[3];
      if (method === 'POST' && parts.length === 3) return present(account, createSession(account, p), p.expand);
      if (method === 'GET' && sessionId && parts.length === 4) {
        return present(account, find(account, 'checkout.session', sessionId, 'cs_'), p.expand);
      }
      if (method === 'POST' && sessionId && parts[4] === 'expire' && parts.length === 5) {
        const session = find(account, 'checkout.session', sessionId, 'cs_');
        if (session.status !== 'open') {
          throw invalid(
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`,
            undefined,
            'checkout_session_not_open',
          );
        }
        Object.assign(session, { status: 'expired', client_secret: null });
        emit(account, 'checkout.session.expired', session);
        return present(account, session, p.expand);
      }
    }
    if (method === 'GET' && resource === 'payment_intents' && id && !action)
      return present(account, find(account, 'payment_intent', id, 'pi_'), p.expand);
    if (method === 'GET' && resource === 'charges' && id && !action) return present(account, find(account, 'charge', id, 'ch_'), p.expand);
    if (method === 'POST' && resource === 'refunds' && !id) return present(account, refund(account, p), p.expand);
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). This Stripe stand-in covers only what Portico uses (local/stripe-stand-in.ts).`,
    });
  }

  function authenticate(req: IncomingMessage): Account {
    const header = req.headers.authorization ?? '';
    const key = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!key) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    }
    const account = byKey.get(key);
    if (!account) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        code: 'api_key_invalid',
        message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
      });
    }
    return account;
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const method = req.method ?? 'GET';
    const reply = (status: number, json: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': newId('req', 14),
        'stripe-version': Stripe.API_VERSION,
        ...headers,
      });
      res.end(json);
    };
    try {
      const account = authenticate(req);
      const params = method === 'GET' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(body);
      const key = req.headers['idempotency-key'];
      const idemKey = method === 'POST' && typeof key === 'string' && key ? `${account.id}\n${key}` : undefined;
      const routeName = `${method} ${url.pathname}`;
      if (idemKey) {
        const seen = idempotent.get(idemKey);
        if (seen) {
          if (seen.route !== routeName || seen.params !== canonical(params)) {
            throw new StripeApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${String(key)}' if you meant to execute a different request.`,
            });
          }
          return reply(seen.status, seen.body, { 'idempotent-replayed': 'true', 'idempotency-key': String(key) });
        }
      }
      const json = JSON.stringify(route(account, method, url.pathname, params), null, 2);
      // As on Stripe, a request refused before it ran (bad params) saves no result under its key.
      if (idemKey) idempotent.set(idemKey, { route: routeName, params: canonical(params), status: 200, body: json });
      reply(200, json, idemKey ? { 'idempotency-key': String(key) } : {});
    } catch (e) {
      if (!(e instanceof StripeApiError)) throw e;
      reply(e.status, JSON.stringify({ error: e.body }, null, 2));
    }
  }

  // --- The checkout page (what the portal frames instead of Stripe.js's embedded Checkout) -----
  function checkoutPage(res: ServerResponse, url: URL, sessionId: string, form?: URLSearchParams) {
    const clientSecret = form?.get('client_secret') ?? url.searchParams.get('client_secret') ?? '';
    const found = sessionOf(sessionId);
    const page = (status: number, title: string, inner: string, result?: Obj) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        // No X-Frame-Options or frame-ancestors: the portal frames this page, as it would Stripe's.
        'cache-control': 'no-store',
      });
      // The frame tells the portal the outcome (as Stripe.js's onComplete would); the portal navigates
      // to the return URL itself, since browsers may block a cross-origin frame from moving the top page.
      const script = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
      const message = result
        ? `<script>parent.postMessage(${script({ source: 'stripe-stand-in', ...result })}, '*');${result.returnUrl ? `try { window.top.location.href = ${script(result.returnUrl)}; } catch {}` : ''}</script>`
        : '';
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font:16px system-ui,sans-serif;margin:1rem;color:#1a1a1a}label,input,button{display:block;width:100%;box-sizing:border-box;margin:.5rem 0}input,button{padding:.75rem;font-size:1rem}button{background:#635bff;color:#fff;border:0;border-radius:6px}.error{color:#b00020}.banner{font-size:.8rem;color:#555}</style>
</head><body><p class="banner">Local Stripe stand-in: no real payment is made.</p><h1>${esc(title)}</h1>${inner}${message}</body></html>`);
    };
    if (!found || found.object.client_secret !== clientSecret || !clientSecret) {
      return page(404, 'Checkout unavailable', '<p class="error" role="alert">This checkout link is not valid.</p>');
    }
    const session = found.object;
    const amount = `${(Number(session.amount_total) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
    const formHtml = (error?: string) => `<p>Pay ${esc(amount)} to ${esc(found.account.input.name)}</p>
${error ? `<p class="error" role="alert" id="payment-error">${esc(error)}</p>` : ''}
<form method="post" action="/checkout/${esc(sessionId)}/pay">
<input type="hidden" name="client_secret" value="${esc(clientSecret)}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" value="${esc(str(session.customer_email) ?? '')}">
<label for="number">Card number or IBAN</label><input id="number" name="number" inputmode="numeric" autocomplete="cc-number" required>
<button type="submit">Pay ${esc(amount)}</button></form>`;
    if (!form) {
      if (session.status !== 'open')
        return page(410, 'Checkout closed', `<p class="error" role="alert">This checkout session is ${esc(String(session.status))}.</p>`);
      return page(200, 'Pay', formHtml());
    }
    const outcome = pay(sessionId, form.get('number') ?? '', form.get('email') ?? undefined);
    const returnUrl = String(session.return_url).replaceAll('{CHECKOUT_SESSION_ID}', sessionId);
    if (outcome.status === 'paid')
      return page(200, 'Payment complete', `<p role="status">Paid. <a href="${esc(returnUrl)}" target="_top">Back</a></p>`, {
        status: 'complete',
        sessionId,
        returnUrl,
      });
    if (outcome.status === 'processing') {
      return page(
        200,
        'Payment processing',
        `<p role="status">Your debit is processing. <a href="${esc(returnUrl)}" target="_top">Back</a></p>`,
        { status: 'complete', sessionId, returnUrl },
      );
    }
    if (outcome.status === 'declined')
      return page(402, 'Pay', formHtml(outcome.message), { status: 'declined', sessionId, message: outcome.message });
    return page(410, 'Checkout closed', `<p class="error" role="alert">${esc(outcome.message)}</p>`);
  }

  // --- The switches over HTTP (/_stand-in/…, JSON), for the local stack and browser tests -------
  async function control(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const input = body ? (JSON.parse(body) as Obj) : {};
    const [, , what, id, action] = url.pathname.split('/');
    if (req.method === 'POST' && what === 'accounts') return json(200, standIn.addAccount(input as unknown as StandInAccountInput));
    if (req.method === 'GET' && what === 'switches') return json(200, switches);
    if (req.method === 'POST' && what === 'switches') {
      standIn.setSwitches(input as Partial<DeliverySwitches>);
      return json(200, switches);
    }
    if (req.method === 'POST' && what === 'release') {
      await standIn.release(input.order as Parameters<StripeStandIn['release']>[0]);
      return json(200, { released: true });
    }
    if (req.method === 'GET' && what === 'events') return json(200, { events, held: heldEvents.map((e) => e.id) });
    if (req.method === 'GET' && what === 'deliveries') return json(200, deliveries);
    if (req.method === 'POST' && what === 'events' && id && action === 'replay') {
      await standIn.replay(id);
      return json(200, { replayed: id });
    }
    if (req.method === 'POST' && what === 'sessions' && id && action === 'settle') {
      standIn.settle(id, input.outcome === 'failed' ? 'failed' : 'succeeded');
      return json(200, { settled: id });
    }
    json(404, { error: 'unknown stand-in control' });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const checkout = /^\/checkout\/(cs_[A-Za-z0-9_]+)(\/pay)?$/.exec(url.pathname);
      const handled = url.pathname.startsWith('/v1/')
        ? api(req, res, url, body)
        : url.pathname.startsWith('/_stand-in/')
          ? control(req, res, url, body)
          : checkout?.[1] && (req.method === 'GET' || (req.method === 'POST' && checkout[2]))
            ? Promise.resolve(checkoutPage(res, url, checkout[1], req.method === 'POST' ? new URLSearchParams(body) : undefined))
            : Promise.resolve(void res.writeHead(404).end());
      handled.catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: e instanceof Error ? e.message : String(e) } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const standIn: StripeStandIn = {
    url,
    port,
    addAccount(input) {
      if (!/^(sk|rk)_test_/.test(input.secretKey)) throw new Error('A stand-in key starts with sk_test_ or rk_test_');
      if (byKey.has(input.secretKey)) throw new Error('That secret key is registered already');
      // A stable id per key, so a restarted stand-in shows the same account for the same key.
      const id = `acct_${createHash('sha256').update(input.secretKey).digest('hex').slice(0, 16)}`;
      const account: Account = {
        id,
        input: { ...input, currency: input.currency.toLowerCase() },
        object: {
          id,
          object: 'account',
          business_profile: { name: input.name },
          charges_enabled: true,
          country: 'GB',
          default_currency: input.currency.toLowerCase(),
          settings: { dashboard: { display_name: input.name } },
          type: 'standard',
        },
      };
      byKey.set(input.secretKey, account);
      return { id };
    },
    checkoutPageUrl(clientSecret) {
      const sessionId = clientSecret.split('_secret_')[0] ?? '';
      return `${url}/checkout/${sessionId}?client_secret=${encodeURIComponent(clientSecret)}`;
    },
    pay,
    settle,
    switches,
    setSwitches(changes) {
      Object.assign(switches, changes);
    },
    async release(order = 'as-happened') {
      const held = heldEvents;
      heldEvents = [];
      const picked = Array.isArray(order)
        ? order.map((id) => {
            const e = held.find((h) => h.id === id);
            if (!e) throw new Error(`Event ${id} is not held`);
            return e;
          })
        : order === 'reversed'
          ? [...held].reverse()
          : held;
      heldEvents = held.filter((e) => !picked.includes(e));
      // One after another, so the receiver sees them in exactly this order.
      for (const e of picked) await send(e);
    },
    held: () => [...heldEvents],
    events: () => [...events],
    deliveries: () => [...deliveries],
    async replay(eventId) {
      const event = events.find((e) => e.id === eventId);
      if (!event) throw new Error(`No event ${eventId}`);
      await send(event);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      // The SDK keeps its connections alive; close() alone would wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
