// The studio's invoices as a table: one row per invoice, its number linking to its page, and its
// status as a badge ("Paid", "Overdue", …). Narrow screens show each row as a card.
import { formatMoney } from '../../../../shared/features/invoices/constants.ts';
import type { InvoiceSummary } from '../../../../shared/features/invoices/schemas.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { formatDate } from '../../lib/dates.ts';
import { invoiceHref, invoiceStatus, kindName } from './studio-labels.ts';

export function InvoiceTable({ invoices, caption }: { invoices: InvoiceSummary[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="invoice-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Client</th>
            <th scope="col">Project</th>
            <th scope="col">Kind</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" class="num">
              Total
            </th>
            <th scope="col" class="num">
              Amount due
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <InvoiceRow key={i.invoiceId} invoice={i} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvoiceRow({ invoice: i }: { invoice: InvoiceSummary }) {
  const st = invoiceStatus(i.status);
  return (
    <tr data-testid="invoice-row">
      <th scope="row" class="invoice-table__number">
        <a href={invoiceHref(i.invoiceId)}>{i.number}</a>
      </th>
      <td data-label="Client">{i.client.name}</td>
      <td data-label="Project">{i.project ? i.project.title : <span class="muted">None</span>}</td>
      <td data-label="Kind">{kindName(i.kind)}</td>
      <td data-label="Issued">
        <time dateTime={i.issueDate}>{formatDate(i.issueDate)}</time>
      </td>
      <td data-label="Due">
        <time dateTime={i.dueDate}>{formatDate(i.dueDate)}</time>
      </td>
      <td data-label="Total" class="num">
        {formatMoney(i.total, i.currency)}
      </td>
      <td data-label="Amount due" class="num">
        {formatMoney(i.amountDue, i.currency)}
      </td>
      <td data-label="Status">
        <Badge tone={st.tone}>{st.label}</Badge>
        {i.processing && <span class="muted small invoice-table__note"> Bank payment processing</span>}
      </td>
    </tr>
  );
}
