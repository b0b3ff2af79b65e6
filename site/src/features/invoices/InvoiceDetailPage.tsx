// /billing/<invoiceId>: one invoice for the studio: its status and facts, the actions (Edit a
// draft, Send, Void, Download PDF), the document as the client sees it, and what it unlocks when paid.
import { useState } from 'preact/hooks';
import { formatMoney } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings, InvoiceDetail } from '../../../../shared/features/invoices/schemas.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { BillingShell, useBillingLoad } from './BillingShell.tsx';
import { InvoiceDialogs } from './InvoiceActionsDialogs.tsx';
import { InvoiceForm } from './InvoiceForm.tsx';
import { InvoiceDocument } from './StudioInvoiceDocument.tsx';
import { invoiceIdFromPath, invoiceStatus, kindName } from './studio-labels.ts';
import { UnlocksPanel } from './UnlocksPanel.tsx';
import { useInvoiceActions } from './useInvoiceActions.ts';
import { useInvoiceForm } from './useInvoiceForm.ts';

const notFound = () => Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such invoice: the address is not complete.' }));

export default function InvoiceDetailPage() {
  const load = useBillingLoad(() => {
    const id = invoiceIdFromPath(location.pathname);
    return id ? Promise.all([call('getInvoice', { params: { invoiceId: id } }), call('getBillingSettings')]) : notFound();
  });
  const invoice = load.state === 'ready' ? load.data.data?.[0].invoice : undefined;
  return (
    <BillingShell
      title={invoice ? invoice.number : 'Invoice'}
      load={load}
      loadingLabel="Loading the invoice…"
      before={
        <a class="back-link" href="/billing">
          All invoices
        </a>
      }
    >
      {([{ invoice: i }, { settings }]) => <InvoiceView initial={i} settings={settings} />}
    </BillingShell>
  );
}

function InvoiceView({ initial, settings }: { initial: InvoiceDetail; settings: BillingSettings }) {
  const a = useInvoiceActions(initial);
  const i = a.invoice;
  const [open, setOpen] = useState<'edit' | 'send' | 'void' | null>(null);
  const st = invoiceStatus(i.status);
  const button = (show: boolean, label: string, onClick: () => void, tone = 'secondary') =>
    show && (
      <button type="button" class={`button button--${tone}`} aria-disabled={a.busy !== null || undefined} onClick={onClick}>
        {label}
      </button>
    );
  return (
    <>
      <section class="card invoice-summary" aria-label="Summary">
        <p class="invoice-summary__state">
          <Badge tone={st.tone}>{st.label}</Badge>
          <span class="muted small" data-testid="invoice-status">
            {kindName(i.kind)} · {st.label}
            {i.processing && ' · a bank payment is processing'}
          </span>
        </p>
        <dl class="invoice-facts">
          <Fact term="Client" value={i.client.name} />
          {i.project && <Fact term="Project" value={i.project.title} />}
          <Fact term="Issued" value={formatDate(i.issueDate)} />
          <Fact term="Due" value={formatDate(i.dueDate)} />
          {i.sentAt && <Fact term="Sent" value={formatDate(i.sentAt)} />}
          {i.paidAt && <Fact term="Paid" value={formatDate(i.paidAt)} />}
          <Fact term="Amount due" value={formatMoney(i.amountDue, i.currency)} />
          {i.voidReason && <Fact term="Void reason" value={i.voidReason} />}
        </dl>
        <div class="invoice-actions">
          {button(a.can.edit && open !== 'edit', 'Edit', () => setOpen('edit'))}
          {button(a.can.send, 'Send', () => setOpen('send'), 'primary')}
          {button(true, 'Download PDF', () => void a.pdf())}
          {button(a.can.void, 'Void', () => setOpen('void'), 'danger')}
        </div>
        <Notice role="status">{a.status}</Notice>
        <Notice role="alert">{a.error}</Notice>
      </section>
      {open === 'edit' ? (
        <EditDraft
          invoice={i}
          dueDays={settings.invoicing.dueDays}
          onCancel={() => setOpen(null)}
          onSaved={(saved) => {
            a.setInvoice(saved);
            setOpen(null);
          }}
        />
      ) : (
        <InvoiceDocument invoice={i} />
      )}
      <UnlocksPanel invoice={i} canChange={a.can.unlocks} onSave={a.setUnlocks} />
      <InvoiceDialogs open={open} invoice={i} onClose={() => setOpen(null)} send={a.send} voidIt={a.voidIt} />
    </>
  );
}

function EditDraft({
  invoice,
  dueDays,
  onCancel,
  onSaved,
}: {
  invoice: InvoiceDetail;
  dueDays: number;
  onCancel: () => void;
  onSaved: (i: InvoiceDetail) => void;
}) {
  const f = useInvoiceForm({ mode: 'edit', invoice }, onSaved);
  return <InvoiceForm f={f} dueDays={dueDays} onCancel={onCancel} />;
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div class="invoice-facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
