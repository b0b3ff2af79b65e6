// /billing/new (optionally ?clientId=&projectId=): a new draft invoice, deposit or final invoice.
import { call } from '../../lib/api.ts';
import { allClients, callAll } from '../../lib/paging.ts';
import { BillingShell, useBillingLoad } from './BillingShell.tsx';
import { InvoiceForm } from './InvoiceForm.tsx';
import { useInvoiceForm } from './useInvoiceForm.ts';

type Data = {
  settings: Awaited<ReturnType<typeof loadData>>['settings'];
  clients: Awaited<ReturnType<typeof loadData>>['clients'];
  projects: Awaited<ReturnType<typeof loadData>>['projects'];
};

async function loadData() {
  const [{ settings }, { clients }, projects] = await Promise.all([
    call('getBillingSettings'),
    allClients(),
    callAll('listProjects', 'projects'),
  ]);
  return { settings, clients, projects };
}

/** A uuid from the address, or undefined. */
export function idFromQuery(name: string): string | undefined {
  if (typeof location === 'undefined') return undefined;
  const v = new URLSearchParams(location.search).get(name) ?? '';
  return /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : undefined;
}

export default function NewInvoicePage() {
  const load = useBillingLoad(loadData);
  return (
    <BillingShell
      title="New invoice"
      load={load}
      loadingLabel="Loading clients and projects…"
      before={
        <a class="back-link" href="/billing">
          All invoices
        </a>
      }
    >
      {(data) => <NewInvoiceForm data={data} />}
    </BillingShell>
  );
}

function NewInvoiceForm({ data }: { data: Data }) {
  const clientId = idFromQuery('clientId');
  const projectId = idFromQuery('projectId');
  const f = useInvoiceForm({
    mode: 'create',
    settings: data.settings,
    ...(clientId ? { clientId } : {}),
    ...(projectId ? { projectId } : {}),
  });
  return <InvoiceForm f={f} clients={data.clients} projects={data.projects} dueDays={data.settings.invoicing.dueDays} />;
}
