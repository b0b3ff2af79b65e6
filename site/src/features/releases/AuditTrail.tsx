// A release's audit trail as the studio reads it, and whether its hash chain holds.
import { AUDIT_EVENT_NAMES, AUTH_METHOD_NAMES } from '../../../../shared/features/releases/constants.ts';
import type { ChainCheck, ReleaseDetail } from '../../../../shared/features/releases/schemas.ts';
import { formatDateTime } from '../../lib/format.ts';

export function chainSentence(chain: ChainCheck): string {
  if (chain.intact) return `Audit chain intact (${chain.events} ${chain.events === 1 ? 'event' : 'events'})`;
  return chain.brokenAt ? `Broken at event #${chain.brokenAt.seq}: ${chain.brokenAt.reason}` : 'Audit chain broken';
}

export function AuditTrail({ release }: { release: ReleaseDetail }) {
  const { chain, events } = release;
  return (
    <section class="card card--flush" aria-labelledby="audit-heading">
      <div class="card__head">
        <h2 id="audit-heading">Audit trail</h2>
      </div>
      <p class={`card__body release-chain release-chain--${chain.intact ? 'ok' : 'broken'}`} data-testid="chain-check" role="status">
        {chainSentence(chain)}
      </p>
      <div class="table-wrap">
        <table class="release-audit">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Event</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">How authenticated</th>
              <th scope="col">IP</th>
              <th scope="col">Device</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq} data-testid="audit-event">
                <td data-label="#">{e.seq}</td>
                <th scope="row" data-label="Event">
                  {AUDIT_EVENT_NAMES[e.type]}
                  {e.detail && <span class="muted small release-audit__detail">{e.detail}</span>}
                </th>
                <td data-label="When">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </td>
                <td data-label="Who">
                  {e.actor.name}
                  {e.actor.email && <span class="muted small release-audit__detail">{e.actor.email}</span>}
                </td>
                <td data-label="How authenticated">{AUTH_METHOD_NAMES[e.auth]}</td>
                <td data-label="IP">{e.ip ?? '—'}</td>
                <td data-label="Device" class="release-audit__device" title={e.userAgent ?? undefined}>
                  {e.userAgent ?? '—'}
                </td>
                <td data-label="Hash">
                  <code title={e.hash}>{e.hash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
