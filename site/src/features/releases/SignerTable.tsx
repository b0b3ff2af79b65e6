// A release's signers for the studio: each one's state, when they were sent it, viewed it and
// signed or declined it (with the reason), and "Resend" for one whose link may be lost.
import type { ReleaseDetail, SignerView } from '../../../../shared/features/releases/schemas.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { SIGNER_STATE } from './labels.ts';

const When = ({ at }: { at: string | null }) => (at ? <time dateTime={at}>{formatDateTime(at)}</time> : <span class="muted">—</span>);

export function SignerTable({
  release,
  canResend,
  busy,
  onResend,
}: {
  release: ReleaseDetail;
  canResend: boolean;
  busy: boolean;
  onResend: (s: SignerView) => void;
}) {
  return (
    <section class="card card--flush" aria-labelledby="signers-heading">
      <div class="card__head">
        <h2 id="signers-heading">Signers</h2>
      </div>
      <div class="table-wrap">
        <table class="release-table">
          <thead>
            <tr>
              <th scope="col">Signer</th>
              <th scope="col">State</th>
              <th scope="col">Sent</th>
              <th scope="col">Viewed</th>
              <th scope="col">Signed</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {release.signers.map((s) => (
              <tr key={s.signerId} data-testid="release-signer">
                <th scope="row">
                  {s.name}
                  <span class="muted small release-audit__detail">{s.email}</span>
                </th>
                <td data-label="State">
                  <Badge tone={SIGNER_STATE[s.state].tone}>{SIGNER_STATE[s.state].label}</Badge>
                  {s.declineReason && (
                    <p class="small release-decline" data-testid="decline-reason">
                      Declined <When at={s.declinedAt} />: {s.declineReason}
                    </p>
                  )}
                </td>
                <td data-label="Sent">
                  <When at={s.sentAt} />
                </td>
                <td data-label="Viewed">
                  <When at={s.viewedAt} />
                </td>
                <td data-label="Signed">
                  <When at={s.signedAt} />
                </td>
                <td>
                  {canResend && (s.state === 'pending' || s.state === 'viewed') && (
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-disabled={busy || undefined}
                      aria-label={`Resend to ${s.name}`}
                      onClick={() => onResend(s)}
                    >
                      Resend
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
