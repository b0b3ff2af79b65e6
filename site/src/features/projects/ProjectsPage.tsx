import { useState } from 'preact/hooks';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { allClients, callAll } from '../../lib/paging.ts';
import type { ClientSummary, Ok, ProjectSummary } from '../../lib/types.ts';
import { firstProblem, type Problems, requiredProblem } from '../../lib/validation.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { PROJECT_STATUS } from './project-status.ts';

type TeamMember = Ok<'listTeam'>['members'][number];

export default function ProjectsPage() {
  const load = useLoad(async () => {
    const me = await call('getStudioMe');
    const admin = roleAtLeast(me.user.role, 'admin');
    return Promise.all([
      me,
      callAll('listProjects', 'projects'),
      admin ? allClients() : Promise.resolve({ clients: [] }),
      admin ? call('listTeam') : Promise.resolve({ members: [], invitations: [] }),
    ] as const);
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  const admin = me ? roleAtLeast(me.user.role, 'admin') : false;
  useTitle(me && `Projects · ${me.studio.name} · Portico`);
  const projects = load.state === 'ready' ? load.data[1] : [];

  return (
    <AppShell current="projects" studioName={me?.studio.name} role={me?.user.role}>
      <div class="page-head">
        <h1>Projects</h1>
        <p class="page-head__lead">
          Plan the work in milestones, send deliverables for review and share the files: your clients follow along in the portal.
        </p>
      </div>
      {load.state === 'ready' && admin && me && (
        <NewProjectForm clients={load.data[2].clients} team={load.data[3].members} me={me.user.userId} />
      )}
      <section class="card card--flush" aria-labelledby="project-list-heading">
        <div class="card__head">
          <h2 id="project-list-heading">
            {me && !admin ? 'Your projects' : 'All projects'}
            {load.state === 'ready' && <span class="count"> ({projects.length})</span>}
          </h2>
        </div>
        {load.state === 'loading' && (
          <div class="card__body">
            <Loading label="Loading projects…" />
          </div>
        )}
        {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
        {load.state === 'ready' &&
          (projects.length ? (
            <ProjectTable projects={projects} />
          ) : (
            <div class="empty">
              <p class="empty__title">No projects yet</p>
              <p class="muted">
                {admin
                  ? 'Create a project with the form above.'
                  : 'You are not on a project yet. An owner or admin puts you on the team of one.'}
              </p>
            </div>
          ))}
      </section>
    </AppShell>
  );
}

function ProjectTable({ projects }: { projects: ProjectSummary[] }) {
  return (
    <div class="table-wrap">
      <table class="clients gtable">
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Next milestone</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => {
            const status = PROJECT_STATUS[p.status];
            return (
              <tr key={p.projectId} data-testid="project-row">
                <th scope="row">
                  <a class="gtable__title" href={`/projects/${encodeURIComponent(p.projectId)}`}>
                    {p.title}
                  </a>
                </th>
                <td data-label="Status">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td data-label="Progress">
                  <ProgressBar percent={p.percentDone} label={`${p.title}: done`} />
                </td>
                <td data-label="Next milestone">{p.nextMilestone ? p.nextMilestone.title : <span class="muted">—</span>}</td>
                <td data-label="Due">
                  {p.dueDate ? <time dateTime={p.dueDate}>{formatDate(p.dueDate)}</time> : <span class="muted">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type NewField = 'title' | 'contactId' | 'leadId' | 'dueDate';
const ORDER: NewField[] = ['title', 'contactId', 'leadId', 'dueDate'];

function NewProjectForm({ clients, team, me }: { clients: ClientSummary[]; team: TeamMember[]; me: string }) {
  const [title, setTitle] = useState('');
  const [contactId, setContactId] = useState('');
  const [leadId, setLeadId] = useState(me);
  const [startDate, setStartDate] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problems, setProblems] = useState<Problems<NewField>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (!clients.length) {
    return (
      <section class="card invite" aria-labelledby="new-project-heading">
        <h2 id="new-project-heading">New project</h2>
        <p class="muted">
          Projects belong to a client. <a href="/clients">Invite your first client</a>, then come back to start their project.
        </p>
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    const found: Problems<NewField> = {
      title: requiredProblem(title, 'a title', 120),
      contactId: contactId ? undefined : 'Choose the client contact who follows this project.',
      leadId: leadId ? undefined : 'Choose who leads the project.',
      dueDate: startDate && dueDate && dueDate < startDate ? 'The due date must not be before the start.' : undefined,
    };
    const first = firstProblem(found, ORDER);
    setProblems(found);
    if (first) return document.getElementById(`new-project-${first}`)?.focus();
    setBusy(true);
    try {
      const { project } = await call('createProject', {
        body: { title: title.trim(), contactIds: [contactId], leadId, startDate: startDate || null, dueDate: dueDate || null },
      });
      location.assign(`/projects/${encodeURIComponent(project.projectId)}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setProblems({
          title: err.field('title'),
          contactId: err.field('contactIds'),
          leadId: err.field('leadId'),
          dueDate: err.field('dueDate'),
        });
        setError('Please check the highlighted fields.');
      } else setError(messageOf(err));
    }
  };

  return (
    <section class="card invite" aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">New project</h2>
      <form class="new-gallery" noValidate onSubmit={submit}>
        <Field
          id="new-project-title"
          label="Title"
          autoComplete="off"
          maxLength={120}
          value={title}
          onValue={setTitle}
          error={problems.title}
        />
        <Select id="new-project-contactId" label="Client contact" value={contactId} onValue={setContactId} error={problems.contactId}>
          <option value="">Choose a client…</option>
          {clients.map((c) => (
            <option key={c.clientId} value={c.clientId}>
              {c.name} ({c.email})
            </option>
          ))}
        </Select>
        <Select id="new-project-leadId" label="Project lead" value={leadId} onValue={setLeadId} error={problems.leadId}>
          {team.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </Select>
        <Field id="new-project-start" label="Start" type="date" optional value={startDate} onValue={setStartDate} />
        <Field id="new-project-dueDate" label="Due" type="date" optional value={dueDate} onValue={setDueDate} error={problems.dueDate} />
        <div class="new-gallery__submit">
          <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Creating…' : 'Create project'}
          </button>
          <p class="muted small">Add milestones, more contacts and the team on the project’s page.</p>
        </div>
      </form>
      <Notice role="alert">{error}</Notice>
    </section>
  );
}
