// The invoice's totals block and its payments list.
import { type Currency, formatMoney } from '../../../../shared/features/invoices/constants.ts';
import type { ClientInvoice, PaymentView } from '../../../../shared/features/invoices/schemas.ts';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { formatDate } from '../../lib/dates.ts';
import { percent } from './labels.ts';

export function Totals({ invoice }: { invoice: ClientInvoice }) {
  const m = (minor: number) => formatMoney(minor, invoice.currency as Currency);
  const { totals } = invoice;
  return (
    <dl class="invoice-totals">
      <div>
        <dt>Subtotal</dt>
        <dd>{m(totals.subtotal)}</dd>
      </div>
      {totals.discount > 0 && (
        <div>
          <dt>Discount</dt>
          <dd>−{m(totals.discount)}</dd>
        </div>
      )}
      {totals.taxByRate.map((t) => (
        <div key={t.taxRate}>
          <dt>
            Tax at {percent(t.taxRate)} on {m(t.net)}
          </dt>
          <dd>{m(t.tax)}</dd>
        </div>
      ))}
      <div class="invoice-totals__total">
        <dt>Total</dt>
        <dd>{m(totals.total)}</dd>
      </div>
      {invoice.deductions.map((d, i) => (
        <div key={i}>
          <dt>{d.label}</dt>
          <dd>−{m(d.amount)}</dd>
        </div>
      ))}
      {invoice.paid > 0 && (
        <div>
          <dt>Paid</dt>
          <dd>−{m(invoice.paid)}</dd>
        </div>
      )}
      <div class="invoice-totals__due">
        <dt>Amount due</dt>
        <dd data-testid="invoice-amount-due">{m(invoice.amountDue)}</dd>
      </div>
    </dl>
  );
}

const METHOD: Record<PaymentView['method'], string> = { card: 'Card', bank_debit: 'Bank debit' };
const STATE: Record<PaymentView['state'], { label: string; tone: BadgeTone }> = {
  processing: { label: 'Processing', tone: 'warning' },
  succeeded: { label: 'Received', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function Payments({ invoice }: { invoice: ClientInvoice }) {
  if (invoice.payments.length === 0) return null;
  const m = (minor: number) => formatMoney(minor, invoice.currency as Currency);
  return (
    <section class="invoice-payments" aria-labelledby="invoice-payments">
      <h2 id="invoice-payments" class="invoice-doc__label">
        Payments
      </h2>
      <ul class="invoice-payments__list">
        {invoice.payments.map((p) => (
          <li key={p.paymentId} class="invoice-payments__item">
            <span>
              <time dateTime={p.receivedAt}>{formatDate(p.receivedAt)}</time> · {METHOD[p.method]}
              {p.reference && <span class="muted small"> · {p.reference}</span>}
            </span>
            <span class="invoice-payments__amount">
              {m(p.amount)} <Badge tone={STATE[p.state].tone}>{STATE[p.state].label}</Badge>
              {p.refunded > 0 && <span class="muted small"> ({m(p.refunded)} refunded)</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
