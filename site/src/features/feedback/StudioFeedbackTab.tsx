// A project's Feedback tab for the team: every task the contacts sent, filtered by state, each with
// its triage controls. Live: a change by anyone on the project refetches the list.
import { useState } from 'preact/hooks';
import { TASK_STATE_LABELS, TASK_STATES, type TaskState } from '../../../../shared/features/feedback/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { FilterBar } from '../../components/ui/FilterBar.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import type { StudioMe } from '../../lib/types.ts';
import { entitled, UpgradeHint } from '../plans/index.ts';
import { useLiveFeedback } from './hooks.ts';
import { TaskCard } from './TaskCard.tsx';
import './feedback.css';

type Filter = TaskState | 'all';

export function StudioFeedbackTab({ projectId, me }: { projectId: string; me: StudioMe }) {
  const list = useLiveFeedback(() => call('listProjectFeedback', { params: { projectId } }), projectId);
  const [filter, setFilter] = useState<Filter>('all');
  if (list.state === 'loading') return <Loading label="Loading feedback…" />;
  if (list.state === 'failed') return <LoadFailed error={list.error} retry={list.refresh} />;
  const { feedback, team } = list.data;
  const shown = filter === 'all' ? feedback : feedback.filter((f) => f.state === filter);
  const options = [
    { value: 'all' as Filter, label: 'All', count: feedback.length },
    ...TASK_STATES.map((s) => ({ value: s as Filter, label: TASK_STATE_LABELS[s], count: feedback.filter((f) => f.state === s).length })),
  ];
  return (
    <section class="feedback-tab" aria-labelledby="feedback-tab-heading">
      <h2 id="feedback-tab-heading" class="section-heading">
        Feedback
      </h2>
      {!entitled(me, 'feedback') && <UpgradeHint me={me} entitlement="feedback" />}
      <FilterBar label="Show feedback by state" options={options} value={filter} onChange={setFilter} />
      {shown.length ? (
        <ul class="feedback-items">
          {shown.map((f) => (
            <TaskCard
              key={f.feedbackId}
              task={f}
              team={team}
              others={feedback.filter((o) => o.feedbackId !== f.feedbackId)}
              onSaved={list.refresh}
            />
          ))}
        </ul>
      ) : (
        <p class="muted">
          {feedback.length
            ? 'Nothing in this state.'
            : 'No feedback yet. Contacts send it from the project’s Feedback tab in their portal.'}
        </p>
      )}
    </section>
  );
}
