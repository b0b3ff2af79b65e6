// What an invoice PDF is drawn from: the invoice as stored, amounts already worked out (domain/
// money.ts), plus the studio's branding. Its own module so the layout helpers can name it
// without importing the renderer that imports them.

export interface InvoicePdfInput {
  studio: {
    name: string;
    legalName: string;
    address: string;
    email: string;
    taxIds: { label: string; value: string }[];
    /** #rrggbb */
    accent: string;
    logo: { bytes: Uint8Array; type: 'png' | 'jpeg' } | null;
  };
  /** 'Invoice', 'Deposit invoice', 'Instalment invoice', 'Final invoice' */
  title: string;
  /** 'INV-0042' */
  number: string;
  status: 'draft' | 'sent' | 'partially_paid' | 'paid' | 'void' | 'overdue';
  client: { name: string; email: string };
  /** The project's title. */
  project: string | null;
  /** ISO yyyy-mm-dd */
  issueDate: string;
  dueDate: string;
  /** ISO code, one of CURRENCIES (constants.ts). */
  currency: string;
  lines: {
    description: string;
    /** Thousandths: 1500 = 1.5. */
    quantity: number;
    /** Minor units. */
    unitPrice: number;
    /** Basis points. */
    taxRate: number;
    discount: number;
    net: number;
    tax: number;
    total: number;
  }[];
  totals: {
    subtotal: number;
    discount: number;
    net: number;
    tax: number;
    taxByRate: { taxRate: number; net: number; tax: number }[];
    total: number;
  };
  /** Printed as minus lines after the total, e.g. 'Less: Deposit paid (INV-0001)'. */
  deductions: { label: string; amount: number }[];
  /** Received on this invoice: a minus line "Paid" when > 0. */
  paid: number;
  /** What is left to pay, printed boldest. */
  amountDue: number;
  notes: string;
  terms: string;
  /** When status is 'void': a VOID watermark and a banner with the reason. */
  voidReason: string | null;
  /** A "Pay online" link when set and something is due. */
  payUrl: string | null;
}
