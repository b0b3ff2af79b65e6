// The portal project page's deliverables: a card each with its state, and a "Review now" call to
// action on the ones waiting on the client.
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad } from '../../lib/hooks.ts';
import { STATE_TONE, stateLabel } from './labels.ts';
import '../../styles/pages/deliverables-list.css';

export function ClientDeliverablesList({ projectId }: { projectId: string }) {
  const load = useLoad(() => call('listClientDeliverables', { params: { projectId } }).then((r) => r.deliverables));
  return (
    <section class="client-deliverables" aria-labelledby="client-deliverables-heading">
      <h2 id="client-deliverables-heading" class="section-heading">
        Deliverables
      </h2>
      {load.state === 'loading' && <Loading label="Loading deliverables…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' &&
        (load.data.length ? (
          <ul class="deliverable-cards">
            {load.data.map((d) => {
              const href = `/projects/${projectId}/deliverables/${d.deliverableId}`;
              const waiting = d.state === 'in_review';
              return (
                <li key={d.deliverableId} class={`deliverable-card${waiting ? ' deliverable-card--waiting' : ''}`}>
                  <div class="deliverable-card__head">
                    <a class="deliverable-card__title" href={href}>
                      {d.title}
                    </a>
                    <Badge tone={STATE_TONE[d.state]}>{stateLabel(d.state)}</Badge>
                  </div>
                  <p class="muted small">
                    Version {d.latestVersion}
                    {d.dueDate && (
                      <>
                        {' '}
                        · {waiting ? 'review by' : 'due'} <time dateTime={d.dueDate}>{formatDate(d.dueDate)}</time>
                      </>
                    )}
                    {d.locked && ' · Approved — locked'}
                  </p>
                  {d.description && <p class="deliverable-card__description">{d.description}</p>}
                  {waiting ? (
                    <a class="button button--primary button--small" href={href} aria-label={`Review ${d.title} now`}>
                      Review now
                    </a>
                  ) : (
                    <a class="button button--secondary button--small" href={href} aria-label={`Open ${d.title}`}>
                      Open
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <div class="empty empty--card">
            <p class="empty__title">Nothing to review yet</p>
            <p class="muted">When the team sends work for your review, it appears here.</p>
          </div>
        ))}
    </section>
  );
}
