import { Badge } from '../../components/ui/Badge.tsx';
import { formatDate } from '../../lib/dates.ts';
import type { ProjectSummary } from '../../lib/types.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { PROJECT_STATUS } from './project-status.ts';

/** The client's projects as cards with their progress (portal home). */
export function ProjectCards({ projects }: { projects: ProjectSummary[] }) {
  return (
    <ul class="project-cards">
      {projects.map((p) => {
        const status = PROJECT_STATUS[p.status];
        return (
          <li key={p.projectId} class="project-card" data-testid="project-card">
            <div class="project-card__head">
              <a class="project-card__title" href={`/projects/${encodeURIComponent(p.projectId)}`}>
                {p.title}
              </a>
              <Badge tone={status.tone}>{status.label}</Badge>
            </div>
            <ProgressBar percent={p.percentDone} label={`${p.title}: done`} />
            <p class="muted small">
              {p.nextMilestone ? (
                <>
                  Next: {p.nextMilestone.title}
                  {p.nextMilestone.dueDate && (
                    <>
                      {' '}
                      · <time dateTime={p.nextMilestone.dueDate}>{formatDate(p.nextMilestone.dueDate)}</time>
                    </>
                  )}
                </>
              ) : p.dueDate ? (
                <>
                  Due <time dateTime={p.dueDate}>{formatDate(p.dueDate)}</time>
                </>
              ) : (
                'No dates set yet'
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
