// Voiding a release: it stays in the history, nobody can sign it, and the reason is kept.
import { useState } from 'preact/hooks';
import { RELEASE_LIMITS } from '../../../../shared/features/releases/constants.ts';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { messageOf } from '../../lib/api.ts';

export function VoidDialog({ onClose, onVoid }: { onClose: () => void; onVoid: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) return setError('Say why: the signers and the audit trail keep the reason.');
    setBusy(true);
    setError('');
    try {
      await onVoid(reason.trim());
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
    }
  };
  return (
    <Dialog
      title="Void this release?"
      onClose={onClose}
      alert
      describedBy="void-release-text"
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={onClose} data-autofocus>
            Keep the release
          </button>
          <button type="button" class="button button--danger" aria-disabled={busy || undefined} onClick={() => void submit()}>
            {busy && <Spinner />}
            {busy ? 'Voiding…' : 'Void release'}
          </button>
        </>
      }
    >
      <p id="void-release-text">Nobody will be able to sign it. It stays in the history with its audit trail.</p>
      <div class="field">
        <label class="field__label" for="void-reason">
          Reason
        </label>
        <textarea
          id="void-reason"
          class="textarea"
          rows={3}
          maxLength={RELEASE_LIMITS.voidReason}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <Notice role="alert">{error}</Notice>
    </Dialog>
  );
}
