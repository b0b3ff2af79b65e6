// The portal project page's deliverables: what was sent for review, with its state, each linking
// to the review page.
import { DELIVERABLE_STATE_LABELS } from '../../../../shared/features/deliverables/constants.ts';
import { call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';

export function ClientDeliverablesList({ projectId }: { projectId: string }) {
  const load = useLoad(() => call('listClientDeliverables', { params: { projectId } }).then((r) => r.deliverables));
  return (
    <section class="client-deliverables" aria-labelledby="client-deliverables-heading">
      <h2 id="client-deliverables-heading" class="section-title">
        Deliverables
      </h2>
      {load.state === 'loading' && <p class="muted">Loading…</p>}
      {load.state === 'failed' && <p class="notice notice--error">{messageOf(load.error)}</p>}
      {load.state === 'ready' &&
        (load.data.length ? (
          <ul class="deliverables-list">
            {load.data.map((d) => (
              <li key={d.deliverableId} class="card deliverables-list__item">
                <a href={`/projects/${projectId}/deliverables/${d.deliverableId}`}>{d.title}</a>{' '}
                <span class="muted">
                  {DELIVERABLE_STATE_LABELS[d.state]} · v{d.latestVersion}
                  {d.dueDate ? ` · due ${d.dueDate}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing to review yet.</p>
        ))}
    </section>
  );
}
