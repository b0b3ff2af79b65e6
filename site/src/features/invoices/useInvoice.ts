// The invoice page's data: the invoice, and on the return from Checkout (?session_id=…) how the
// attempt went, asked once and then taken out of the address. While a bank debit settles the page
// asks again every few seconds, for a minute. The PDF is a short-lived link opened at once.
import { useEffect, useState } from 'preact/hooks';
import type { CheckoutState, ClientInvoice } from '../../../../shared/features/invoices/schemas.ts';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { invoiceIdFromPath } from './labels.ts';

const POLL_MS = 3000;
const POLL_FOR_MS = 60_000;

interface Loaded {
  invoice: ClientInvoice;
  /** The attempt the client came back from, when the address named one. */
  result: CheckoutState | null;
  /** ?pay=1: "Pay to unlock" asked for the checkout at once. */
  payNow: boolean;
}

async function loadInvoice(): Promise<Loaded> {
  const invoiceId = invoiceIdFromPath(location.pathname);
  if (!invoiceId) throw new ApiError(404, { error: 'not_found', message: 'No such invoice.' });
  const search = new URLSearchParams(location.search);
  const sessionId = search.get('session_id');
  const payNow = search.get('pay') === '1';
  if (sessionId) {
    try {
      const { checkout, invoice } = await call('getCheckoutResult', { params: { invoiceId, sessionId } });
      return { invoice, result: checkout, payNow: false };
    } catch (e) {
      // A session that is not this invoice's (or a mangled address): the invoice as it stands.
      if (!(e instanceof ApiError) || e.status >= 500 || e.status === 0) throw e;
    }
  }
  const { invoice } = await call('getClientInvoice', { params: { invoiceId } });
  return { invoice, result: null, payNow };
}

/** Opens a short-lived download link (it names the file: the browser saves it, the page stays). */
function startDownload(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function useInvoice() {
  const page = usePortalLoad(loadInvoice);
  const [invoice, setInvoice] = useState<ClientInvoice | null>(null);
  const [result, setResult] = useState<CheckoutState | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!page.data) return;
    setInvoice(page.data.invoice);
    setResult(page.data.result);
    // Answered: a reload (or a shared address) should not ask about the same attempt or pay again.
    const search = new URLSearchParams(location.search);
    if (search.has('session_id') || search.has('pay')) history.replaceState(history.state, '', location.pathname + location.hash);
  }, [page.data]);

  // A bank debit settling: ask again every few seconds, for a minute at most.
  const invoiceId = invoice?.invoiceId;
  const processing = Boolean(invoice?.processing) || result?.outcome === 'processing';
  useEffect(() => {
    if (!invoiceId || !processing) return;
    const until = Date.now() + POLL_FOR_MS;
    const timer = setInterval(() => {
      if (Date.now() > until) return clearInterval(timer);
      call('getClientInvoice', { params: { invoiceId } }).then(
        ({ invoice: fresh }) => {
          setInvoice(fresh);
          if (!fresh.processing) {
            clearInterval(timer);
            if (fresh.checkout) setResult(fresh.checkout);
          }
        },
        // A blip: the next tick asks again.
        () => {},
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [invoiceId, processing]);

  const downloadPdf = async () => {
    if (!invoiceId || downloading) return;
    setDownloading(true);
    setError('');
    try {
      startDownload((await call('downloadClientInvoicePdf', { params: { invoiceId } })).download.url);
    } catch (e) {
      setError(`We couldn’t get the PDF. ${messageOf(e)}`);
    } finally {
      setDownloading(false);
    }
  };

  return { page, invoice, result, payNow: page.data?.payNow ?? false, downloadPdf, downloading, error };
}
