// /billing: the overview per currency (totals by status, outstanding, overdue, payments by month),
// then the invoices a page at a time with a status filter, "New invoice" and "Export CSV".
import { INVOICE_STATUSES, type InvoiceStatus } from '../../../../shared/features/invoices/constants.ts';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { call } from '../../lib/api.ts';
import { BillingShell, useBillingLoad } from './BillingShell.tsx';
import { ExportLink } from './ExportLink.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';
import { OverviewCards } from './OverviewCards.tsx';
import { invoiceStatus } from './studio-labels.ts';
import { useInvoiceList } from './useInvoiceList.ts';

export default function BillingPage() {
  const load = useBillingLoad(() => call('getBillingOverview'));
  return (
    <BillingShell title="Billing" lead="Invoices, deposits and what your clients have paid." load={load} loadingLabel="Loading billing…">
      {(data) => (
        <>
          <div class="billing-toolbar">
            <a class="button button--primary" href="/billing/new">
              New invoice
            </a>
            <a class="button button--secondary" href="/billing/schedule">
              Payment schedule
            </a>
          </div>
          <OverviewCards overview={data.overview} />
          <InvoiceList />
        </>
      )}
    </BillingShell>
  );
}

function InvoiceList() {
  const list = useInvoiceList();
  const scoped = list.scope.projectId ? ' of this project' : list.scope.clientId ? ' of this client' : '';
  return (
    <section class="card card--flush" aria-labelledby="invoice-list-heading">
      <div class="card__head billing-list__head">
        <h2 id="invoice-list-heading">Invoices{scoped}</h2>
        <Select id="invoice-status" label="Status" value={list.status} onValue={(v) => list.filter(v as InvoiceStatus | '')}>
          <option value="">All statuses</option>
          {INVOICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {invoiceStatus(s).label}
            </option>
          ))}
        </Select>
      </div>
      {list.invoices === null && list.busy && <Loading label="Loading invoices…" />}
      {list.invoices && list.invoices.length > 0 && (
        <div aria-busy={list.busy || undefined}>
          <InvoiceTable invoices={list.invoices} caption={`Invoices${scoped}, page ${list.page}`} />
        </div>
      )}
      {list.invoices && list.invoices.length === 0 && !list.busy && (
        <div class="empty">
          <p class="empty__title">{list.status ? `No ${invoiceStatus(list.status).label.toLowerCase()} invoices` : 'No invoices yet'}</p>
          <p class="muted">Bill a client with “New invoice”, or plan a project’s payments with a schedule.</p>
        </div>
      )}
      <Notice role="alert">{list.error}</Notice>
      {list.error && (
        <div class="card__body">
          <button type="button" class="button button--secondary" onClick={list.retry}>
            Try again
          </button>
        </div>
      )}
      {(list.hasPrevious || list.hasNext) && (
        <nav class="card__body billing-pager" aria-label="Invoice pages">
          <button type="button" class="button button--secondary" disabled={!list.hasPrevious || list.busy} onClick={list.previousPage}>
            Previous page
          </button>
          <span class="muted small">Page {list.page}</span>
          <button type="button" class="button button--secondary" disabled={!list.hasNext || list.busy} onClick={list.nextPage}>
            Next page
          </button>
        </nav>
      )}
      <div class="card__body">
        <ExportLink />
      </div>
    </section>
  );
}
