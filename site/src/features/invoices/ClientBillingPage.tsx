// The portal's Billing tab, /billing: every invoice of the client's projects, newest first, with
// what is due on each and its status; a page at a time.
import { type Currency, formatMoney } from '../../../../shared/features/invoices/constants.ts';
import type { InvoiceSummary } from '../../../../shared/features/invoices/schemas.ts';
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useTitle } from '../../lib/hooks.ts';
import { invoiceBadge, invoiceHref } from './labels.ts';
import { useInvoicePages } from './useInvoicePages.ts';
import './invoices.css';

export default function ClientBillingPage() {
  const list = useInvoicePages();
  const { page } = list;
  useTitle(page.studio ? `Billing · ${page.studio.name}` : undefined);
  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <section class="container container--narrow" aria-labelledby="billing-heading">
        <h1 id="billing-heading" class="section-title">
          Billing
        </h1>
        {page.state.state === 'loading' && <Loading label="Loading your invoices…" />}
        {page.state.state === 'failed' && page.error?.code !== 'wrong_portal' && (
          <Notice role="alert">{messageOf(page.state.error)}</Notice>
        )}
        {page.data &&
          (list.invoices.length ? (
            <ul class="invoice-cards" aria-label="Invoices">
              {list.invoices.map((i) => (
                <InvoiceCard key={i.invoiceId} invoice={i} />
              ))}
            </ul>
          ) : (
            <div class="empty empty--card">
              <p class="empty__title">No invoices yet</p>
              <p class="muted">When {page.studio?.name ?? 'the studio'} sends you an invoice, you’ll find it here, ready to pay.</p>
            </div>
          ))}
        {list.cursor && (
          <p class="invoice-more">
            <button type="button" class="button button--secondary" disabled={list.busy} onClick={() => void list.showMore()}>
              {list.busy ? 'Loading…' : 'Show more'}
            </button>
          </p>
        )}
        <Notice role="alert">{list.error}</Notice>
      </section>
    </PortalFrame>
  );
}

function InvoiceCard({ invoice: i }: { invoice: InvoiceSummary }) {
  const m = (minor: number) => formatMoney(minor, i.currency as Currency);
  const badge = invoiceBadge(i);
  return (
    <li class="card invoice-card">
      <div class="invoice-card__head">
        <a class="invoice-card__number" href={invoiceHref(i.invoiceId)}>
          {i.number}
        </a>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>
      {i.project && <p class="invoice-card__project">{i.project.title}</p>}
      <dl class="invoice-card__facts">
        <div>
          <dt>Issued</dt>
          <dd>
            <time dateTime={i.issueDate}>{formatDate(i.issueDate)}</time>
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            <time dateTime={i.dueDate}>{formatDate(i.dueDate)}</time>
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{m(i.total)}</dd>
        </div>
        <div>
          <dt>Amount due</dt>
          <dd class="invoice-card__due">{m(i.amountDue)}</dd>
        </div>
      </dl>
    </li>
  );
}
