// Payments received by month as CSS bars: each bar titled and labelled with its month and amount,
// and the same figures as a visually hidden table for screen readers.
import { type Currency, formatMoney } from '../../../../shared/features/invoices/constants.ts';
import { monthName } from './studio-labels.ts';

export function MonthChart({ currency, months }: { currency: Currency; months: { month: string; amount: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.amount));
  const id = `received-${currency}`;
  return (
    <figure class="month-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="month-chart__caption">
        Payments received by month, {currency}
      </figcaption>
      <ol class="month-chart__bars">
        {months.map((m) => {
          const label = `${monthName(m.month)}: ${formatMoney(m.amount, currency)}`;
          const pct = m.amount > 0 ? Math.max(2, Math.round((m.amount / max) * 100)) : 0;
          return (
            <li key={m.month} class="month-chart__month" title={label} aria-label={label}>
              <span class="month-chart__track">
                <span class="month-chart__bar" style={{ height: `${pct}%` }} />
              </span>
              <span class="month-chart__tick" aria-hidden="true">
                {monthName(m.month).slice(0, 3)}
              </span>
            </li>
          );
        })}
      </ol>
      <table class="visually-hidden">
        <caption>Payments received by month, {currency}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthName(m.month)}</th>
              <td>{formatMoney(m.amount, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
