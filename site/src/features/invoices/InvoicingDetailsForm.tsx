// The details printed on every invoice: legal name, address, email, tax ids (up to five), the
// number prefix, the usual days to pay, the default terms and currency.
import { CURRENCIES, INVOICE_LIMITS } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings } from '../../../../shared/features/invoices/schemas.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { TextArea } from './InvoiceForm.tsx';
import { useInvoicingDetails } from './usePaymentsSettings.ts';

export function InvoicingDetailsForm({ settings, onChange }: { settings: BillingSettings; onChange: (s: BillingSettings) => void }) {
  const f = useInvoicingDetails(settings, onChange);
  const v = f.values;
  const setTax = (i: number, patch: Partial<{ label: string; value: string }>) =>
    f.set('taxIds')(v.taxIds.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <form
      class="card invoice-form"
      noValidate
      aria-labelledby="invoicing-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void f.save();
      }}
    >
      <h2 id="invoicing-heading">Invoicing details</h2>
      <Field
        id="inv-legal"
        label="Legal name"
        optional
        maxLength={INVOICE_LIMITS.legalName}
        value={v.legalName}
        onValue={f.set('legalName')}
        error={f.problem('legalName')}
      />
      <TextArea
        id="inv-address"
        label="Address"
        value={v.address}
        max={INVOICE_LIMITS.address}
        onValue={f.set('address')}
        error={f.problem('address')}
      />
      <Field
        id="inv-email"
        label="Billing email"
        type="email"
        optional
        autoComplete="email"
        value={v.email}
        onValue={f.set('email')}
        error={f.problem('email')}
      />
      <fieldset class="line-editor">
        <legend class="field__label">Tax ids</legend>
        {v.taxIds.map((t, i) => (
          <div key={i} class="tax-id">
            <Field
              id={`tax-${i}-label`}
              label={`Tax id ${i + 1}: label`}
              maxLength={INVOICE_LIMITS.taxIdLabel}
              placeholder="VAT"
              value={t.label}
              onValue={(label) => setTax(i, { label })}
              error={f.problem(`taxIds.${i}.label`)}
            />
            <Field
              id={`tax-${i}-value`}
              label="Number"
              maxLength={INVOICE_LIMITS.taxIdValue}
              value={t.value}
              onValue={(value) => setTax(i, { value })}
              error={f.problem(`taxIds.${i}.value`)}
            />
            <button
              type="button"
              class="button button--ghost button--small"
              onClick={() => f.set('taxIds')(v.taxIds.filter((_, j) => j !== i))}
            >
              Remove tax id {i + 1}
            </button>
          </div>
        ))}
        {v.taxIds.length < INVOICE_LIMITS.taxIds && (
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => f.set('taxIds')([...v.taxIds, { label: '', value: '' }])}
          >
            Add a tax id
          </button>
        )}
      </fieldset>
      <div class="invoice-form__grid">
        <Field
          id="inv-prefix"
          label="Number prefix"
          maxLength={INVOICE_LIMITS.prefix}
          hint="Like INV-: numbers follow it (INV-0042)."
          value={v.prefix}
          onValue={f.set('prefix')}
          error={f.problem('prefix')}
        />
        <Field
          id="inv-due"
          label="Days to pay"
          inputMode="numeric"
          value={v.dueDays}
          onValue={f.set('dueDays')}
          error={f.problem('dueDays')}
        />
        <Select
          id="inv-currency"
          label="Default currency"
          value={v.defaultCurrency}
          onValue={(c) => f.set('defaultCurrency')(c as typeof v.defaultCurrency)}
          error={f.problem('defaultCurrency')}
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </div>
      <TextArea
        id="inv-terms"
        label="Default terms"
        value={v.defaultTerms}
        max={INVOICE_LIMITS.terms}
        onValue={f.set('defaultTerms')}
        error={f.problem('defaultTerms')}
      />
      <Notice role="status">{f.status}</Notice>
      <Notice role="alert">{f.error}</Notice>
      <div>
        <button type="submit" class="button button--primary" aria-disabled={f.busy || undefined}>
          {f.busy && <Spinner />}
          Save invoicing details
        </button>
      </div>
    </form>
  );
}
