// The dialog that confirms the client's final set: the selection locks once it succeeds.
import { useState } from 'preact/hooks';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import type { Branding } from '../../lib/types.ts';

export function ConfirmDialog({
  galleryId,
  count,
  studio,
  onClose,
  onConfirmed,
  onStale,
}: {
  galleryId: string;
  count: number;
  studio: Branding;
  onClose: () => void;
  onConfirmed: (confirmedAt: string) => void;
  onStale: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const { submission } = await call('confirmSelection', { params: { galleryId } });
      onConfirmed(submission.confirmedAt);
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
      if (e instanceof ApiError && e.status === 409) onStale();
    }
  };
  return (
    <Dialog
      title="Confirm your final set?"
      onClose={onClose}
      alert
      describedBy="confirm-text"
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={onClose} data-autofocus>
            Keep choosing
          </button>
          <button type="button" class="button button--primary" onClick={submit} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Confirming…' : `Confirm ${plural(count, 'photo')}`}
          </button>
        </>
      }
    >
      <p id="confirm-text">
        You’re sending <strong>{plural(count, 'photo')}</strong> to {studio.name} as your final set. Once confirmed, your selection is{' '}
        <strong>locked</strong>: you won’t be able to add or remove photos.
      </p>
      <Notice role="alert">{error}</Notice>
    </Dialog>
  );
}
