// The invoice editor: kind, client, project, currency and dates, the line items (a deposit's are the
// project's fee), discounts, a deposit's share, notes and terms, and the running totals. The same form
// makes a new invoice and changes a draft (kind, client and project then stay as they are).
import { CURRENCIES, INVOICE_LIMITS } from '../../../../shared/features/invoices/constants.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import type { ClientSummary, ProjectSummary } from '../../lib/types.ts';
import { DiscountInput, LineItemsEditor } from './LineItemsEditor.tsx';
import { parseShare } from './lineDrafts.ts';
import { TotalsPreview } from './TotalsPreview.tsx';
import type { InvoiceForm as Form, FormKind } from './useInvoiceForm.ts';

const KINDS: { kind: FormKind; label: string; hint: string }[] = [
  { kind: 'standard', label: 'Invoice', hint: 'Bill for work or prints, with or without a project.' },
  { kind: 'deposit', label: 'Deposit', hint: 'A share of a project’s fee, before the work.' },
  { kind: 'final', label: 'Final invoice', hint: 'The project’s fee, less the deposit and instalments paid.' },
];

export function InvoiceForm({
  f,
  clients = [],
  projects = [],
  dueDays,
  onCancel,
}: {
  f: Form;
  clients?: ClientSummary[];
  projects?: ProjectSummary[];
  dueDays: number;
  onCancel?: () => void;
}) {
  const v = f.values;
  const deposit = v.kind === 'deposit';
  const share = deposit ? parseShare(v.portion, v.currency, 'portion', {}, 1) : undefined;
  return (
    <form
      class="card invoice-form"
      noValidate
      aria-label={f.editing ? 'Change the draft' : 'New invoice'}
      onSubmit={(e) => {
        e.preventDefault();
        void f.submit();
      }}
    >
      {!f.editing && (
        <fieldset class="invoice-form__kinds">
          <legend class="field__label">Kind</legend>
          {KINDS.map((k) => (
            <label key={k.kind} class="check invoice-kind">
              <input type="radio" name="invoice-kind" value={k.kind} checked={v.kind === k.kind} onChange={() => f.set.kind(k.kind)} />
              <span>
                {k.label}
                <span class="muted small invoice-kind__hint">{k.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {!f.editing && (
        <div class="invoice-form__grid">
          <Select id="invoice-client" label="Client" value={v.clientId} onValue={f.set.clientId} error={f.problem('clientId')}>
            <option value="">Choose a client</option>
            {clients.map((c) => (
              <option key={c.clientId} value={c.clientId}>
                {c.name} ({c.email})
              </option>
            ))}
          </Select>
          <Select
            id="invoice-project"
            label={v.kind === 'standard' ? 'Project (optional)' : 'Project'}
            value={v.projectId}
            onValue={f.set.projectId}
            error={f.problem('projectId')}
          >
            <option value="">{v.kind === 'standard' ? 'No project' : 'Choose a project'}</option>
            {projects.map((p) => (
              <option key={p.projectId} value={p.projectId}>
                {p.title}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div class="invoice-form__grid">
        <Select id="invoice-currency" label="Currency" value={v.currency} onValue={f.set.currency} error={f.problem('currency')}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        <Field
          id="invoice-issue"
          label="Issue date"
          type="date"
          value={v.issueDate}
          onValue={f.set.issueDate}
          error={f.problem('issueDate')}
        />
        <Field
          id="invoice-due"
          label="Due date"
          type="date"
          optional
          min={v.issueDate || undefined}
          value={v.dueDate}
          onValue={f.set.dueDate}
          hint={`Left empty: ${dueDays} days after the issue date.`}
          hintBelow
          error={f.problem('dueDate')}
        />
      </div>
      {f.showLines ? (
        <>
          <LineItemsEditor
            id="invoice-line"
            legend={deposit ? 'The project’s fee' : 'Line items'}
            lines={v.lines}
            currency={v.currency}
            prefix={f.linesAt}
            problems={f.problems}
            onChange={f.set.lines}
          />
          <DiscountInput
            id="invoice-discount"
            label={deposit ? 'Discount on the fee' : 'Invoice discount'}
            currency={v.currency}
            value={v.discount}
            onChange={f.set.discount}
            error={f.problem(f.discountAt)}
          />
        </>
      ) : (
        <p class="muted">The lines of a deposit or an instalment are its share of the fee; void it and bill again to change the fee.</p>
      )}
      {deposit && (
        <fieldset class="invoice-form__portion">
          <legend class="field__label">Deposit</legend>
          {(['percent', 'amount'] as const).map((k) => (
            <label key={k} class="check">
              <input
                type="radio"
                name="invoice-portion"
                checked={v.portion.kind === k}
                onChange={() => f.set.portion({ ...v.portion, kind: k })}
              />
              {k === 'percent' ? 'A percentage of the fee' : 'An amount'}
            </label>
          ))}
          <Field
            id="invoice-portion"
            label={v.portion.kind === 'percent' ? 'Deposit (%)' : `Deposit (${v.currency})`}
            inputMode="decimal"
            autoComplete="off"
            value={v.portion.value}
            onValue={(value) => f.set.portion({ ...v.portion, value })}
            error={f.problem('portion')}
          />
        </fieldset>
      )}
      {f.showLines && (
        <TotalsPreview
          lines={v.lines}
          discount={v.discount}
          currency={v.currency}
          portion={share ?? undefined}
          title={deposit ? 'The fee' : 'Totals'}
        />
      )}
      <TextArea
        id="invoice-notes"
        label="Notes"
        value={v.notes}
        max={INVOICE_LIMITS.notes}
        onValue={f.set.notes}
        error={f.problem('notes')}
      />
      <TextArea
        id="invoice-terms"
        label="Terms"
        value={v.terms}
        max={INVOICE_LIMITS.terms}
        onValue={f.set.terms}
        error={f.problem('terms')}
      />
      <Notice role="alert">{f.error}</Notice>
      <div class="invoice-form__buttons">
        <button type="submit" class="button button--primary" aria-disabled={f.busy || undefined}>
          {f.busy && <Spinner />}
          {f.editing ? 'Save changes' : 'Save draft'}
        </button>
        {onCancel ? (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <a class="button button--secondary" href="/billing">
            Cancel
          </a>
        )}
      </div>
    </form>
  );
}

export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  max: number;
  onValue: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label class="field__label" for={props.id}>
        {props.label}
        <span class="field__optional"> (optional)</span>
      </label>
      <textarea
        id={props.id}
        class="textarea"
        rows={3}
        maxLength={props.max}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      {props.error && (
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
