// Invoices: the statuses, the currencies and their minor units, and the limits of the amount
// arithmetic (domain/money.ts). No zod here: the site imports this module too, and formats amounts
// with formatMoney below.

/**
 * An invoice's status. `overdue` is the status a sent or partly paid invoice reads as once its due
 * date passes unpaid; `void` keeps the invoice (with its reason) but nothing more can be paid on it.
 */
export const INVOICE_STATUSES = ['draft', 'sent', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_STATUS_NAMES: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
};

/**
 * How many decimal digits an amount of each currency has in Stripe's API: amounts are integers in
 * this many minor units (USD 1050 = $10.50; JPY 1050 = ¥1,050). Stripe's own table, which for HUF
 * keeps ISO's two decimals in the API (it only asks that payout amounts be whole forints), so HUF is
 * 2 here even though forints are shown without fillér. Codes are upper case as ISO writes them;
 * Stripe wants them lower case in requests (the adapter lowers them).
 */
export const CURRENCY_EXPONENTS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  SGD: 2,
  HKD: 2,
  MXN: 2,
  BRL: 2,
  ZAR: 2,
  JPY: 0,
  KRW: 0,
} as const satisfies Record<string, 0 | 2>;
export type Currency = keyof typeof CURRENCY_EXPONENTS;
export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as Currency[];

/**
 * Quantities are integer thousandths of a unit (1500 = 1.5 hours), so half days and 0.25 h are
 * exact without a float ever holding a quantity.
 */
export const QUANTITY_SCALE = 1000;
/** Basis points: 10000 = 100 %, 2000 = 20 % (tax rates, percentage discounts, deposits). */
export const BASIS_POINTS = 10_000;

export const MAX_LINE_ITEMS = 100;
/** One million units per line, in thousandths. */
export const MAX_QUANTITY = 1_000_000 * QUANTITY_SCALE;
/** Per unit, in minor units: 100 million in a two-decimal currency, 10 billion yen. */
export const MAX_UNIT_PRICE = 10_000_000_000;
/** Deposits, payments already received and earlier invoices deducted from one invoice. */
export const MAX_DEDUCTIONS = 50;
/** Parts of one payment schedule (a deposit, milestones, the balance). */
export const MAX_SCHEDULE_PARTS = 24;

// Building an Intl.NumberFormat costs far more than formatting with one, and an invoice PDF formats
// a few hundred amounts: one per locale and currency, kept for the process.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: Currency, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * An amount in minor units for display, e.g. formatMoney(123456, 'GBP') is "£1,234.56" and
 * formatMoney(1500, 'JPY') is "¥1,500". The amount reaches Intl as an exact decimal string, never as
 * `minor / 100`, so no amount up to Number.MAX_SAFE_INTEGER is shown a cent off.
 */
export function formatMoney(minor: number, currency: Currency, locale = 'en-GB'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an amount in minor units: ${minor}`);
  const digits = CURRENCY_EXPONENTS[currency];
  const abs = BigInt(Math.abs(minor))
    .toString()
    .padStart(digits + 1, '0');
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return moneyFormat(locale, currency, digits).format(`${minor < 0 ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

/**
 * What an invoice is for. A deposit or an instalment is a share of a project's fee; a final invoice
 * bills the fee and deducts, as lines, what the project's deposit and instalments brought in.
 */
export const INVOICE_KINDS = ['standard', 'deposit', 'instalment', 'final'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const INVOICE_KIND_NAMES: Record<InvoiceKind, string> = {
  standard: 'Invoice',
  deposit: 'Deposit invoice',
  instalment: 'Instalment invoice',
  final: 'Final invoice',
};

/** How a payment came in through Stripe Checkout: a card (settled at once) or a bank debit (days later). */
export const PAYMENT_METHODS = ['card', 'bank_debit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** `processing` is a bank debit Stripe has not settled yet; `failed` one it refused after all. */
export const PAYMENT_STATES = ['processing', 'succeeded', 'failed'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** What the client's return from Checkout (and the Billing tab) says about their latest attempt. */
export const CHECKOUT_OUTCOMES = ['paid', 'processing', 'failed', 'open', 'expired'] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];

export const INVOICE_LIMITS = {
  description: 500,
  notes: 2_000,
  terms: 2_000,
  voidReason: 500,
  legalName: 120,
  address: 400,
  taxIds: 5,
  taxIdLabel: 30,
  taxIdValue: 40,
  prefix: 12,
  /** Days from issue to due a new invoice starts with. */
  maxDueDays: 365,
  /** Galleries and deliverables one invoice can hold back until paid. */
  unlocks: 20,
  /** Overdue reminders stop after this many (one a day). */
  reminders: 30,
} as const;

/** The permissions the studio's restricted key needs (Settings → Payments says so). */
export const STRIPE_KEY_PERMISSIONS = [
  'Checkout Sessions: Write',
  'PaymentIntents: Read',
  'Charges: Read',
  'Refunds: Read',
  'Account: Read (Connected accounts and settings)',
] as const;

/** The events the studio's webhook endpoint must send (and the only ones Portico acts on). */
export const STRIPE_WEBHOOK_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
] as const;
export type StripeWebhookEvent = (typeof STRIPE_WEBHOOK_EVENTS)[number];

/** An invoice's number as printed: the studio's prefix and at least four digits (INV-0042). */
export const invoiceNumber = (prefix: string, seq: number): string => `${prefix}${String(seq).padStart(4, '0')}`;
