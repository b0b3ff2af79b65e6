// The dashboard's Inbox: every open feedback task assigned to the signed-in member, across the
// projects they are on, soonest due first (or newest), each linking to its project's Feedback tab.
import { useState } from 'preact/hooks';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { useLiveFeedback } from './hooks.ts';
import { StateBadge } from './parts.tsx';
import './feedback.css';

type Sort = 'due' | 'newest';

export default function InboxPage() {
  const me = useLoad(() => call('getStudioMe'));
  const [sort, setSort] = useState<Sort>('due');
  // Any project's feedback changing may change this inbox: listen to every topic (null).
  const inbox = useLiveFeedback(() => call('listInbox', { query: { sort } }).then((a) => a.tasks), null);
  const studio = me.state === 'ready' ? me.data : undefined;
  useTitle(studio && `Inbox · ${studio.studio.name} · Portico`);
  const choose = (next: Sort) => {
    setSort(next);
    // The loader reads `sort` when it runs: let the state settle first.
    setTimeout(inbox.refresh, 0);
  };
  return (
    <AppShell current="inbox" studioName={studio?.studio.name} role={studio?.user.role}>
      <div class="page-head">
        <h1>Inbox</h1>
        <p class="page-head__lead">Feedback from clients that waits on you, across your projects.</p>
      </div>
      <fieldset class="filters">
        <legend class="visually-hidden">Order</legend>
        <button type="button" class="filter-chip" aria-pressed={sort === 'due'} onClick={() => choose('due')}>
          Due first
        </button>
        <button type="button" class="filter-chip" aria-pressed={sort === 'newest'} onClick={() => choose('newest')}>
          Newest
        </button>
      </fieldset>
      {inbox.state === 'loading' && <Loading label="Loading your inbox…" />}
      {inbox.state === 'failed' && <LoadFailed error={inbox.error} retry={inbox.refresh} />}
      {inbox.state === 'ready' &&
        (inbox.data.length ? (
          <ul class="feedback-items">
            {inbox.data.map((t) => (
              <li key={t.feedbackId} class="card feedback-item" data-testid="inbox-task">
                <div class="feedback-item__head">
                  <a class="feedback-item__subject" href={`/projects/${t.projectId}#feedback`}>
                    {t.subject}
                  </a>
                  <StateBadge state={t.state} />
                </div>
                <p class="muted small">
                  {t.projectTitle} · from {t.submittedBy.name}
                  {t.dueDate ? (
                    <>
                      {' '}
                      · due <time dateTime={t.dueDate}>{formatDate(t.dueDate)}</time>
                    </>
                  ) : (
                    ' · no due date'
                  )}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <div class="empty empty--card">
            <p class="empty__title">Nothing waits on you</p>
            <p class="muted">Feedback your clients send on projects you lead lands here.</p>
          </div>
        ))}
    </AppShell>
  );
}
