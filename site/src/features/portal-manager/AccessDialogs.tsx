// The Portal Manager's two dialogs: confirming a revocation, and changing a client's last day.

import { useEffect, useState } from 'preact/hooks';
import { ConfirmDanger } from '../../components/ui/ConfirmDanger.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { today } from '../../lib/dates.ts';
import type { ClientSummary } from '../../lib/types.ts';

export function RevokeDialog({
  client,
  onClose,
  onRevoked,
}: {
  client: ClientSummary;
  onClose: () => void;
  onRevoked: (c: ClientSummary) => void;
}) {
  return (
    <ConfirmDanger
      id="revoke-client-text"
      title={`Revoke ${client.name}’s access?`}
      keepLabel="Keep access"
      actionLabel="Revoke access"
      busyLabel="Revoking…"
      onClose={onClose}
      onConfirm={async () => onRevoked((await call('revokeClientAccess', { params: { clientId: client.clientId } })).client)}
    >
      <strong class="break">{client.email}</strong> is signed out of your portal at once, and their sign-in links stop working. Their
      galleries and selections are kept; you can restore access later.
    </ConfirmDanger>
  );
}

export function AccessDialog({
  client,
  onClose,
  onSaved,
}: {
  client: ClientSummary;
  onClose: () => void;
  onSaved: (c: ClientSummary) => void;
}) {
  const [date, setDate] = useState(client.accessExpiresAt ?? '');
  const [minDate, setMinDate] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Today in the reader's time zone: known only in the browser.
  useEffect(() => setMinDate(today()), []);

  const save = async (accessExpiresAt: string | null) => {
    if (busy) return;
    if (accessExpiresAt !== null && (!accessExpiresAt || (minDate && accessExpiresAt < minDate))) {
      setProblem('Choose today or a later date, or clear the end date.');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setError('');
    try {
      onSaved((await call('updateClientAccess', { params: { clientId: client.clientId }, body: { accessExpiresAt } })).client);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.field('accessExpiresAt')) setProblem(e.field('accessExpiresAt'));
      else setError(messageOf(e));
    }
  };
  return (
    <Dialog
      title={`Access for ${client.name}`}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button button--secondary" onClick={() => save(null)} aria-disabled={busy || undefined}>
            No end date
          </button>
          <button type="button" class="button button--primary" onClick={() => save(date)} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            Save date
          </button>
        </>
      }
    >
      <Field
        id="pm-access-date"
        label="Access until"
        type="date"
        min={minDate}
        value={date}
        onValue={setDate}
        error={problem}
        hintBelow
        hint="The last day the client can use your portal."
      />
      <Notice role="alert">{error}</Notice>
    </Dialog>
  );
}
