// The Billing page's overview, per currency: what is outstanding and overdue, the invoices by
// status (count and amount), and what came in over the last twelve months.
import { type Currency, formatMoney, INVOICE_STATUSES } from '../../../../shared/features/invoices/constants.ts';
import type { BillingOverview } from '../../../../shared/features/invoices/schemas.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { MonthChart } from './MonthChart.tsx';
import { invoiceStatus } from './studio-labels.ts';

type CurrencyOverview = BillingOverview['currencies'][number];

export function OverviewCards({ overview }: { overview: BillingOverview }) {
  if (!overview.currencies.length) {
    return (
      <div class="empty empty--card">
        <p class="empty__title">Nothing billed yet</p>
        <p class="muted">Totals and payments appear here once you send your first invoice.</p>
      </div>
    );
  }
  return (
    <>
      {overview.currencies.map((c) => (
        <CurrencyCard key={c.currency} overview={c} />
      ))}
    </>
  );
}

function CurrencyCard({ overview: o }: { overview: CurrencyOverview }) {
  const money = (minor: number) => formatMoney(minor, o.currency as Currency);
  const id = `overview-${o.currency}`;
  return (
    <section class="card billing-overview" aria-labelledby={id}>
      <h2 id={id} class="billing-overview__title">
        {o.currency}
      </h2>
      <dl class="billing-figures">
        <div class="billing-figure">
          <dt>Outstanding</dt>
          <dd data-testid={`outstanding-${o.currency}`}>{money(o.outstanding)}</dd>
        </div>
        <div class="billing-figure billing-figure--danger">
          <dt>Overdue</dt>
          <dd data-testid={`overdue-${o.currency}`}>{money(o.overdue)}</dd>
        </div>
      </dl>
      <ul class="billing-statuses" aria-label={`Invoices by status, ${o.currency}`}>
        {INVOICE_STATUSES.map((s) => {
          const row = o.byStatus[s] ?? { count: 0, total: 0, due: 0 };
          const st = invoiceStatus(s);
          return (
            <li key={s} class="billing-status">
              <Badge tone={st.tone}>{st.label}</Badge>
              <span class="billing-status__count">
                {row.count} {row.count === 1 ? 'invoice' : 'invoices'}
              </span>
              <span class="billing-status__amount">{money(row.total)}</span>
            </li>
          );
        })}
      </ul>
      <MonthChart currency={o.currency as Currency} months={o.receivedByMonth} />
    </section>
  );
}
