// The Portal Manager: what waits on the studio and on its clients, and each client's access with
// the actions on it. Owners and admins only, as its routes are.
import { useState } from 'preact/hooks';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { plural } from '../../lib/format.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { allClients } from '../../lib/paging.ts';
import type { ClientSummary, Ok } from '../../lib/types.ts';
import { ClientAccessTable } from './ClientAccessTable.tsx';
import { PortalManagerNav } from './PortalManagerNav.tsx';
import './portal-manager.css';

type Overview = Ok<'getPortalOverview'>;

export default function PortalManagerPage() {
  const load = useLoad(async () => {
    const me = await call('getStudioMe');
    if (!roleAtLeast(me.user.role, 'admin')) return [me, null, null] as const;
    return Promise.all([me, call('getPortalOverview'), allClients()] as const);
  });
  // A client changed by an action here replaces its row until the next load.
  const [changed, setChanged] = useState<Record<string, ClientSummary>>({});
  const me = load.state === 'ready' ? load.data[0] : undefined;
  useTitle(me && `Portal Manager · ${me.studio.name} · Portico`);

  if (me && load.state === 'ready' && !load.data[1])
    return (
      <AppShell current="portal-manager" studioName={me.studio.name} role={me.user.role}>
        <div class="page-head">
          <h1>Portal Manager</h1>
        </div>
        <div class="panel panel--center" role="status">
          <p>The Portal Manager is for owners and admins. Ask an owner of {me.studio.name} if a client’s access needs a change.</p>
        </div>
      </AppShell>
    );

  const clients = load.state === 'ready' ? (load.data[2]?.clients ?? []).map((c) => changed[c.clientId] ?? c) : [];
  return (
    <AppShell current="portal-manager" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>Portal Manager</h1>
        <p class="page-head__lead">What waits on you and on your clients, and who can use your portal.</p>
      </div>
      <PortalManagerNav current="overview" />
      {load.state === 'loading' && <Loading label="Loading the Portal Manager…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' && load.data[1] && (
        <>
          <OverviewCards overview={load.data[1]} />
          <section class="card card--flush" aria-labelledby="pm-clients-heading">
            <div class="card__head">
              <h2 id="pm-clients-heading">
                Client access<span class="count"> ({clients.length})</span>
              </h2>
            </div>
            {clients.length ? (
              <ClientAccessTable clients={clients} onChanged={(c) => setChanged((all) => ({ ...all, [c.clientId]: c }))} />
            ) : (
              <div class="empty">
                <p class="empty__title">No clients yet</p>
                <p class="muted">
                  Invite clients on the <a href="/clients">Clients</a> page.
                </p>
              </div>
            )}
          </section>
        </>
      )}
    </AppShell>
  );
}

function OverviewCards({ overview }: { overview: Overview }) {
  return (
    <div class="pm-overview" data-testid="pm-overview">
      <section class="card" aria-labelledby="pm-pending-heading">
        <h2 id="pm-pending-heading">
          Pending invitations <span class="count">({overview.pendingInvitations.length})</span>
        </h2>
        {overview.pendingInvitations.length ? (
          <ul class="pm-list">
            {overview.pendingInvitations.map((c) => (
              <li key={c.clientId}>
                <span class="pm-list__main">{c.name}</span>
                <span class="muted">
                  invited <time dateTime={c.invitedAt}>{formatDate(c.invitedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Every invited client has signed in.</p>
        )}
      </section>
      <section class="card" aria-labelledby="pm-submissions-heading">
        <h2 id="pm-submissions-heading">
          Submissions to look at <span class="count">({overview.submissions.length})</span>
        </h2>
        {overview.submissions.length ? (
          <ul class="pm-list">
            {overview.submissions.map((s) => (
              <li key={s.submissionId}>
                <a class="pm-list__main" href={`/galleries/${encodeURIComponent(s.galleryId)}`}>
                  {s.clientName}
                </a>
                <span class="muted">
                  {plural(s.count, 'photo')} · <time dateTime={s.confirmedAt}>{formatDate(s.confirmedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No confirmed selections yet.</p>
        )}
      </section>
      <section class="card" aria-labelledby="pm-releases-heading">
        <h2 id="pm-releases-heading">
          Releases waiting on clients <span class="count">({overview.releases.length})</span>
        </h2>
        {overview.releases.length ? (
          <ul class="pm-list">
            {overview.releases.map((r) => (
              <li key={r.releaseId} data-testid="pm-waiting-release">
                <a class="pm-list__main" href={`/portal-manager/releases/${encodeURIComponent(r.releaseId)}`}>
                  {r.title}
                </a>
                <span class="muted small">
                  {' '}
                  · {r.waitingOn.join(', ')} · sent <time dateTime={r.sentAt}>{formatDate(r.sentAt)}</time>
                  {r.deadline && <> · due {formatDate(r.deadline)}</>}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing waiting.</p>
        )}
        <p class="small">
          <a href="/portal-manager/releases">All releases</a>
        </p>
      </section>
      <section class="card" aria-labelledby="pm-deliverables-heading">
        <h2 id="pm-deliverables-heading">Deliverables waiting on clients</h2>
        {overview.deliverables.length ? (
          <ul class="pm-list">
            {overview.deliverables.map((d) => (
              <li key={`${d.deliverableId}-${d.clientId}`} data-testid="pm-waiting-deliverable">
                <a href={`/projects/${encodeURIComponent(d.projectId)}/deliverables/${encodeURIComponent(d.deliverableId)}`}>
                  {d.title} (version {d.version})
                </a>
                <span class="muted small">
                  {' '}
                  · {d.clientName} · {d.projectTitle} · sent <time dateTime={d.sentAt}>{formatDate(d.sentAt)}</time>
                  {d.dueDate && (
                    <>
                      {' '}
                      · due <time dateTime={d.dueDate}>{formatDate(d.dueDate)}</time>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing waiting.</p>
        )}
      </section>
      {overview.partial && <p class="muted pm-overview__note">The overview shows your first clients and galleries only.</p>}
    </div>
  );
}
