import { PortalFrame } from '../../components/portal/PortalFrame.tsx';
import { usePortalLoad } from '../../components/portal/usePortalLoad.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Tabs } from '../../components/ui/Tabs.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useTitle } from '../../lib/hooks.ts';
import { projectIdFromPath } from '../../lib/nav.ts';
import { callAll } from '../../lib/paging.ts';
import type { Branding, ClientGallery, ClientProject } from '../../lib/types.ts';
import { ThreadView } from '../conversations/index.ts';
import { ClientDeliverablesList } from '../deliverables/index.ts';
import { ClientFeedbackTab } from '../feedback/index.ts';
import { ClientFilesTab } from '../files/index.ts';
import { GalleryList } from '../galleries/index.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { PROJECT_STATUS } from './project-status.ts';
import { TeamList } from './TeamList.tsx';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'deliverables', label: 'Deliverables' },
  { id: 'files', label: 'Files' },
  { id: 'messages', label: 'Messages' },
  { id: 'galleries', label: 'Galleries' },
  { id: 'feedback', label: 'Feedback' },
] as const;
/** Without the studio's Feedback module (Starter) the tab is not offered. */
const tabsFor = (studio: Branding) => (studio.feedback ? TABS : TABS.filter((t) => t.id !== 'feedback'));

export default function ClientProjectPage() {
  const page = usePortalLoad(() => {
    const projectId = projectIdFromPath(location.pathname);
    if (!projectId) return Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such project.' }));
    return Promise.all([
      call('getClientProject', { params: { projectId } }),
      callAll('listClientGalleries', 'galleries').then((all) => all.filter((g) => g.projectId === projectId)),
    ]);
  });
  const project = page.data?.[0].project;
  useTitle(project && page.studio ? `${project.title} · ${page.studio.name}` : undefined);

  return (
    <PortalFrame studio={page.studio} signedIn={page.state.state === 'ready'}>
      <div class="container project-page">
        <a class="back-link" href="/">
          <BackIcon />
          Home
        </a>
        {page.state.state === 'loading' && <Loading label="Loading the project…" />}
        {page.state.state === 'failed' && page.error?.code !== 'wrong_portal' && (
          <div class="panel panel--center">
            <h1>{page.error?.status === 404 ? 'Project not found' : 'Something went wrong'}</h1>
            <Notice role="alert">
              {page.error?.status === 404 ? 'It may have ended, or this link is not yours.' : messageOf(page.state.error)}
            </Notice>
          </div>
        )}
        {project && page.studio && page.data && <ProjectView project={project} galleries={page.data[1]} studio={page.studio} />}
      </div>
    </PortalFrame>
  );
}

function ProjectView({ project, galleries, studio }: { project: ClientProject; galleries: ClientGallery[]; studio: Branding }) {
  const status = PROJECT_STATUS[project.status];
  return (
    <>
      <header class="project-hero">
        <div class="project-hero__title">
          <h1>{project.title}</h1>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        {project.summary && <p class="project-hero__summary">{project.summary}</p>}
        <ProgressBar percent={project.percentDone} label="Project done" />
        <p class="muted small">
          {project.startDate && (
            <>
              Started <time dateTime={project.startDate}>{formatDate(project.startDate)}</time>
            </>
          )}
          {project.startDate && project.dueDate && ' · '}
          {project.dueDate && (
            <>
              Due <time dateTime={project.dueDate}>{formatDate(project.dueDate)}</time>
            </>
          )}
        </p>
      </header>
      <Tabs tabs={tabsFor(studio)} label="Project sections">
        {(tab) =>
          tab === 'overview' ? (
            <ProjectOverview project={project} />
          ) : tab === 'deliverables' ? (
            <ClientDeliverablesList projectId={project.projectId} />
          ) : tab === 'files' ? (
            <ClientFilesTab projectId={project.projectId} />
          ) : tab === 'messages' ? (
            <ThreadView side="client" threadId={`project-${project.projectId}`} />
          ) : tab === 'feedback' ? (
            <ClientFeedbackTab projectId={project.projectId} studioName={studio.name} />
          ) : galleries.length ? (
            <GalleryList galleries={galleries} studio={studio} />
          ) : (
            <p class="muted">No galleries belong to this project.</p>
          )
        }
      </Tabs>
    </>
  );
}

function ProjectOverview({ project }: { project: ClientProject }) {
  return (
    <div class="project-overview">
      <section class="card" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">Milestones</h2>
        {project.upcoming.length > 0 && (
          <ul class="deadlines" aria-label="Coming up">
            {project.upcoming.map((d) => (
              <li key={`${d.title}-${d.dueDate}`} class={d.overdue ? 'deadline deadline--overdue' : 'deadline'}>
                <strong>{d.title}</strong> · {d.overdue ? 'was due' : 'due'} <time dateTime={d.dueDate}>{formatDate(d.dueDate)}</time>
              </li>
            ))}
          </ul>
        )}
        {project.milestones.length ? (
          <ol class="milestones">
            {project.milestones.map((m) => (
              <li key={m.milestoneId} class={`milestone${m.done ? ' milestone--done' : ''}`} data-testid="milestone">
                <span class="milestone__mark" aria-hidden="true">
                  {m.done ? '✓' : ''}
                </span>
                <span class="milestone__title">
                  {m.title}
                  <span class="visually-hidden">{m.done ? ' (done)' : ' (to do)'}</span>
                </span>
                <span class="muted small">{m.dueDate ? <time dateTime={m.dueDate}>{formatDate(m.dueDate)}</time> : ''}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">The milestones of this project will appear here.</p>
        )}
      </section>
      <section class="card" aria-labelledby="team-heading">
        <h2 id="team-heading">Your team</h2>
        <TeamList team={project.team} />
      </section>
      <section class="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        {project.activity.length ? (
          <ul class="activity">
            {project.activity.map((a) => (
              <li key={a.activityId}>
                <span>{a.text}</span>{' '}
                <time class="muted small" dateTime={a.at}>
                  {formatDateTime(a.at)}
                </time>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing has happened here yet.</p>
        )}
      </section>
    </div>
  );
}
