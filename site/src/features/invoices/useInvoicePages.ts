// The Billing tab's list: the first page with the client, then "Show more" following the cursor.
// Newest first: by issue date, then number, across every page loaded so far.
import { useEffect, useState } from 'preact/hooks';
import type { InvoiceSummary } from '../../../../shared/features/invoices/schemas.ts';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { call, messageOf } from '../../lib/api.ts';

const PAGE = '25';

const newestFirst = (a: InvoiceSummary, b: InvoiceSummary) =>
  b.issueDate.localeCompare(a.issueDate) || b.number.localeCompare(a.number, 'en', { numeric: true });

export function useInvoicePages() {
  const page = usePortalLoad(() => call('listClientInvoices', { query: { limit: PAGE } }));
  const [more, setMore] = useState<InvoiceSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (page.data) setCursor(page.data.nextCursor);
  }, [page.data]);
  const showMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    setError('');
    try {
      const next = await call('listClientInvoices', { query: { limit: PAGE, cursor } });
      setMore((m) => [...m, ...next.invoices]);
      setCursor(next.nextCursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  // A page that overlaps the one before (an invoice sent meanwhile) shows each invoice once.
  const seen = new Set<string>();
  const invoices = [...(page.data?.invoices ?? []), ...more]
    .filter((i) => !seen.has(i.invoiceId) && seen.add(i.invoiceId))
    .sort(newestFirst);
  return { page, invoices, cursor, busy, error, showMore };
}
