// Payments received by month as bars: an SVG for the eye (each bar titled with its month and
// amount), and the same figures as a visually hidden table for screen readers.
import { type Currency, formatMoney } from '../../../../shared/features/invoices/constants.ts';
import { monthName } from './studio-labels.ts';

const HEIGHT = 120;
const BAR = 20;
const GAP = 8;

export function MonthChart({ currency, months }: { currency: Currency; months: { month: string; amount: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.amount));
  const width = months.length * (BAR + GAP) - GAP;
  const id = `received-${currency}`;
  return (
    <figure class="month-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="month-chart__caption">
        Payments received by month, {currency}
      </figcaption>
      {/* The bars are for the eye; the table below says the same to a screen reader. */}
      <svg class="month-chart__bars" viewBox={`0 0 ${Math.max(width, 1)} ${HEIGHT + 16}`} aria-hidden="true">
        {months.map((m, i) => {
          const label = `${monthName(m.month)}: ${formatMoney(m.amount, currency)}`;
          const h = m.amount > 0 ? Math.max(2, Math.round((Math.max(0, m.amount) / max) * HEIGHT)) : 0;
          const x = i * (BAR + GAP);
          return (
            <g key={m.month}>
              <title>{label}</title>
              <rect class="month-chart__track" x={x} y={0} width={BAR} height={HEIGHT} />
              <rect class="month-chart__bar" x={x} y={HEIGHT - h} width={BAR} height={h} />
              <text class="month-chart__tick" x={x + BAR / 2} y={HEIGHT + 13} text-anchor="middle">
                {monthName(m.month).slice(0, 1)}
              </text>
            </g>
          );
        })}
      </svg>
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
