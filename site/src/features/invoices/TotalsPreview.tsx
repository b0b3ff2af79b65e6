// The running totals while a form is filled in, worked out in the page by the API's rules (the
// saved invoice's own figures are the ones that count; a final invoice's deductions come from the server).
import { type Currency, formatMoney } from '../../../../shared/features/invoices/constants.ts';
import { portionAmount, previewTotals, type Share, showPercent } from './amounts.ts';
import { type DiscountDraft, type LineDraft, parseShare, previewable } from './lineDrafts.ts';

export function TotalsPreview({
  lines,
  discount,
  currency,
  portion,
  title = 'Totals',
}: {
  lines: LineDraft[];
  discount: DiscountDraft;
  currency: Currency;
  /** A deposit's share of the total (the fee), shown under it. */
  portion?: Share | null | undefined;
  title?: string;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const d = parseShare(discount, currency, 'discount', {}, 0);
  const t = previewTotals(previewable(lines, currency), d ?? undefined);
  return (
    <section class="totals-preview" aria-labelledby="totals-preview-heading" aria-live="polite">
      <h3 id="totals-preview-heading" class="totals-preview__title">
        {title}
      </h3>
      <dl class="totals">
        <Row term="Subtotal" value={money(t.subtotal)} />
        {t.discount > 0 && <Row term="Discount" value={`−${money(t.discount)}`} />}
        {t.taxByRate
          .filter((r) => r.taxRate > 0)
          .map((r) => (
            <Row key={r.taxRate} term={`Tax at ${showPercent(r.taxRate)} on ${money(r.net)}`} value={money(r.tax)} />
          ))}
        <Row term="Total" value={money(t.total)} strong />
        {portion && <Row term="This deposit" value={money(portionAmount(t.total, portion))} strong />}
      </dl>
      <p class="muted small">Worked out as you type; the saved invoice shows the exact figures.</p>
    </section>
  );
}

export function Row({ term, value, strong }: { term: string; value: string; strong?: boolean }) {
  return (
    <div class={`totals__row${strong ? ' totals__row--strong' : ''}`}>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
