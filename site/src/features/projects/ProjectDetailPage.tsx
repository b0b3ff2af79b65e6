import { useState } from 'preact/hooks';
import { AppShell, LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Tabs } from '../../components/ui/Tabs.tsx';
import { ApiError, call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { projectIdFromPath } from '../../lib/nav.ts';
import type { StudioMe, StudioProject } from '../../lib/types.ts';
import { ThreadView } from '../conversations/index.ts';
import { DeliverablesTab } from '../deliverables/index.ts';
import { StudioFeedbackTab } from '../feedback/index.ts';
import { StudioFilesTab } from '../files/index.ts';
import { OverviewTab } from './OverviewTab.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { PROJECT_STATUS } from './project-status.ts';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'deliverables', label: 'Deliverables' },
  { id: 'files', label: 'Files' },
  { id: 'messages', label: 'Messages' },
  { id: 'feedback', label: 'Feedback' },
] as const;

export default function ProjectDetailPage() {
  const load = useLoad(() => {
    const id = projectIdFromPath(location.pathname);
    if (!id) return Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such project.' }));
    return Promise.all([call('getStudioMe'), call('getStudioProject', { params: { projectId: id } })]);
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  const title = load.state === 'ready' ? load.data[1].project.title : undefined;
  useTitle(me && title ? `${title} · ${me.studio.name} · Portico` : undefined);
  const missing = load.state === 'failed' && load.error instanceof ApiError && load.error.status === 404;

  return (
    <AppShell current="projects" studioName={me?.studio.name} role={me?.user.role}>
      <a class="back-link" href="/projects">
        <BackIcon />
        All projects
      </a>
      {load.state === 'loading' && <Loading label="Loading the project…" />}
      {missing && (
        <div class="panel panel--center">
          <h1>Project not found</h1>
          <p class="muted">It may not exist, or you are not on its team.</p>
          <a class="button button--primary" href="/projects">
            See your projects
          </a>
        </div>
      )}
      {load.state === 'failed' && !missing && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' && <ProjectStudio initial={load.data[1].project} me={load.data[0]} />}
    </AppShell>
  );
}

function ProjectStudio({ initial, me }: { initial: StudioProject; me: StudioMe }) {
  const [project, setProject] = useState(initial);
  const status = PROJECT_STATUS[project.status];
  return (
    <>
      <div class="page-head gallery-head">
        <div class="gallery-head__title">
          <h1>{project.title}</h1>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        <p class="page-head__lead">
          For <strong>{project.contacts.map((c) => c.name).join(', ') || 'former clients'}</strong>
          {project.dueDate && (
            <>
              {' '}
              · due <time dateTime={project.dueDate}>{formatDate(project.dueDate)}</time>
            </>
          )}
        </p>
        <ProgressBar percent={project.percentDone} label="Project done" />
      </div>
      <Tabs tabs={TABS} label="Project sections">
        {(tab) =>
          tab === 'overview' ? (
            <OverviewTab project={project} me={me} onSaved={setProject} />
          ) : tab === 'deliverables' ? (
            <DeliverablesTab projectId={project.projectId} />
          ) : tab === 'files' ? (
            <StudioFilesTab projectId={project.projectId} />
          ) : tab === 'messages' ? (
            <ThreadView side="studio" threadId={`project-${project.projectId}`} />
          ) : (
            <StudioFeedbackTab projectId={project.projectId} me={me} />
          )
        }
      </Tabs>
    </>
  );
}
