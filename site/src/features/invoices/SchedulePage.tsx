// /billing/schedule (optionally ?projectId=): a project's payment schedule, made as one draft
// instalment invoice per part; then back to the project's invoices on /billing.
import { CURRENCIES, INVOICE_LIMITS, MAX_SCHEDULE_PARTS } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings } from '../../../../shared/features/invoices/schemas.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call } from '../../lib/api.ts';
import { callAll } from '../../lib/paging.ts';
import type { ProjectSummary } from '../../lib/types.ts';
import { BillingShell, useBillingLoad } from './BillingShell.tsx';
import { TextArea } from './InvoiceForm.tsx';
import { DiscountInput, LineItemsEditor } from './LineItemsEditor.tsx';
import { idFromQuery } from './NewInvoicePage.tsx';
import { TotalsPreview } from './TotalsPreview.tsx';
import { useSchedule } from './useSchedule.ts';

export default function SchedulePage() {
  const load = useBillingLoad(async () => {
    const [{ settings }, projects] = await Promise.all([call('getBillingSettings'), callAll('listProjects', 'projects')]);
    return { settings, projects };
  });
  return (
    <BillingShell
      title="Payment schedule"
      lead="A project’s fee in parts (a deposit, milestones, the balance): one draft invoice for each, to send when due."
      load={load}
      loadingLabel="Loading projects…"
      before={
        <a class="back-link" href="/billing">
          All invoices
        </a>
      }
    >
      {(data) => <ScheduleForm settings={data.settings} projects={data.projects} />}
    </BillingShell>
  );
}

function ScheduleForm({ settings, projects }: { settings: BillingSettings; projects: ProjectSummary[] }) {
  const s = useSchedule(settings, { projectId: idFromQuery('projectId') });
  const v = s.values;
  return (
    <form
      class="card invoice-form"
      noValidate
      aria-label="Payment schedule"
      onSubmit={(e) => {
        e.preventDefault();
        void s.submit();
      }}
    >
      <div class="invoice-form__grid">
        <Select id="schedule-project" label="Project" value={v.projectId} onValue={s.set.projectId} error={s.problem('projectId')}>
          <option value="">Choose a project</option>
          {projects.map((p) => (
            <option key={p.projectId} value={p.projectId}>
              {p.title}
            </option>
          ))}
        </Select>
        <Select id="schedule-currency" label="Currency" value={v.currency} onValue={s.set.currency} error={s.problem('currency')}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </div>
      <LineItemsEditor
        id="schedule-line"
        legend="The project’s fee"
        lines={v.lines}
        currency={v.currency}
        prefix="fee.lines"
        problems={s.problems}
        onChange={s.set.lines}
      />
      <DiscountInput
        id="schedule-discount"
        label="Discount on the fee"
        currency={v.currency}
        value={v.discount}
        onChange={s.set.discount}
        error={s.problem('fee.discount')}
      />
      <TotalsPreview lines={v.lines} discount={v.discount} currency={v.currency} title="The fee" />
      <fieldset class="line-editor">
        <legend class="field__label">Parts</legend>
        {s.problem('parts') && <p class="field__error">{s.problem('parts')}</p>}
        <ol class="line-editor__list">
          {v.parts.map((p, i) => (
            <li key={p.key} class="line-editor__line">
              <div class="line-editor__numbers">
                <Field
                  id={`part-${p.key}-label`}
                  label={`Part ${i + 1}: label`}
                  maxLength={80}
                  value={p.label}
                  onValue={(label) => s.setPart(i, { label })}
                  error={s.problem(`parts.${i}.label`)}
                />
                <Field
                  id={`part-${p.key}-due`}
                  label="Due date"
                  type="date"
                  value={p.dueDate}
                  onValue={(dueDate) => s.setPart(i, { dueDate })}
                  error={s.problem(`parts.${i}.dueDate`)}
                />
              </div>
              <div class="discount-input">
                <Select
                  id={`part-${p.key}-kind`}
                  label="Share"
                  value={p.portion.kind}
                  onValue={(kind) => s.setPart(i, { portion: { ...p.portion, kind: kind as 'percent' | 'amount' } })}
                >
                  <option value="percent">Percentage</option>
                  <option value="amount">Amount</option>
                </Select>
                <Field
                  id={`part-${p.key}-value`}
                  label={p.portion.kind === 'percent' ? 'Share (%)' : `Share (${v.currency})`}
                  inputMode="decimal"
                  value={p.portion.value}
                  onValue={(value) => s.setPart(i, { portion: { ...p.portion, value } })}
                  error={s.problem(`parts.${i}.portion`)}
                />
              </div>
              {v.parts.length > 1 && (
                <button type="button" class="button button--ghost button--small line-editor__remove" onClick={() => s.removePart(i)}>
                  Remove part {i + 1}
                </button>
              )}
            </li>
          ))}
        </ol>
        {v.parts.length < MAX_SCHEDULE_PARTS && (
          <button type="button" class="button button--secondary button--small" onClick={s.addPart}>
            Add a part
          </button>
        )}
        <p class="field__hint">The last part is the balance: it takes whatever the others leave , rounding included.</p>
      </fieldset>
      <TextArea id="schedule-notes" label="Notes" value={v.notes} max={INVOICE_LIMITS.notes} onValue={s.set.notes} />
      <TextArea id="schedule-terms" label="Terms" value={v.terms} max={INVOICE_LIMITS.terms} onValue={s.set.terms} />
      <Notice role="alert">{s.error}</Notice>
      <div class="invoice-form__buttons">
        <button type="submit" class="button button--primary" aria-disabled={s.busy || undefined}>
          {s.busy && <Spinner />}
          Make the schedule
        </button>
        <a class="button button--secondary" href="/billing">
          Cancel
        </a>
      </div>
    </form>
  );
}
