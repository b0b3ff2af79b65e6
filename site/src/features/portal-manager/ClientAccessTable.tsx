// Each client's access, with the Portal Manager's actions: resend the invitation, change or clear
// the last day, revoke (confirmed first) or restore, and "view as client".
import { useState } from 'preact/hooks';
import { Badge } from '../../components/ui/Badge.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import type { ClientSummary } from '../../lib/types.ts';
import { CLIENT_STATUS } from '../clients/index.ts';
import { AccessDialog, RevokeDialog } from './AccessDialogs.tsx';

export const previewHref = (clientId: string, galleryId?: string) =>
  `/portal-manager/preview?client=${encodeURIComponent(clientId)}${galleryId ? `&gallery=${encodeURIComponent(galleryId)}` : ''}`;

type Open = { kind: 'revoke' | 'access'; client: ClientSummary } | null;

export function ClientAccessTable({ clients, onChanged }: { clients: ClientSummary[]; onChanged: (c: ClientSummary) => void }) {
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (c: ClientSummary, what: string, run: () => Promise<{ client: ClientSummary }>, done: string) => {
    if (busy) return;
    setBusy(`${what}:${c.clientId}`);
    setStatus('');
    setError('');
    try {
      onChanged((await run()).client);
      setStatus(done);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const params = (c: ClientSummary) => ({ params: { clientId: c.clientId } });

  return (
    <>
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
      <div class="table-wrap">
        <table class="clients">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Status</th>
              <th scope="col">Last seen</th>
              <th scope="col">Access until</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.clientId} data-testid="pm-client-row">
                <th scope="row" class="clients__who">
                  <span class="clients__name">{c.name}</span>
                  <span class="clients__email">{c.email}</span>
                </th>
                <td data-label="Status">
                  <Badge tone={CLIENT_STATUS[c.status].tone}>{CLIENT_STATUS[c.status].label}</Badge>
                </td>
                <td data-label="Last seen">
                  {c.lastSignInAt ? (
                    <time dateTime={c.lastSignInAt}>{formatDate(c.lastSignInAt)}</time>
                  ) : (
                    <span class="muted">Not yet</span>
                  )}
                </td>
                <td data-label="Access until">
                  {c.accessExpiresAt ? (
                    <time dateTime={c.accessExpiresAt}>{formatDate(c.accessExpiresAt)}</time>
                  ) : (
                    <span class="muted">No end date</span>
                  )}
                </td>
                <td class="pm-actions">
                  <a class="button button--secondary button--small" href={previewHref(c.clientId)}>
                    View as client
                  </a>
                  {(c.status === 'invited' || c.status === 'active') && (
                    <button
                      type="button"
                      class="button button--ghost button--small"
                      aria-disabled={busy !== null || undefined}
                      onClick={() =>
                        act(c, 'resend', () => call('resendClientInvitation', params(c)), `A new invitation is on its way to ${c.email}.`)
                      }
                    >
                      Resend invitation
                    </button>
                  )}
                  <button type="button" class="button button--ghost button--small" onClick={() => setOpen({ kind: 'access', client: c })}>
                    Change access end
                  </button>
                  {c.status === 'revoked' ? (
                    <button
                      type="button"
                      class="button button--ghost button--small"
                      aria-disabled={busy !== null || undefined}
                      onClick={() =>
                        act(c, 'restore', () => call('restoreClientAccess', params(c)), `${c.name} can sign in to your portal again.`)
                      }
                    >
                      Restore access
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="button button--danger button--small"
                      onClick={() => setOpen({ kind: 'revoke', client: c })}
                    >
                      Revoke access
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open?.kind === 'revoke' && (
        <RevokeDialog
          client={open.client}
          onClose={() => setOpen(null)}
          onRevoked={(c) => {
            setOpen(null);
            onChanged(c);
            setStatus(`${c.name} no longer has access. Their sessions have ended.`);
          }}
        />
      )}
      {open?.kind === 'access' && (
        <AccessDialog
          client={open.client}
          onClose={() => setOpen(null)}
          onSaved={(c) => {
            setOpen(null);
            onChanged(c);
            setStatus(
              c.accessExpiresAt ? `${c.name} has access until ${formatDate(c.accessExpiresAt)}.` : `${c.name}’s access has no end date.`,
            );
          }}
        />
      )}
    </>
  );
}
