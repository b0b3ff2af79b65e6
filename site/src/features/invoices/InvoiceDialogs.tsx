// Sending (it is fixed from then on) and voiding (with a reason, kept on the invoice) confirmed in dialogs.
import { useState } from 'preact/hooks';
import { INVOICE_LIMITS } from '../../../../shared/features/invoices/constants.ts';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { messageOf } from '../../lib/api.ts';

function useDialogAction(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const go = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
    }
  };
  return { busy, error, setError, go };
}

export function SendDialog({
  number,
  client,
  onClose,
  onSend,
}: {
  number: string;
  client: string;
  onClose: () => void;
  onSend: () => Promise<void>;
}) {
  const a = useDialogAction(onSend);
  return (
    <Dialog
      title={`Send ${number} to ${client}?`}
      onClose={onClose}
      alert
      describedBy="send-invoice-text"
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={onClose} data-autofocus>
            Keep as draft
          </button>
          <button type="button" class="button button--primary" aria-disabled={a.busy || undefined} onClick={() => void a.go()}>
            {a.busy && <Spinner />}
            {a.busy ? 'Sending…' : 'Send invoice'}
          </button>
        </>
      }
    >
      <p id="send-invoice-text">It can’t be changed after sending. {client} gets it by email with a link to pay in the portal.</p>
      <Notice role="alert">{a.error}</Notice>
    </Dialog>
  );
}

export function VoidInvoiceDialog({
  number,
  onClose,
  onVoid,
}: {
  number: string;
  onClose: () => void;
  onVoid: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const a = useDialogAction(() => onVoid(reason.trim()));
  return (
    <Dialog
      title={`Void ${number}?`}
      onClose={onClose}
      alert
      describedBy="void-invoice-text"
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={onClose} data-autofocus>
            Keep the invoice
          </button>
          <button
            type="button"
            class="button button--danger"
            aria-disabled={a.busy || undefined}
            onClick={() => (reason.trim() ? void a.go() : a.setError('Say why: the invoice keeps the reason.'))}
          >
            {a.busy && <Spinner />}
            {a.busy ? 'Voiding…' : 'Void invoice'}
          </button>
        </>
      }
    >
      <p id="void-invoice-text">Nothing more can be paid on it. It stays in your records, marked void, with the reason.</p>
      <div class="field">
        <label class="field__label" for="void-invoice-reason">
          Reason
        </label>
        <textarea
          id="void-invoice-reason"
          class="textarea"
          rows={3}
          required
          maxLength={INVOICE_LIMITS.voidReason}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <Notice role="alert">{a.error}</Notice>
    </Dialog>
  );
}
