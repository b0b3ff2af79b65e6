// The invoice as a document: who bills whom, the lines, the totals (tax per rate, what earlier
// invoices brought in, what has been paid, what is due), notes, terms and the payments.
// User text (lines, notes, terms, addresses) is only ever rendered as text.
import { type Currency, formatMoney, INVOICE_KIND_NAMES } from '../../../../shared/features/invoices/constants.ts';
import type { ClientInvoice } from '../../../../shared/features/invoices/schemas.ts';
import { formatDate } from '../../lib/dates.ts';
import { Payments, Totals } from './InvoiceParts.tsx';
import { percent, quantity } from './labels.ts';

export function InvoiceDocument({ invoice }: { invoice: ClientInvoice }) {
  const m = (minor: number) => formatMoney(minor, invoice.currency as Currency);
  const { studio } = invoice;
  return (
    <article class="card invoice-doc" aria-label={`${INVOICE_KIND_NAMES[invoice.kind]} ${invoice.number}`}>
      <div class="invoice-doc__parties">
        <section aria-labelledby="invoice-from">
          <h2 id="invoice-from" class="invoice-doc__label">
            From
          </h2>
          <p class="invoice-doc__name">{studio.legalName || studio.name}</p>
          {studio.address && <p class="invoice-doc__address">{studio.address}</p>}
          {studio.email && <p>{studio.email}</p>}
          {studio.taxIds.length > 0 && (
            <dl class="invoice-doc__taxids">
              {studio.taxIds.map((t) => (
                <div key={`${t.label}:${t.value}`}>
                  <dt>{t.label}</dt>
                  <dd>{t.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section aria-labelledby="invoice-to">
          <h2 id="invoice-to" class="invoice-doc__label">
            Billed to
          </h2>
          <p class="invoice-doc__name">{invoice.client.name}</p>
          {invoice.project && <p class="muted">Project: {invoice.project.title}</p>}
        </section>
        <dl class="invoice-doc__facts">
          <div>
            <dt>Invoice number</dt>
            <dd>{invoice.number}</dd>
          </div>
          <div>
            <dt>Issued</dt>
            <dd>
              <time dateTime={invoice.issueDate}>{formatDate(invoice.issueDate)}</time>
            </dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              <time dateTime={invoice.dueDate}>{formatDate(invoice.dueDate)}</time>
            </dd>
          </div>
        </dl>
      </div>

      <table class="invoice-lines">
        <caption class="visually-hidden">Invoice lines</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Qty</th>
            <th scope="col">Unit price</th>
            <th scope="col">Tax</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, i) => (
            <tr key={i}>
              <td class="invoice-lines__description">
                {line.description}
                {line.discount > 0 && <span class="muted small invoice-lines__discount">Discount −{m(line.discount)}</span>}
              </td>
              <td data-label="Qty">{quantity(line.quantity)}</td>
              <td data-label="Unit price">{m(line.unitPrice)}</td>
              <td data-label="Tax">{percent(line.taxRate)}</td>
              <td data-label="Total">{m(line.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <Totals invoice={invoice} />

      {invoice.voidReason && (
        <section class="invoice-doc__text" aria-labelledby="invoice-void">
          <h2 id="invoice-void" class="invoice-doc__label">
            Voided
          </h2>
          <p>{invoice.voidReason}</p>
        </section>
      )}
      {invoice.notes && (
        <section class="invoice-doc__text" aria-labelledby="invoice-notes">
          <h2 id="invoice-notes" class="invoice-doc__label">
            Notes
          </h2>
          <p>{invoice.notes}</p>
        </section>
      )}
      {invoice.terms && (
        <section class="invoice-doc__text" aria-labelledby="invoice-terms">
          <h2 id="invoice-terms" class="invoice-doc__label">
            Terms
          </h2>
          <p>{invoice.terms}</p>
        </section>
      )}
      <Payments invoice={invoice} />
    </article>
  );
}
