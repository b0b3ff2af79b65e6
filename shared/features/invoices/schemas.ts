// Invoices' and payments' request and answer schemas, and the types inferred from them.
import * as z from 'zod/mini';
import { PageQuery } from '../../paging.ts';
import { Email, HeaderSafeText, IntBetween, IsoDate, named, Text, Uuid } from '../../schemas.ts';
import {
  BASIS_POINTS,
  CHECKOUT_OUTCOMES,
  CURRENCIES,
  INVOICE_KINDS,
  INVOICE_LIMITS,
  INVOICE_STATUSES,
  MAX_LINE_ITEMS,
  MAX_QUANTITY,
  MAX_SCHEDULE_PARTS,
  MAX_UNIT_PRICE,
  PAYMENT_METHODS,
  PAYMENT_STATES,
} from './constants.ts';

export const InvoiceParams = z.strictObject({ invoiceId: Uuid });
export const ProjectParams = z.strictObject({ projectId: Uuid });
export const CheckoutParams = z.strictObject({
  invoiceId: Uuid,
  sessionId: z.string().check(z.regex(/^cs_[A-Za-z0-9_]{8,200}$/, { error: 'must be a Checkout Session id (cs_…)' })),
});
/** The studio whose Stripe account signed the event: its webhook signing secret verifies it. */
export const WebhookParams = z.strictObject({ studioId: Uuid });

export const CurrencyCode = z.enum(CURRENCIES as [(typeof CURRENCIES)[number], ...(typeof CURRENCIES)[number][]]);
const Minor = IntBetween(0, Number.MAX_SAFE_INTEGER);

/** A share: a percentage in basis points (2500 = 25 %) or an amount in minor units. */
export const Portion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), basisPoints: IntBetween(1, BASIS_POINTS) }),
  z.strictObject({ kind: z.literal('amount'), minor: IntBetween(1, Number.MAX_SAFE_INTEGER) }),
]);
export type Portion = z.output<typeof Portion>;

const Discount = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), basisPoints: IntBetween(0, BASIS_POINTS) }),
  z.strictObject({ kind: z.literal('amount'), minor: Minor }),
]);

export const LineInput = z.strictObject({
  description: Text(1, INVOICE_LIMITS.description),
  /** Thousandths of a unit: 1500 is 1.5 (hours, days, prints). */
  quantity: IntBetween(1, MAX_QUANTITY),
  /** Minor units per unit (1050 = £10.50). */
  unitPrice: IntBetween(0, MAX_UNIT_PRICE),
  /** Basis points: 2000 = 20 %. */
  taxRate: IntBetween(0, BASIS_POINTS),
  discount: z.optional(Discount),
});
export type LineInput = z.output<typeof LineInput>;
const Lines = z.array(LineInput).check(z.minLength(1), z.maxLength(MAX_LINE_ITEMS));

/** What a deposit or an instalment is a share of: the project's fee, as lines. */
export const Fee = z.strictObject({ lines: Lines, discount: z.optional(Discount) });

/** Galleries whose originals and deliverables whose final files open only once the invoice is paid. */
export const Unlocks = z.strictObject({
  galleryIds: z.array(Uuid).check(z.maxLength(INVOICE_LIMITS.unlocks)),
  deliverableIds: z.array(Uuid).check(z.maxLength(INVOICE_LIMITS.unlocks)),
});
export type Unlocks = z.output<typeof Unlocks>;

const Notes = z.optional(Text(0, INVOICE_LIMITS.notes));
const Terms = z.optional(Text(0, INVOICE_LIMITS.terms));

const documentFields = {
  clientId: Uuid,
  currency: CurrencyCode,
  /** Today when left out. */
  issueDate: z.optional(IsoDate),
  /** The studio's usual terms (Settings → Invoicing) from the issue date when left out. */
  dueDate: z.optional(IsoDate),
  notes: Notes,
  terms: Terms,
  unlocks: z.optional(Unlocks),
};

export const CreateInvoiceBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('standard'),
    ...documentFields,
    projectId: z.optional(Uuid),
    lines: Lines,
    discount: z.optional(Discount),
  }),
  /** A share of the project's fee, billed before the work. */
  z.strictObject({
    kind: z.literal('deposit'),
    ...documentFields,
    projectId: Uuid,
    fee: Fee,
    portion: Portion,
  }),
  /** The project's fee, less what its deposit and instalments brought in (shown as lines). */
  z.strictObject({
    kind: z.literal('final'),
    ...documentFields,
    projectId: Uuid,
    lines: Lines,
    discount: z.optional(Discount),
  }),
]);
export type CreateInvoiceBody = z.output<typeof CreateInvoiceBody>;

/** A draft's changes: the same fields as when it was made (kind, client and project stay). */
export const UpdateInvoiceBody = z
  .strictObject({
    currency: z.optional(CurrencyCode),
    issueDate: z.optional(IsoDate),
    dueDate: z.optional(IsoDate),
    notes: Notes,
    terms: Terms,
    lines: z.optional(Lines),
    discount: z.optional(z.nullable(Discount)),
    fee: z.optional(Fee),
    portion: z.optional(Portion),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));
export type UpdateInvoiceBody = z.output<typeof UpdateInvoiceBody>;

/** A project's payment schedule: one draft instalment invoice per part, numbered in order. */
export const ScheduleBody = z.strictObject({
  clientId: Uuid,
  currency: CurrencyCode,
  fee: Fee,
  parts: z
    .array(z.strictObject({ label: HeaderSafeText(1, 80), portion: Portion, dueDate: IsoDate }))
    .check(z.minLength(1), z.maxLength(MAX_SCHEDULE_PARTS)),
  notes: Notes,
  terms: Terms,
});
export type ScheduleBody = z.output<typeof ScheduleBody>;

export const VoidBody = z.strictObject({ reason: Text(1, INVOICE_LIMITS.voidReason) });

export const InvoiceListQuery = z.strictObject({
  ...PageQuery.shape,
  status: z.optional(z.enum(INVOICE_STATUSES)),
  clientId: z.optional(Uuid),
  projectId: z.optional(Uuid),
});
export type InvoiceListQuery = z.output<typeof InvoiceListQuery>;
export const ExportQuery = z.strictObject({ from: z.optional(IsoDate), to: z.optional(IsoDate) });

// ── Settings ───────────────────────────────────────────────────────────────────────────────────

export const ConnectStripeBody = z.strictObject({
  /** A restricted key (rk_live_… or rk_test_…); a full secret key (sk_…) is accepted too, but not advised. */
  secretKey: z
    .string()
    .check(z.regex(/^(rk|sk)_(live|test)_[A-Za-z0-9]{10,247}$/, { error: 'must be a Stripe secret key (rk_live_… or rk_test_…)' })),
  webhookSecret: z.string().check(z.regex(/^whsec_[A-Za-z0-9+/=]{10,200}$/, { error: 'must be a webhook signing secret (whsec_…)' })),
  /** The publishable key (pk_…) that opens the embedded Checkout in the portal. */
  publishableKey: z
    .string()
    .check(z.regex(/^pk_(live|test)_[A-Za-z0-9]{10,247}$/, { error: 'must be a publishable key (pk_live_… or pk_test_…)' })),
});
export type ConnectStripeBody = z.output<typeof ConnectStripeBody>;

const TaxId = z.strictObject({ label: HeaderSafeText(1, INVOICE_LIMITS.taxIdLabel), value: HeaderSafeText(1, INVOICE_LIMITS.taxIdValue) });
export const InvoicingSettingsBody = z.strictObject({
  legalName: HeaderSafeText(0, INVOICE_LIMITS.legalName),
  address: Text(0, INVOICE_LIMITS.address),
  email: z.optional(z.union([Email, z.literal('')])),
  taxIds: z.array(TaxId).check(z.maxLength(INVOICE_LIMITS.taxIds)),
  prefix: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, { error: 'must be capital letters, digits and dashes, like INV-' })),
  dueDays: IntBetween(0, INVOICE_LIMITS.maxDueDays),
  defaultTerms: Text(0, INVOICE_LIMITS.terms),
  defaultCurrency: CurrencyCode,
});
export type InvoicingSettingsBody = z.output<typeof InvoicingSettingsBody>;

export const StripeConnection = z.object({
  connected: z.boolean(),
  accountId: z.nullable(z.string()),
  accountName: z.nullable(z.string()),
  currency: z.nullable(z.string()),
  livemode: z.nullable(z.boolean()),
  /** The key's first and last characters (rk_live_…a1b2): the key itself is never returned. */
  keyHint: z.nullable(z.string()),
  publishableKey: z.nullable(z.string()),
  connectedAt: z.nullable(z.string()),
  /** The endpoint to add in Stripe's dashboard (Developers → Webhooks). */
  webhookUrl: z.string(),
  events: z.array(z.string()),
  permissions: z.array(z.string()),
});
export const BillingSettings = named(
  z.object({ stripe: StripeConnection, invoicing: z.object({ ...InvoicingSettingsBody.shape, email: z.string() }) }),
  'BillingSettings',
);
export type BillingSettings = z.infer<typeof BillingSettings>;

// ── Views ──────────────────────────────────────────────────────────────────────────────────────

const Status = z.enum(INVOICE_STATUSES);
const Kind = z.enum(INVOICE_KINDS);

export const InvoiceSummary = named(
  z.object({
    invoiceId: z.string(),
    number: z.string(),
    kind: Kind,
    status: Status,
    currency: CurrencyCode,
    client: z.object({ clientId: z.string(), name: z.string() }),
    project: z.nullable(z.object({ projectId: z.string(), title: z.string() })),
    issueDate: z.string(),
    dueDate: z.string(),
    total: Minor,
    paid: Minor,
    /** What is left to pay: the total, less the deductions, less what was received (refunds put back). */
    amountDue: Minor,
    /** A bank debit Stripe has not settled: the invoice waits for it. */
    processing: z.boolean(),
    sentAt: z.nullable(z.string()),
    paidAt: z.nullable(z.string()),
  }),
  'InvoiceSummary',
);
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

const LineView = z.object({
  description: z.string(),
  quantity: z.int(),
  unitPrice: z.int(),
  taxRate: z.int(),
  subtotal: z.int(),
  discount: z.int(),
  net: z.int(),
  tax: z.int(),
  total: z.int(),
});
const TotalsView = z.object({
  subtotal: z.int(),
  discount: z.int(),
  net: z.int(),
  tax: z.int(),
  taxByRate: z.array(z.object({ taxRate: z.int(), net: z.int(), tax: z.int() })),
  total: z.int(),
});
export const PaymentView = z.object({
  paymentId: z.string(),
  method: z.enum(PAYMENT_METHODS),
  state: z.enum(PAYMENT_STATES),
  amount: Minor,
  refunded: Minor,
  receivedAt: z.string(),
  reference: z.nullable(z.string()),
});
export type PaymentView = z.infer<typeof PaymentView>;
const Ref = z.object({ id: z.string(), title: z.string() });

const documentView = {
  lines: z.array(LineView),
  totals: TotalsView,
  /** Deposits and instalments the final invoice deducts, as printed. */
  deductions: z.array(z.object({ label: z.string(), amount: Minor })),
  notes: z.string(),
  terms: z.string(),
  voidReason: z.nullable(z.string()),
  unlocks: z.object({ galleries: z.array(Ref), deliverables: z.array(Ref) }),
  payments: z.array(PaymentView),
};

export const InvoiceDetail = named(
  z.object({
    ...InvoiceSummary.shape,
    ...documentView,
    portion: z.nullable(Portion),
    reminders: z.object({ sent: z.int(), lastAt: z.nullable(z.string()) }),
  }),
  'InvoiceDetail',
);
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const CheckoutState = z.object({
  outcome: z.enum(CHECKOUT_OUTCOMES),
  /** What the client reads: "Paid", "Your bank payment is processing", "Your card was declined". */
  message: z.string(),
});
export type CheckoutState = z.infer<typeof CheckoutState>;

export const ClientInvoice = named(
  z.object({
    ...InvoiceSummary.shape,
    ...documentView,
    studio: z.object({ name: z.string(), legalName: z.string(), address: z.string(), email: z.string(), taxIds: z.array(TaxId) }),
    /** Whether "Pay" is offered: sent, something due, the studio connected to Stripe. */
    payable: z.boolean(),
    /** The latest Checkout attempt, when there is one. */
    checkout: z.nullable(CheckoutState),
  }),
  'ClientInvoice',
);
export type ClientInvoice = z.infer<typeof ClientInvoice>;

export const CheckoutStart = z.object({
  sessionId: z.string(),
  clientSecret: z.string(),
  amount: Minor,
  currency: CurrencyCode,
  /** Stripe.js mounts the embedded Checkout with it. */
  publishableKey: z.string(),
  /** Locally, the Stripe stand-in's page the portal frames instead of Stripe.js; null against Stripe. */
  standInUrl: z.nullable(z.string()),
});
export type CheckoutStart = z.infer<typeof CheckoutStart>;

export const CheckoutResult = z.object({ checkout: CheckoutState, invoice: ClientInvoice });

const MoneyByStatus = z.record(z.string(), z.object({ count: z.int(), total: Minor, due: Minor }));
export const BillingOverview = named(
  z.object({
    currencies: z.array(
      z.object({
        currency: CurrencyCode,
        byStatus: MoneyByStatus,
        outstanding: Minor,
        overdue: Minor,
        /** The last 12 months, oldest first: what came in (less refunds). */
        receivedByMonth: z.array(z.object({ month: z.string(), amount: z.int() })),
      }),
    ),
  }),
  'BillingOverview',
);
export type BillingOverview = z.infer<typeof BillingOverview>;
