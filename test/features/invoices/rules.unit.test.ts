// Invoices' pure rules, table-driven: the status an invoice reads as, what may be done to it, how a
// payment's state may move, and what a Checkout Session says.
import { describe, expect, it } from 'vitest';
import {
  assertDraft,
  assertPayable,
  assertVoidable,
  attemptAfter,
  checkoutOutcome,
  dueNow,
  nextPaymentState,
  settledStatus,
  statusOf,
} from '../../../shared/features/invoices/domain/rules.ts';
import type { StoredStatus } from '../../../shared/features/invoices/records.ts';
import { outcome } from '../../support/outcome.ts';

const invoice = (status: StoredStatus, paid = 0, processing = 0, dueDate = '2026-12-10') => ({
  status,
  number: 'INV-0001',
  amountDue: 1000,
  paid,
  processing,
  dueDate,
});

describe('an invoice’s status', () => {
  it.each([
    ['draft', 0, '2026-12-01', 'draft'],
    ['sent', 0, '2026-12-10', 'sent'],
    ['sent', 0, '2026-12-11', 'overdue'],
    ['partially_paid', 400, '2026-12-11', 'overdue'],
    ['partially_paid', 400, '2026-12-05', 'partially_paid'],
    ['paid', 1000, '2027-01-01', 'paid'],
    ['void', 0, '2027-01-01', 'void'],
  ] as const)('%s with %i paid reads on %s as %s', (status, paid, today, expected) => {
    expect(statusOf(invoice(status, paid), today)).toBe(expected);
  });

  it.each([
    ['sent', 0, 'sent'],
    ['sent', 1, 'partially_paid'],
    ['partially_paid', 1000, 'paid'],
    ['paid', 999, 'partially_paid'],
    ['void', 1000, 'void'],
    ['draft', 0, 'draft'],
  ] as const)('%s with %i received settles as %s', (status, paid, expected) => {
    expect(settledStatus(invoice(status, paid))).toBe(expected);
  });

  it('owes what is left after what was received, never below zero', () => {
    expect(dueNow(invoice('sent', 300))).toBe(700);
    expect(dueNow(invoice('paid', 1200))).toBe(0);
  });
});

describe('what may be done to an invoice', () => {
  it.each([
    ['draft', 0, 0, 'allowed', 'allowed', 'invoice_not_open'],
    ['sent', 0, 0, 'invoice_sent', 'allowed', 'allowed'],
    ['sent', 0, 500, 'invoice_sent', 'invoice_has_payments', 'payment_processing'],
    ['partially_paid', 200, 0, 'invoice_sent', 'invoice_has_payments', 'allowed'],
    ['paid', 1000, 0, 'invoice_sent', 'invoice_has_payments', 'invoice_paid'],
    ['void', 0, 0, 'invoice_sent', 'invoice_void', 'invoice_not_open'],
  ] as const)('%s (paid %i, processing %i): edit %s, void %s, pay %s', (status, paid, processing, edit, voiding, pay) => {
    const r = invoice(status, paid, processing);
    expect(outcome(() => assertDraft(r))).toBe(edit);
    expect(outcome(() => assertVoidable(r))).toBe(voiding);
    expect(outcome(() => assertPayable(r, true))).toBe(pay);
  });

  it('cannot be paid online before the studio connects Stripe', () => {
    expect(outcome(() => assertPayable(invoice('sent'), false))).toBe('payments_unavailable');
  });
});

describe('a payment’s state', () => {
  it.each([
    [null, 'processing', 'processing'],
    [null, 'succeeded', 'succeeded'],
    ['processing', 'succeeded', 'succeeded'],
    ['processing', 'failed', 'failed'],
    // Late or out-of-order news never moves a settled payment back.
    ['succeeded', 'processing', 'succeeded'],
    ['succeeded', 'failed', 'succeeded'],
    ['failed', 'processing', 'failed'],
  ] as const)('stored %s, seen %s: %s', (was, seen, expected) => {
    expect(nextPaymentState(was, seen)).toBe(expected);
  });
});

describe('a Checkout Session', () => {
  it.each([
    ['complete', 'paid', 'succeeded', 'paid'],
    ['complete', 'unpaid', 'processing', 'processing'],
    ['complete', 'unpaid', 'requires_payment_method', 'failed'],
    ['open', 'unpaid', 'requires_payment_method', 'open'],
    ['open', 'unpaid', null, 'open'],
    ['expired', 'unpaid', null, 'expired'],
  ] as const)('%s / %s / %s reads as %s', (status, paymentStatus, intentStatus, expected) => {
    expect(checkoutOutcome({ status, paymentStatus, intentStatus })).toBe(expected);
  });

  it.each([
    [null, 1000, 1],
    [{ amount: 1000, attempt: 1, outcome: 'open' as const }, 1000, 1],
    [{ amount: 1000, attempt: 1, outcome: 'expired' as const }, 1000, 2],
    [{ amount: 1000, attempt: 2, outcome: 'failed' as const }, 1000, 3],
    [{ amount: 1000, attempt: 1, outcome: 'open' as const }, 600, 2],
  ])('after %o, a checkout of %i is attempt %i (the same attempt is the same session)', (last, amount, expected) => {
    expect(attemptAfter(last, amount)).toBe(expected);
  });
});
