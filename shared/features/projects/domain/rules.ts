// Projects' pure rules: progress, what comes next, who may see or work on a project. No I/O.
import type { Role } from '../../studios/index.ts';
import type { Project, ProjectSeat } from '../records.ts';
import type { Milestone } from '../schemas.ts';

/**
 * % done: by hand when the studio prefers, else the done milestones' share of the weight (a
 * milestone weighs 1 unless set); a project marked done is 100 %, one without milestones 0 %.
 */
export function percentDone(p: Pick<Project, 'status' | 'milestones' | 'progressMode' | 'manualPercent'>): number {
  if (p.status === 'done') return 100;
  if (p.progressMode === 'manual') return p.manualPercent ?? 0;
  const total = p.milestones.reduce((sum, m) => sum + m.weight, 0);
  if (total === 0) return 0;
  const done = p.milestones.filter((m) => m.done).reduce((sum, m) => sum + m.weight, 0);
  return Math.round((done / total) * 100);
}

/** Milestones in date order (undated last, then as entered). */
export const sortedMilestones = (milestones: readonly Milestone[]): Milestone[] =>
  milestones
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.dueDate ?? '9999').localeCompare(b.m.dueDate ?? '9999') || a.i - b.i)
    .map(({ m }) => m);

export function nextMilestone(milestones: readonly Milestone[]): ProjectSeat['nextMilestone'] {
  const next = sortedMilestones(milestones).find((m) => !m.done);
  return next ? { title: next.title, dueDate: next.dueDate } : null;
}

/** Open milestones due within `days` of `today` (YYYY-MM-DD) or overdue, soonest first. */
export function upcomingDeadlines(milestones: readonly Milestone[], today: string, days = 30) {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return sortedMilestones(milestones)
    .filter((m): m is Milestone & { dueDate: string } => !m.done && m.dueDate !== null && m.dueDate <= horizon)
    .map((m) => ({ title: m.title, dueDate: m.dueDate, overdue: m.dueDate < today }));
}

/** A member works only on the projects it leads or is on; admins and owners on every one. */
export const mayWorkOnProject = (project: Pick<Project, 'leadId' | 'team'>, user: { userId: string; role: Role }): boolean =>
  user.role !== 'member' || project.leadId === user.userId || project.team.some((t) => t.userId === user.userId);

/** A client sees a project only as one of its contacts. */
export const maySeeProject = (project: Pick<Project, 'contactIds'>, clientId: string): boolean => project.contactIds.includes(clientId);

/** "Mira Okafor" → "MO": the avatar a team seat shows. */
export const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => (w[0] ?? '').toUpperCase())
    .join('') || '?';

/** The seat a contact's portal home shows: the project's progress at a glance. */
export const seatOf = (project: Project, clientId: string): ProjectSeat => ({
  projectId: project.projectId,
  studioId: project.studioId,
  clientId,
  title: project.title,
  status: project.status,
  startDate: project.startDate,
  dueDate: project.dueDate,
  percentDone: project.percentDone,
  nextMilestone: nextMilestone(project.milestones),
});
