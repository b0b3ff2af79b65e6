import { useEffect, useState } from 'preact/hooks';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate, today } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { allClients } from '../../lib/paging.ts';
import type { ClientSummary } from '../../lib/types.ts';
import { emailProblem, firstProblem, type Problems, requiredProblem } from '../../lib/validation.ts';
import { CLIENT_STATUS } from './client-status.ts';

const STATUS = CLIENT_STATUS;

export default function ClientsPage() {
  // Clients are an admin's: a member (who may type the address) is told so instead of an error.
  const load = useLoad(async () => {
    const me = await call('getStudioMe');
    if (!roleAtLeast(me.user.role, 'admin')) return [me, null] as const;
    return Promise.all([me, allClients()] as const);
  });
  const [added, setAdded] = useState<ClientSummary[]>([]);
  const me = load.state === 'ready' ? load.data[0] : undefined;
  useTitle(me && `Clients · ${me.studio.name} · Portico`);

  const listed = load.state === 'ready' ? (load.data[1]?.clients ?? []) : [];
  if (me && load.state === 'ready' && !load.data[1])
    return (
      <AppShell current="clients" studioName={me.studio.name} role={me.user.role}>
        <div class="page-head">
          <h1>Clients</h1>
        </div>
        <div class="panel panel--center" role="status">
          <p>Clients are for owners and admins. Ask an owner of {me.studio.name} if you need a client added or changed.</p>
        </div>
      </AppShell>
    );
  const clients = [...added, ...listed.filter((c) => !added.some((a) => a.clientId === c.clientId))];

  return (
    <AppShell current="clients" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>Clients</h1>
        <p class="page-head__lead">Invite clients to your portal. They sign in with a link sent to their email.</p>
      </div>
      <InviteForm ready={load.state === 'ready'} onInvited={(c) => setAdded((list) => [c, ...list])} />
      <section class="card card--flush" aria-labelledby="client-list-heading">
        <div class="card__head">
          <h2 id="client-list-heading">All clients{load.state === 'ready' && <span class="count"> ({clients.length})</span>}</h2>
        </div>
        {load.state === 'loading' && (
          <div class="card__body">
            <Loading label="Loading clients…" />
          </div>
        )}
        {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
        {load.state === 'ready' &&
          (clients.length ? (
            <ClientTable clients={clients} />
          ) : (
            <div class="empty">
              <p class="empty__title">No clients yet</p>
              <p class="muted">Invite your first client with the form above. They’ll get an email with a link to your portal.</p>
            </div>
          ))}
      </section>
    </AppShell>
  );
}

function ClientTable({ clients }: { clients: ClientSummary[] }) {
  return (
    <div class="table-wrap">
      <table class="clients">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Status</th>
            <th scope="col">Invited</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Access until</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => {
            const status = STATUS[c.status];
            return (
              <tr key={c.clientId} data-testid="client-row">
                <th scope="row" class="clients__who">
                  <span class="clients__name">{c.name}</span>
                  <span class="clients__email">{c.email}</span>
                  <a class="clients__messages" href={`/messages?client=${c.clientId}`}>
                    Messages
                  </a>
                </th>
                <td data-label="Status">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td data-label="Invited">
                  <time dateTime={c.invitedAt}>{formatDate(c.invitedAt)}</time>
                </td>
                <td data-label="Last sign-in">
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type InviteField = 'name' | 'email' | 'accessExpiresAt';
const ORDER: InviteField[] = ['name', 'email', 'accessExpiresAt'];
const ID: Record<InviteField, string> = { name: 'invite-name', email: 'invite-email', accessExpiresAt: 'invite-expiry' };

function InviteForm({ ready, onInvited }: { ready: boolean; onInvited: (client: ClientSummary) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [expiry, setExpiry] = useState('');
  const [minDate, setMinDate] = useState<string | undefined>();
  const [problems, setProblems] = useState<Problems<InviteField>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  // The earliest expiry is today in the reader's time zone: known only in the browser.
  useEffect(() => setMinDate(today()), []);

  const show = (found: Problems<InviteField>) => {
    setProblems(found);
    const first = firstProblem(found, ORDER);
    if (first) document.getElementById(ID[first])?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setStatus('');
    setError('');
    const found: Problems<InviteField> = {
      name: requiredProblem(name, 'the client’s name'),
      email: emailProblem(email),
      accessExpiresAt: expiry && minDate && expiry < minDate ? 'Choose today or a later date.' : undefined,
    };
    if (firstProblem(found, ORDER)) return show(found);
    setProblems({});
    setBusy(true);
    try {
      const body = { name: name.trim(), email: email.trim(), ...(expiry ? { accessExpiresAt: expiry } : {}) };
      const { client } = await call('inviteClient', { body });
      onInvited(client);
      setStatus(`Invitation sent to ${client.name} (${client.email}). They’ll find a sign-in link in their inbox.`);
      setName('');
      setEmail('');
      setExpiry('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'client_exists') {
        show({ email: err.message });
      } else if (err instanceof ApiError && Object.keys(err.fields).length) {
        show({ name: err.field('name'), email: err.field('email'), accessExpiresAt: err.field('accessExpiresAt') });
        setError('Please check the highlighted fields.');
      } else {
        setError(messageOf(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a client</h2>
      <form class="invite__form" noValidate onSubmit={submit}>
        <Field id={ID.name} label="Name" autoComplete="off" maxLength={80} value={name} onValue={setName} error={problems.name} />
        <Field
          id={ID.email}
          label="Email"
          type="email"
          autoComplete="off"
          spellcheck={false}
          value={email}
          onValue={setEmail}
          error={problems.email}
        />
        <Field
          id={ID.accessExpiresAt}
          label="Access until"
          type="date"
          optional
          min={minDate}
          value={expiry}
          onValue={setExpiry}
          error={problems.accessExpiresAt}
          hintBelow
          hint="Leave empty for access with no end date."
        />
        <div class="invite__submit">
          <button type="submit" class="button button--primary" disabled={!ready} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Inviting…' : 'Invite client'}
          </button>
        </div>
      </form>
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}
