import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { ArrowIcon } from '../../components/ui/Icons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { allClients } from '../../lib/paging.ts';
import type { ClientSummary, StudioMe } from '../../lib/types.ts';
import { FeedbackCard } from '../feedback/index.ts';

const count = (clients: ClientSummary[], status: ClientSummary['status']) => clients.filter((c) => c.status === status).length;

export default function OverviewPage() {
  // Clients are an admin's to list: a member's overview goes without them.
  const load = useLoad(async () => {
    const me = await call('getStudioMe');
    return Promise.all([me, roleAtLeast(me.user.role, 'admin') ? allClients().then((c) => c.clients) : Promise.resolve(null)] as const);
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  useTitle(me && `Overview · ${me.studio.name} · Portico`);

  return (
    <AppShell current="overview" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>Overview</h1>
        {me && <p class="page-head__lead">Welcome back, {me.user.name}.</p>}
      </div>
      {load.state === 'loading' && <Loading label="Loading your studio…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' && <Overview me={load.data[0]} clients={load.data[1]} />}
    </AppShell>
  );
}

function Overview({ me, clients }: { me: StudioMe; clients: ClientSummary[] | null }) {
  const portalHost = me.portalUrl.replace(/^https?:\/\//, '');
  return (
    <div class="overview">
      <section class="card overview__studio" aria-labelledby="studio-heading">
        <h2 id="studio-heading" class="eyebrow">
          Your studio
        </h2>
        <p class="overview__studio-name">{me.studio.name}</p>
        <p class="overview__label">Client portal</p>
        <p class="overview__portal">
          <a href={me.portalUrl} class="link-strong" target="_blank" rel="noopener">
            {portalHost}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        <p class="muted">Your clients sign in here with a link sent to their email: no passwords to remember.</p>
      </section>

      {clients ? <ClientsCard clients={clients} /> : <MemberCard />}
      {clients && <FeedbackCard me={me} />}
    </div>
  );
}

/** A member works on the galleries it is assigned: that is where its overview points. */
function MemberCard() {
  return (
    <section class="card overview__clients" aria-labelledby="work-heading">
      <h2 class="eyebrow" id="work-heading">
        Your work
      </h2>
      <p class="muted">You work on the galleries an owner or admin of your studio assigns to you.</p>
      <a href="/galleries" class="button button--primary">
        Your galleries
        <ArrowIcon />
      </a>
    </section>
  );
}

function ClientsCard({ clients }: { clients: ClientSummary[] }) {
  return (
    <section class="card overview__clients" aria-labelledby="clients-heading">
      <h2 class="eyebrow" id="clients-heading">
        Clients
      </h2>
      <p class="stat">
        <span class="stat__value">{clients.length}</span> <span class="stat__label">{clients.length === 1 ? 'client' : 'clients'}</span>
      </p>
      {clients.length > 0 ? (
        <ul class="stat-breakdown">
          <li>
            <span class="stat-breakdown__value">{count(clients, 'active')}</span> active
          </li>
          <li>
            <span class="stat-breakdown__value">{count(clients, 'invited')}</span> invited
          </li>
          <li>
            <span class="stat-breakdown__value">{count(clients, 'expired')}</span> expired
          </li>
        </ul>
      ) : (
        <p class="muted">No clients yet. Invite your first client to share galleries with them.</p>
      )}
      <a href="/clients" class="button button--primary">
        {clients.length > 0 ? 'Manage clients' : 'Invite a client'}
        <ArrowIcon />
      </a>
    </section>
  );
}
