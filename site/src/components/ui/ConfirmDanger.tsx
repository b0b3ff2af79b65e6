import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { messageOf } from '../../lib/api.ts';
import { Dialog } from './Dialog.tsx';
import { Notice } from './Notice.tsx';
import { Spinner } from './Spinner.tsx';

/**
 * Confirms an action that cannot be taken back (remove, revoke, delete): "keep" has the focus, the
 * action shows it is running, and a failure is said in the dialog. `onConfirm` throws to report one.
 */
export function ConfirmDanger({
  id,
  title,
  keepLabel,
  actionLabel,
  busyLabel,
  onClose,
  onConfirm,
  children,
}: {
  /** Names the description, so the alert dialog reads it out. */
  id: string;
  title: string;
  keepLabel: string;
  actionLabel: string;
  busyLabel: string;
  onClose: () => void;
  onConfirm: () => Promise<void>;
  children: ComponentChildren;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await onConfirm();
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      alert
      describedBy={id}
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={onClose} data-autofocus>
            {keepLabel}
          </button>
          <button type="button" class="button button--danger" onClick={confirm} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? busyLabel : actionLabel}
          </button>
        </>
      }
    >
      <p id={id}>{children}</p>
      <Notice role="alert">{error}</Notice>
    </Dialog>
  );
}
