// The line-items editor: description, quantity, unit price, tax rate and an optional discount per
// line; lines added and removed; every input labelled, its problem said beside it.
import { type Currency, INVOICE_LIMITS, MAX_LINE_ITEMS } from '../../../../shared/features/invoices/constants.ts';
import { Field } from '../../components/ui/Field.tsx';
import { blankLine, type DiscountDraft, type LineDraft, type Problems } from './lineDrafts.ts';

export function LineItemsEditor({
  id,
  legend,
  lines,
  currency,
  prefix,
  problems,
  onChange,
}: {
  id: string;
  legend: string;
  lines: LineDraft[];
  currency: Currency;
  /** The API's field path of the lines (`lines`, `fee.lines`). */
  prefix: string;
  problems: Problems;
  onChange: (lines: LineDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const listProblem = problems[prefix]?.[0];
  return (
    <fieldset class="line-editor">
      <legend class="field__label">{legend}</legend>
      {listProblem && <p class="field__error">{listProblem}</p>}
      <ol class="line-editor__list">
        {lines.map((l, i) => {
          const at = `${prefix}.${i}`;
          const p = (f: string) => problems[`${at}.${f}`]?.[0];
          const n = i + 1;
          return (
            <li key={l.key} class="line-editor__line">
              <Field
                id={`${id}-${l.key}-description`}
                label={`Line ${n}: description`}
                maxLength={INVOICE_LIMITS.description}
                autoComplete="off"
                value={l.description}
                onValue={(v) => set(i, { description: v })}
                error={p('description')}
              />
              <div class="line-editor__numbers">
                <Field
                  id={`${id}-${l.key}-quantity`}
                  label="Quantity"
                  inputMode="decimal"
                  autoComplete="off"
                  value={l.quantity}
                  onValue={(v) => set(i, { quantity: v })}
                  error={p('quantity')}
                />
                <Field
                  id={`${id}-${l.key}-price`}
                  label={`Unit price (${currency})`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={l.unitPrice}
                  onValue={(v) => set(i, { unitPrice: v })}
                  error={p('unitPrice')}
                />
                <Field
                  id={`${id}-${l.key}-tax`}
                  label="Tax rate"
                  after="%"
                  inputMode="decimal"
                  autoComplete="off"
                  value={l.taxRate}
                  onValue={(v) => set(i, { taxRate: v })}
                  error={p('taxRate')}
                />
              </div>
              <DiscountInput
                id={`${id}-${l.key}-discount`}
                label="Line discount"
                currency={currency}
                value={l.discount}
                onChange={(discount) => set(i, { discount })}
                error={p('discount')}
              />
              {lines.length > 1 && (
                <button
                  type="button"
                  class="button button--ghost button--small line-editor__remove"
                  onClick={() => onChange(lines.filter((_, j) => j !== i))}
                >
                  Remove line {n}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {lines.length < MAX_LINE_ITEMS && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => onChange([...lines, blankLine(lines[lines.length - 1]?.taxRate ?? '0')])}
        >
          Add a line
        </button>
      )}
    </fieldset>
  );
}

/** No discount, a percentage, or an amount in the invoice's currency. */
export function DiscountInput({
  id,
  label,
  currency,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  currency: Currency;
  value: DiscountDraft;
  onChange: (d: DiscountDraft) => void;
  error?: string | undefined;
}) {
  return (
    <div class="discount-input">
      <div class="field">
        <label class="field__label" for={`${id}-kind`}>
          {label}
        </label>
        <select
          id={`${id}-kind`}
          class="select"
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: e.currentTarget.value as DiscountDraft['kind'] })}
        >
          <option value="">None</option>
          <option value="percent">Percentage</option>
          <option value="amount">Amount</option>
        </select>
      </div>
      {value.kind && (
        <Field
          id={`${id}-value`}
          label={value.kind === 'percent' ? `${label} (%)` : `${label} (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={value.value}
          onValue={(v) => onChange({ ...value, value: v })}
          error={error}
        />
      )}
    </div>
  );
}
