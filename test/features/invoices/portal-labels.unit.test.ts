// How the portal reads invoices (site/src/features/invoices/labels.ts and the payment lock's
// sentence): the badge per status and while a debit settles, the ids in the address, the amounts.
import { describe, expect, it } from 'vitest';
import { formatMoney, type InvoiceStatus } from '../../../shared/features/invoices/constants.ts';
import {
  invoiceBadge,
  invoiceIdFromPath,
  lockSentence,
  money,
  payHref,
  percent,
  quantity,
} from '../../../site/src/features/invoices/labels.ts';

const id = '2b7e1a52-1c1f-4c1c-9a40-3f1f8a2b9c01';

describe('the invoice badge', () => {
  it.each<[InvoiceStatus, boolean, string]>([
    ['draft', false, 'Draft'],
    ['sent', false, 'Sent'],
    ['partially_paid', false, 'Partially paid'],
    ['paid', false, 'Paid'],
    ['overdue', false, 'Overdue'],
    ['void', false, 'Void'],
    ['sent', true, 'Processing'],
    ['overdue', true, 'Processing'],
    ['partially_paid', true, 'Processing'],
    ['paid', true, 'Paid'],
  ])('%s, processing %s: %s', (status, processing, label) => {
    expect(invoiceBadge({ status, processing }).label).toBe(label);
  });
});

describe('addresses and amounts', () => {
  it('reads the invoice id of /billing/<id> only', () => {
    expect(invoiceIdFromPath(`/billing/${id}`)).toBe(id);
    expect(invoiceIdFromPath(`/billing/${id.toUpperCase()}/`)).toBe(id);
    expect(invoiceIdFromPath('/billing')).toBeNull();
    expect(invoiceIdFromPath(`/billing/${id}/pdf`)).toBeNull();
    expect(payHref(id)).toBe(`/billing/${id}?pay=1`);
  });

  it('formats money, rates and quantities', () => {
    expect(money(120000, 'GBP')).toBe('£1,200.00');
    expect(money(120000, 'gbp')).toBe('£1,200.00');
    expect(money(1500, 'JPY')).toBe(formatMoney(1500, 'JPY'));
    expect(money(5, 'XYZ')).toBe('5 XYZ');
    expect(percent(2000)).toBe('20%');
    expect(percent(550)).toBe('5.5%');
    expect(quantity(1500)).toBe('1.5');
    expect(quantity(1000)).toBe('1');
  });

  it('says what a payment lock holds back', () => {
    const lock = { invoiceId: id, number: 'INV-0003', amountDue: 120000, currency: 'GBP' };
    expect(lockSentence(lock, 'originals')).toBe('The originals open once invoice INV-0003 (£1,200.00) is paid.');
    expect(lockSentence(lock, 'final files')).toBe('The final files open once invoice INV-0003 (£1,200.00) is paid.');
  });
});
