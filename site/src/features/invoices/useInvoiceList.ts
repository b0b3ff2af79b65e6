// The Billing page's invoice list: a status filter, the client or project the address names
// (/billing?projectId=…), and pages followed by cursor forwards and back (a stack of the cursors
// that opened each page).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InvoiceStatus } from '../../../../shared/features/invoices/constants.ts';
import type { InvoiceSummary } from '../../../../shared/features/invoices/schemas.ts';
import { call, messageOf } from '../../lib/api.ts';

const PAGE = '25';

/** The client or project the address narrows the list to (?clientId= or ?projectId=). */
function readScope(): { clientId?: string | undefined; projectId?: string | undefined } {
  if (typeof location === 'undefined') return {};
  const q = new URLSearchParams(location.search);
  const pick = (k: string) => {
    const v = q.get(k) ?? '';
    return /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : undefined;
  };
  return { clientId: pick('clientId'), projectId: pick('projectId') };
}

export function useInvoiceList() {
  const scope = useRef(readScope()).current;
  const [status, setStatus] = useState<InvoiceStatus | ''>('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [invoices, setInvoices] = useState<InvoiceSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    let live = true;
    setBusy(true);
    setError('');
    const query = {
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
      ...(status ? { status } : {}),
      ...(scope.clientId ? { clientId: scope.clientId } : {}),
      ...(scope.projectId ? { projectId: scope.projectId } : {}),
    };
    call('listInvoices', { query }).then(
      (page) => {
        if (!live) return;
        setInvoices(page.invoices);
        setNext(page.nextCursor);
        setBusy(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(messageOf(e));
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [status, cursor, attempt]);

  return {
    scope,
    status,
    invoices,
    busy,
    error,
    page: cursors.length,
    hasNext: Boolean(next),
    hasPrevious: cursors.length > 1,
    filter: (s: InvoiceStatus | '') => {
      setStatus(s);
      setCursors([undefined]);
    },
    nextPage: () => next && setCursors((c) => [...c, next]),
    previousPage: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    retry: () => setAttempt((n) => n + 1),
  };
}
