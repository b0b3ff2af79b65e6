// The studio's actions on one invoice: send, void, unlocks and the PDF. Each answer replaces the
// invoice on the page; the PDF asks for a fresh link and opens it.
import { useRef, useState } from 'preact/hooks';
import type { InvoiceDetail, Unlocks } from '../../../../shared/features/invoices/schemas.ts';
import { call, messageOf } from '../../lib/api.ts';

export type Action = 'send' | 'void' | 'unlocks' | 'pdf';

export function useInvoiceActions(initial: InvoiceDetail) {
  const [invoice, setInvoice] = useState(initial);
  const [busy, setBusy] = useState<Action | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const running = useRef(false);
  const params = { invoiceId: invoice.invoiceId };

  /** Throws after saying the failure, so a dialog can stay open and say it too. */
  const run = async (action: Action, work: () => Promise<void>, done: string) => {
    if (running.current) return;
    running.current = true;
    setBusy(action);
    setStatus('');
    setError('');
    try {
      await work();
      setStatus(done);
    } catch (e) {
      setError(messageOf(e));
      throw e;
    } finally {
      running.current = false;
      setBusy(null);
    }
  };
  const update = (p: Promise<{ invoice: InvoiceDetail }>) => p.then((r) => setInvoice(r.invoice));
  const somethingPaid = invoice.paid > 0 || invoice.payments.some((p) => p.state !== 'failed');

  return {
    invoice,
    setInvoice,
    busy,
    status,
    error,
    can: {
      edit: invoice.status === 'draft',
      send: invoice.status === 'draft',
      void: invoice.status !== 'void' && !somethingPaid,
      unlocks: invoice.status !== 'void' && invoice.status !== 'paid',
    },
    send: () => run('send', () => update(call('sendInvoice', { params })), `Sent to ${invoice.client.name}.`),
    voidIt: (reason: string) => run('void', () => update(call('voidInvoice', { params, body: { reason } })), 'Voided.'),
    setUnlocks: (body: Unlocks) => run('unlocks', () => update(call('setInvoiceUnlocks', { params, body })), 'Unlocks saved.'),
    pdf: () =>
      run(
        'pdf',
        async () => {
          const { download } = await call('downloadInvoicePdf', { params });
          location.assign(download.url);
        },
        '',
      ).catch(() => {}),
  };
}
