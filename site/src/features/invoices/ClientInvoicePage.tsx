// The portal's invoice page, /billing/<invoiceId>: the document, its PDF, and Pay (Stripe Checkout
// embedded in the page). Coming back from Checkout, the attempt's outcome is said first; ?pay=1
// ("Pay to unlock") opens the checkout at once.
import { useEffect } from 'preact/hooks';
import { type Currency, formatMoney, INVOICE_KIND_NAMES } from '../../../../shared/features/invoices/constants.ts';
import type { CheckoutState } from '../../../../shared/features/invoices/schemas.ts';
import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { messageOf } from '../../lib/api.ts';
import { useTitle } from '../../lib/hooks.ts';
import { CheckoutPanel } from './CheckoutPanel.tsx';
import { InvoiceDocument } from './InvoiceDocument.tsx';
import { invoiceBadge } from './labels.ts';
import { useCheckout } from './useCheckout.ts';
import { useInvoice } from './useInvoice.ts';
import './invoices.css';

const RESULT_TONE: Record<CheckoutState['outcome'], 'success' | 'info' | 'error'> = {
  paid: 'success',
  processing: 'info',
  failed: 'error',
  open: 'info',
  expired: 'error',
};

export default function ClientInvoicePage() {
  const inv = useInvoice();
  const { page, invoice, result } = inv;
  useTitle(invoice && page.studio ? `Invoice ${invoice.number} · ${page.studio.name}` : undefined);
  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <div class="container container--narrow invoice-page">
        <a class="back-link" href="/billing">
          <BackIcon />
          All invoices
        </a>
        {page.state.state === 'loading' && <Loading label="Loading the invoice…" />}
        {page.state.state === 'failed' && page.error?.code !== 'wrong_portal' && (
          <div class="panel panel--center">
            <h1>{page.error?.status === 404 ? 'Invoice not found' : 'Something went wrong'}</h1>
            <Notice role="alert">
              {page.error?.status === 404
                ? 'It may not have been sent to you yet, or this link is not yours.'
                : messageOf(page.state.error)}
            </Notice>
          </div>
        )}
        {/* Always in the page, so the outcome is announced when it appears. */}
        <Notice role="status" tone={result ? RESULT_TONE[result.outcome] : 'info'} class="invoice-result">
          {result?.message}
        </Notice>
        {invoice && <InvoiceBody key={invoice.invoiceId} inv={inv} />}
      </div>
    </PortalFrame>
  );
}

function InvoiceBody({ inv }: { inv: ReturnType<typeof useInvoice> }) {
  const invoice = inv.invoice as NonNullable<typeof inv.invoice>;
  const pay = useCheckout(invoice.invoiceId);
  const badge = invoiceBadge(invoice);
  const due = formatMoney(invoice.amountDue, invoice.currency as Currency);
  const payable = invoice.payable && !invoice.processing && invoice.status !== 'paid';
  // "Pay to unlock" lands here with ?pay=1: the checkout opens at once.
  useEffect(() => {
    if (inv.payNow && payable) void pay.start();
  }, [inv.payNow]);
  const again = inv.result && inv.result.outcome !== 'paid' && inv.result.outcome !== 'processing';
  return (
    <>
      <header class="invoice-head">
        <p class="muted small">{INVOICE_KIND_NAMES[invoice.kind]}</p>
        <div class="invoice-head__title">
          <h1 class="section-title">Invoice {invoice.number}</h1>
          <span data-testid="invoice-status">
            <Badge tone={badge.tone}>{badge.label}</Badge>
          </span>
        </div>
        <p class="invoice-head__due">
          {invoice.status === 'paid' ? 'Paid in full' : invoice.status === 'void' ? 'Voided: nothing to pay' : `${due} due`}
          {invoice.project && <span class="muted"> · {invoice.project.title}</span>}
        </p>
        {invoice.processing && <p class="muted">Your bank payment is processing. This page updates when it clears.</p>}
        <div class="invoice-actions">
          {payable && pay.checkout.phase !== 'open' && (
            <button type="button" class="button button--primary" disabled={pay.busy} aria-busy={pay.busy} onClick={() => void pay.start()}>
              {pay.busy ? 'Opening checkout…' : `${again ? 'Pay again' : 'Pay'} ${due}`}
            </button>
          )}
          <button type="button" class="button button--secondary" disabled={inv.downloading} onClick={() => void inv.downloadPdf()}>
            {inv.downloading ? 'Preparing PDF…' : 'Download PDF'}
          </button>
        </div>
        <Notice role="alert">{inv.error}</Notice>
      </header>
      <CheckoutPanel checkout={pay.checkout} declined={pay.declined} mountPoint={pay.mountPoint} onClose={pay.close} />
      <InvoiceDocument invoice={invoice} />
    </>
  );
}
