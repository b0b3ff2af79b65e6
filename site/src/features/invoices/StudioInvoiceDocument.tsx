// An invoice as its client sees it: the lines, the totals with tax per rate, the deductions, what
// was paid and what is due, the payments (with their state and refunds) and the reminders sent.
import { formatMoney } from '../../../../shared/features/invoices/constants.ts';
import type { InvoiceDetail } from '../../../../shared/features/invoices/schemas.ts';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { formatDate } from '../../lib/dates.ts';
import { showPercent, showQuantity } from './amounts.ts';
import { Row } from './TotalsPreview.tsx';

const PAYMENT_STATE: Record<InvoiceDetail['payments'][number]['state'], { label: string; tone: BadgeTone }> = {
  processing: { label: 'Processing', tone: 'warning' },
  succeeded: { label: 'Received', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function InvoiceDocument({ invoice: i }: { invoice: InvoiceDetail }) {
  const money = (minor: number) => formatMoney(minor, i.currency);
  const t = i.totals;
  return (
    <section class="card invoice-doc" aria-labelledby="invoice-doc-heading">
      <h2 id="invoice-doc-heading" class="visually-hidden">
        The invoice
      </h2>
      <div class="table-wrap">
        <table class="invoice-lines">
          <caption class="visually-hidden">Line items</caption>
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col" class="num">
                Quantity
              </th>
              <th scope="col" class="num">
                Unit price
              </th>
              <th scope="col" class="num">
                Tax
              </th>
              <th scope="col" class="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {i.lines.map((l, n) => (
              <tr key={n}>
                <th scope="row" class="invoice-lines__description">
                  {l.description}
                  {l.discount > 0 && <span class="muted small invoice-lines__discount">Discount −{money(l.discount)}</span>}
                </th>
                <td class="num" data-label="Quantity">
                  {showQuantity(l.quantity)}
                </td>
                <td class="num" data-label="Unit price">
                  {money(l.unitPrice)}
                </td>
                <td class="num" data-label="Tax">
                  {showPercent(l.taxRate)}
                </td>
                <td class="num" data-label="Amount">
                  {money(l.net)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="totals invoice-doc__totals">
        <Row term="Subtotal" value={money(t.subtotal)} />
        {t.discount > 0 && <Row term="Discount" value={`−${money(t.discount)}`} />}
        {t.taxByRate
          .filter((r) => r.taxRate > 0 || r.tax > 0)
          .map((r) => (
            <Row key={r.taxRate} term={`Tax at ${showPercent(r.taxRate)} on ${money(r.net)}`} value={money(r.tax)} />
          ))}
        <Row term="Total" value={money(t.total)} strong />
        {i.deductions.map((d, n) => (
          <Row key={n} term={d.label} value={`−${money(d.amount)}`} />
        ))}
        {i.paid > 0 && <Row term="Paid" value={`−${money(i.paid)}`} />}
        <Row term="Amount due" value={money(i.amountDue)} strong />
      </dl>
      {(i.notes || i.terms) && (
        <div class="invoice-doc__text">
          {i.notes && (
            <div>
              <h3 class="invoice-doc__label">Notes</h3>
              <p class="invoice-doc__pre">{i.notes}</p>
            </div>
          )}
          {i.terms && (
            <div>
              <h3 class="invoice-doc__label">Terms</h3>
              <p class="invoice-doc__pre">{i.terms}</p>
            </div>
          )}
        </div>
      )}
      <h3 class="invoice-doc__label">Payments</h3>
      {i.payments.length ? (
        <ul class="invoice-payments">
          {i.payments.map((p) => (
            <li key={p.paymentId} class="invoice-payments__item">
              <Badge tone={PAYMENT_STATE[p.state].tone}>{PAYMENT_STATE[p.state].label}</Badge>
              <span>
                {money(p.amount)} by {p.method === 'card' ? 'card' : 'bank debit'} on{' '}
                <time dateTime={p.receivedAt}>{formatDate(p.receivedAt)}</time>
              </span>
              {p.refunded > 0 && <span class="muted">Refunded {money(p.refunded)}</span>}
              {p.reference && <span class="muted small">{p.reference}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No payments yet.</p>
      )}
      <p class="muted small" data-testid="invoice-reminders">
        {i.reminders.sent
          ? `${i.reminders.sent} overdue ${i.reminders.sent === 1 ? 'reminder' : 'reminders'} sent${i.reminders.lastAt ? `, the last on ${formatDate(i.reminders.lastAt)}` : ''}.`
          : 'No reminders sent.'}
      </p>
    </section>
  );
}
