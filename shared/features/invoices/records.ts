// Invoices: an invoice's partition INVOICE#<invoiceId> holds its META (the document, what was paid,
// the latest Checkout attempt), its payments (one per PaymentIntent) and, once sent, its clients'
// pointers (on each client's GSI1 partition). The studio's numbering counter,
// Stripe connection and invoicing details sit in the studio's partition; Stripe's events are recorded
// once each; gates hold galleries and deliverables back until an invoice is paid.
import type { FeatureRecords } from '../../data/records.ts';
import { keys as projectKeys } from '../projects/index.ts';
import type { Currency, InvoiceKind, PaymentMethod, PaymentState } from './constants.ts';
import type { Deduction, Discount, LineInput, Portion } from './domain/money.ts';

/** What is stored: `overdue` is read from the due date (rules.ts statusOf), never stored. */
export type StoredStatus = 'draft' | 'sent' | 'partially_paid' | 'paid' | 'void';

export interface CheckoutAttempt {
  sessionId: string;
  amount: number;
  /** Part of the session's idempotency key: a new attempt once the last one expired or failed. */
  attempt: number;
  outcome: 'paid' | 'processing' | 'failed' | 'open' | 'expired';
  at: string;
}

export interface InvoiceRecord {
  invoiceId: string;
  studioId: string;
  seq: number;
  number: string;
  kind: InvoiceKind;
  status: StoredStatus;
  currency: Currency;
  client: { clientId: string; name: string; email: string };
  project: { projectId: string; title: string } | null;
  issueDate: string;
  dueDate: string;
  lines: LineInput[];
  discount: Discount | null;
  /** A deposit's or instalment's: the fee it is a share of, and the share. */
  fee: { lines: LineInput[]; discount: Discount | null } | null;
  portion: Portion | null;
  label: string | null;
  /** A final invoice's deposits and instalments, fixed when it is sent (read live while a draft). */
  deductions: Deduction[];
  /** The document's total and what it asks for (total less deductions), kept for lists and sums. */
  total: number;
  amountDue: number;
  /** Received, less refunds; a bank debit not yet settled. */
  paid: number;
  processing: number;
  notes: string;
  terms: string;
  voidReason: string | null;
  unlocks: { galleries: { id: string; title: string }[]; deliverables: { id: string; title: string }[] };
  checkout: CheckoutAttempt | null;
  reminders: { sent: number; lastOn: string | null };
  /** Whether the sent invoice's PDF is in the bucket (objects.invoicePdf); a draft's is made when asked for. */
  pdfStored: boolean;
  createdBy: { userId: string; name: string };
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  paidAt: string | null;
  /** Counts writes: each is conditional on the one it read, so payments and edits never lose one. */
  version: number;
}

export interface PaymentRecord {
  paymentId: string;
  invoiceId: string;
  studioId: string;
  method: PaymentMethod;
  state: PaymentState;
  amount: number;
  refunded: number;
  currency: Currency;
  receivedAt: string;
  /** The card's brand and last four, or the bank's name: what the receipt shows. */
  reference: string | null;
  /** The Checkout Session that took it (the paymentId is its PaymentIntent's id). */
  sessionId: string;
  /** When the receipt went to the client and the studio was told: each claimed once. */
  receiptAt: string | null;
  notifiedAt: string | null;
}

/** A client's pointer to a sent invoice of theirs, on their GSI1 partition. */
export interface ClientInvoicePointer {
  invoiceId: string;
  studioId: string;
  clientId: string;
}

export interface StripeSettingsRecord {
  studioId: string;
  accountId: string;
  accountName: string;
  currency: string;
  livemode: boolean;
  keyHint: string;
  publishableKey: string;
  /** The restricted key and the webhook signing secret, envelope-encrypted (shared/adapters/vault.ts). */
  sealed: { secretKey: string; webhookSecret: string };
  connectedAt: string;
}

export interface InvoicingSettingsRecord {
  studioId: string;
  legalName: string;
  address: string;
  email: string;
  taxIds: { label: string; value: string }[];
  prefix: string;
  dueDays: number;
  defaultTerms: string;
  defaultCurrency: Currency;
}

export interface CounterRecord {
  last: number;
}

export interface GateRecord {
  targetId: string;
  target: 'gallery' | 'deliverable';
  invoiceId: string;
  studioId: string;
}

export interface OpenInvoiceRecord {
  invoiceId: string;
  studioId: string;
  dueDate: string;
}

const invoicePartition = (invoiceId: string) => `INVOICE#${invoiceId}`;
const seq8 = (seq: number) => String(seq).padStart(8, '0');

export const keys = {
  invoice: (invoiceId: string) => ({ PK: invoicePartition(invoiceId), SK: 'META' }),
  /** META and its payments: one Query of the partition, SK from META to PAYMENT#~. */
  invoiceWithPayments: (invoiceId: string) => ({ PK: invoicePartition(invoiceId), SKFrom: 'META', SKTo: 'PAYMENT#~' }),
  studioInvoicesIndex: (studioId: string, seq: number) => ({ GSI1PK: `INVOICES#${studioId}`, GSI1SK: `INVOICE#${seq8(seq)}` }),
  studioInvoices: (studioId: string) => ({ GSI1PK: `INVOICES#${studioId}`, GSI1SKPrefix: 'INVOICE#' }),
  payment: (invoiceId: string, paymentId: string) => ({ PK: invoicePartition(invoiceId), SK: `PAYMENT#${paymentId}` }),
  paymentIndex: (studioId: string, receivedAt: string, paymentId: string) => ({
    GSI1PK: `PAYMENTS#${studioId}`,
    GSI1SK: `PAYMENT#${receivedAt}#${paymentId}`,
  }),
  studioPayments: (studioId: string) => ({ GSI1PK: `PAYMENTS#${studioId}`, GSI1SKPrefix: 'PAYMENT#' }),
  clientPointer: (invoiceId: string, clientId: string) => ({ PK: invoicePartition(invoiceId), SK: `CLIENT#${clientId}` }),
  clientPointerIndex: (clientId: string, issueDate: string, invoiceId: string) => ({
    ...projectKeys.clientIndex(clientId),
    GSI1SK: `INVOICE#${issueDate}#${invoiceId}`,
  }),
  clientInvoices: (clientId: string) => ({ ...projectKeys.clientIndex(clientId), GSI1SKPrefix: 'INVOICE#' }),
  projectInvoice: (projectId: string, invoiceId: string) => ({ PK: `PROJINV#${projectId}`, SK: `INVOICE#${invoiceId}` }),
  projectInvoices: (projectId: string) => ({ PK: `PROJINV#${projectId}`, SKPrefix: 'INVOICE#' }),
  counter: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'INVSEQ' }),
  stripeSettings: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'STRIPE' }),
  invoicingSettings: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'INVSETTINGS' }),
  stripeEvent: (studioId: string, eventId: string) => ({ PK: `STRIPEEVENT#${studioId}`, SK: `EVT#${eventId}` }),
  gate: (targetId: string, invoiceId: string) => ({ PK: `INVGATE#${targetId}`, SK: `INVOICE#${invoiceId}` }),
  gates: (targetId: string) => ({ PK: `INVGATE#${targetId}`, SKPrefix: 'INVOICE#' }),
  openInvoice: (dueDate: string, invoiceId: string) => ({ PK: 'INVOPEN', SK: `DUE#${dueDate}#${invoiceId}` }),
  /** Open invoices due before `date`: SK from DUE# to DUE#<date>. */
  openDueBefore: (date: string) => ({ PK: 'INVOPEN', SKFrom: 'DUE#', SKTo: `DUE#${date}` }),
} as const;

export const records: FeatureRecords = {
  feature: 'invoices',
  rows: [
    {
      record: 'Invoice (document, paid, latest Checkout attempt)',
      PK: 'INVOICE#<invoiceId>',
      SK: 'META',
      GSI1PK: 'INVOICES#<studioId>',
      GSI1SK: 'INVOICE#<seq, 8 digits>',
    },
    {
      record: 'Payment (one per PaymentIntent)',
      PK: 'INVOICE#<invoiceId>',
      SK: 'PAYMENT#<paymentId>',
      GSI1PK: 'PAYMENTS#<studioId>',
      GSI1SK: 'PAYMENT#<receivedAt>#<paymentId>',
    },
    {
      record: "Client's pointer to a sent invoice",
      PK: 'INVOICE#<invoiceId>',
      SK: 'CLIENT#<clientId>',
      GSI1PK: 'CLIENT#<clientId>',
      GSI1SK: 'INVOICE#<issueDate>#<invoiceId>',
    },
    { record: "Project's invoice", PK: 'PROJINV#<projectId>', SK: 'INVOICE#<invoiceId>' },
    { record: "Studio's invoice numbering", PK: 'STUDIO#<studioId>', SK: 'INVSEQ' },
    { record: "Studio's Stripe connection (secrets sealed)", PK: 'STUDIO#<studioId>', SK: 'STRIPE' },
    { record: "Studio's invoicing details", PK: 'STUDIO#<studioId>', SK: 'INVSETTINGS' },
    { record: 'Stripe event handled', PK: 'STRIPEEVENT#<studioId>', SK: 'EVT#<eventId>', ttl: true },
    {
      record: 'Gate: a gallery or deliverable held until an invoice is paid',
      PK: 'INVGATE#<galleryId | deliverableId>',
      SK: 'INVOICE#<invoiceId>',
    },
    { record: 'Open invoice by due date (overdue reminders)', PK: 'INVOPEN', SK: 'DUE#<dueDate>#<invoiceId>' },
  ],
  accessPatterns: [
    'An invoice with its payments: one Query of INVOICE#<invoiceId>, SK BETWEEN META AND PAYMENT#~ (consistent).',
    "The studio's invoices in number order (lists, Billing totals, CSV): Query GSI1 INVOICES#<studioId>, newest first, paged.",
    "Payments received by month (Billing's chart): Query GSI1 PAYMENTS#<studioId> with GSI1SK BETWEEN PAYMENT#<from> AND PAYMENT#<to>.",
    "A client's invoices: Query GSI1 CLIENT#<clientId> begins_with INVOICE# (pointers put on send), then one BatchGetItem of their META.",
    "A project's deposit and instalments (a final invoice's deductions): Query PROJINV#<projectId>, then BatchGetItem of their META.",
    'A new number: GetItem STUDIO#<studioId>/INVSEQ (consistent), then one transaction: the counter from n to n+1 on condition it is still n, the invoice Put on condition it is new; a collision retries, so numbers are gapless.',
    "Stripe's keys: GetItem STUDIO#<studioId>/STRIPE, opened only by the payment functions (the vault's key).",
    'A webhook event: handled, then Put STRIPEEVENT#<studioId>/EVT#<eventId> on condition it is new; a replay finds it and is acknowledged.',
    'A payment: one transaction, the payment Put (or moved on from processing) on its own condition and META on its version; the receipt and the notification are each claimed with a conditional update of the payment.',
    'A client downloading a gated gallery or deliverable: Query INVGATE#<id>, then BatchGetItem of the invoices: one unpaid holds the download back.',
    'Overdue reminders: the daily job Queries INVOPEN with SK below DUE#<today> (put on send, deleted once paid or void).',
  ],
};
