// Invoice PDF inputs whose amounts come from the real arithmetic (domain/money.ts), so a test that
// reads the totals back from the PDF compares them with figures the invoice would really store.
import { invoiceAmounts, type LineInput } from '../../shared/features/invoices/domain/money.ts';
import type { InvoicePdfInput } from '../../shared/features/invoices/pdf/render.ts';

const WORK = [
  'Half-day shoot, studio A, with lighting assistant',
  'Retouching: skin, stray hairs and background clean-up on selected images',
  'Location scouting',
  'Travel (mileage at 45p per mile)',
  'Prints, 30 × 40 cm, archival matte',
  'Licence: 12 months, web and social, worldwide',
];

/** `count` lines, a mix of quantities, prices, discounts and tax rates (20 %, 5 %, zero-rated). */
export function sampleLines(count: number): LineInput[] {
  return Array.from({ length: count }, (_, i) => ({
    description: `${i + 1}. ${WORK[i % WORK.length]}`,
    quantity: [1000, 1500, 250, 3000, 12000][i % 5] as number,
    unitPrice: [45_000, 8_500, 12_000, 3_995, 1_250][i % 5] as number,
    taxRate: [2000, 2000, 500, 0][i % 4] as number,
    discount: i % 7 === 3 ? { kind: 'percent', basisPoints: 1000 } : undefined,
  }));
}

export function sampleInvoice(overrides: Partial<InvoicePdfInput> & { lineCount?: number } = {}): InvoicePdfInput {
  const { lineCount = 6, ...rest } = overrides;
  const deductions = [{ label: 'Less: Deposit paid (INV-0001)', amount: 50_000 }];
  const amounts = invoiceAmounts({ lines: sampleLines(lineCount), deductions });
  const paid = 10_000;
  return {
    studio: {
      name: 'Studio North',
      legalName: 'Studio North Photography Ltd',
      address: '12 Harbour Row\nLeith, Edinburgh EH6 6LX\nUnited Kingdom',
      email: 'hello@studionorth.example',
      taxIds: [
        { label: 'VAT', value: 'GB 123 4567 89' },
        { label: 'Company no.', value: 'SC654321' },
      ],
      accent: '#1f6f78',
      logo: null,
    },
    title: 'Final invoice',
    number: 'INV-0042',
    status: 'sent',
    client: { name: 'Ana Lima', email: 'ana.lima@example.com' },
    project: 'Spring lookbook 2027',
    issueDate: '2026-12-03',
    dueDate: '2027-01-02',
    currency: 'GBP',
    lines: amounts.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      discount: l.discount,
      net: l.net,
      tax: l.tax,
      total: l.total,
    })),
    totals: amounts.totals,
    deductions: amounts.deductions.map((d) => ({ label: d.label, amount: d.applied })),
    paid,
    amountDue: Math.max(0, amounts.amountDue - paid),
    notes: 'Thank you for working with us on the lookbook.\n\nThe final gallery stays online for 90 days after payment.',
    terms:
      'Payment within 30 days of the issue date by bank transfer or card.\nLate payments may incur interest at 8% above the Bank of England base rate.',
    voidReason: null,
    payUrl: 'https://portal.studionorth.example/pay/inv_0042',
    ...rest,
  };
}
