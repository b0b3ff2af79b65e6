import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { entitled, UpgradeHint } from '../plans/index.ts';

/**
 * The studio's feedback inbox on the Overview. Without the Feedback module the hint takes the
 * place of the inbox's promise; feedback sent before a downgrade stays listed.
 */
export function FeedbackCard({ me }: { me: StudioMe }) {
  // The newest 20: the Overview shows a glance, not the whole inbox.
  const load = useLoad(() => call('listFeedback', { query: { limit: '20' } }).then((page) => page.feedback));
  const on = entitled(me, 'feedback');
  return (
    <section class="card overview__feedback" aria-labelledby="feedback-heading">
      <h2 class="eyebrow" id="feedback-heading">
        Client feedback
      </h2>
      {!on && <UpgradeHint me={me} entitlement="feedback" />}
      {load.state === 'loading' && <Loading label="Loading feedback…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' &&
        (load.data.length ? (
          <ul class="feedback-list">
            {load.data.map((f) => (
              <li key={f.feedbackId} class="feedback-list__item">
                <p class="feedback-list__meta">
                  <strong>{f.clientName}</strong> · {formatDate(f.createdAt.slice(0, 10))}
                </p>
                <p class="feedback-list__message">{f.message}</p>
              </li>
            ))}
          </ul>
        ) : (
          on && <p class="muted">No feedback yet. Clients can write to you from their portal.</p>
        ))}
    </section>
  );
}
