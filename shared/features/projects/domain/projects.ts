// Projects: the studio creates and runs them (milestones, status, team, contacts); the client
// contacts see their progress. Every write goes through one transaction with the contacts' seats.
import { randomUUID } from 'node:crypto';
import { invalid, notAllowed, notFound } from '../../../errors.ts';
import type { Page, PageRequest } from '../../../paging.ts';
import { type Client, getClient, today } from '../../clients/index.ts';
import { getStudioUser, type Studio, type StudioUser } from '../../studios/index.ts';
import type { ActivityKind } from '../constants.ts';
import { PROJECT_LIMITS, PROJECT_STATUS_LABELS } from '../constants.ts';
import { batchGetProjects, queryActivity, queryStudioProjects, writeProject } from '../data.ts';
import type { ActivityRecord, Project, ProjectTeamEntry } from '../records.ts';
import type {
  ClientProject,
  CreateProjectBody,
  Milestone,
  MilestoneInput,
  ProjectSummary,
  StudioProject,
  UpdateMilestoneBody,
  UpdateProjectBody,
} from '../schemas.ts';
import { projectForStudio } from './access.ts';
import { initialsOf, mayWorkOnProject, nextMilestone, percentDone, seatOf, sortedMilestones, upcomingDeadlines } from './rules.ts';

type StudioSession = { studio: Studio; user: StudioUser };

/** A new activity entry of a project (features writing into a project add it to their transaction). */
export const newActivity = (projectId: string, kind: ActivityKind, text: string, at = new Date().toISOString()): ActivityRecord => ({
  activityId: randomUUID(),
  projectId,
  kind,
  text,
  at,
});

const milestoneOf = (m: MilestoneInput, now: string): Milestone => ({
  milestoneId: randomUUID(),
  title: m.title,
  dueDate: m.dueDate ?? null,
  done: m.done ?? false,
  doneAt: m.done ? now : null,
  weight: m.weight ?? 1,
});

/** The contacts must be clients of this studio. */
async function contactsOf(studio: Studio, contactIds: string[]): Promise<Client[]> {
  const unique = [...new Set(contactIds)];
  const found = await Promise.all(unique.map((id) => getClient(studio.studioId, id)));
  if (found.some((c) => !c))
    throw notFound('No such client in this studio.', { contactIds: ['names someone who is not a client of this studio'] });
  return found as Client[];
}

/** The lead and the team must be members of this studio's team; the lead is always on it, first. */
async function teamOf(studio: Studio, leadId: string, team: { userId: string; projectRole?: string }[]): Promise<ProjectTeamEntry[]> {
  const seats = [
    { userId: leadId, projectRole: team.find((t) => t.userId === leadId)?.projectRole },
    ...team.filter((t) => t.userId !== leadId),
  ];
  const unique = seats.filter((s, i) => seats.findIndex((o) => o.userId === s.userId) === i);
  const users = await Promise.all(unique.map((s) => getStudioUser(s.userId)));
  return unique.map((s, i) => {
    const user = users[i];
    if (!user || user.studioId !== studio.studioId)
      throw notFound('No such team member in this studio.', { [i === 0 ? 'leadId' : 'team']: ['names someone who is not on the team'] });
    return { userId: s.userId, name: user.name, projectRole: s.projectRole ?? (i === 0 ? 'Project lead' : 'Team') };
  });
}

const withProgress = (p: Project): Project => ({ ...p, percentDone: percentDone(p) });

async function save(project: Project, before: Project | null, activity: ActivityRecord[] = []): Promise<Project> {
  const saved = withProgress(project);
  await writeProject(saved, {
    seats: saved.contactIds.map((id) => seatOf(saved, id)),
    readRevision: before ? before.revision : null,
    removedContactIds: before ? before.contactIds.filter((id) => !saved.contactIds.includes(id)) : [],
    activity,
  });
  return saved;
}

export async function createProject(studio: Studio, body: CreateProjectBody): Promise<Project> {
  const contacts = await contactsOf(studio, body.contactIds);
  const team = await teamOf(studio, body.leadId, body.team ?? []);
  const now = new Date().toISOString();
  const projectId = randomUUID();
  const project: Project = {
    projectId,
    studioId: studio.studioId,
    clientId: contacts[0]?.clientId as string,
    contactIds: contacts.map((c) => c.clientId),
    title: body.title,
    status: body.status ?? 'planning',
    startDate: body.startDate ?? null,
    dueDate: body.dueDate ?? null,
    summary: body.summary ?? '',
    internalNotes: body.internalNotes ?? '',
    leadId: body.leadId,
    team,
    milestones: (body.milestones ?? []).map((m) => milestoneOf(m, now)),
    progressMode: body.progressMode ?? 'milestones',
    manualPercent: body.manualPercent ?? null,
    deliverableDownloads: body.deliverableDownloads ?? 'approved',
    percentDone: 0,
    createdAt: now,
    updatedAt: now,
    revision: 1,
  };
  return save(project, null, [newActivity(projectId, 'project_started', `${body.title} started`, now)]);
}

export async function updateProject(session: StudioSession, projectId: string, body: UpdateProjectBody): Promise<Project> {
  const before = await projectForStudio(session, projectId);
  // Members run their projects; who is on one (and who sees it) is an admin's call.
  if (session.user.role === 'member' && (body.contactIds || body.leadId || body.team))
    throw notAllowed('role_required', 'Only admins and owners change who is on a project.');
  const contactIds = body.contactIds ? (await contactsOf(session.studio, body.contactIds)).map((c) => c.clientId) : before.contactIds;
  const leadId = body.leadId ?? before.leadId;
  const team = body.team || body.leadId ? await teamOf(session.studio, leadId, body.team ?? before.team) : before.team;
  const startDate = body.startDate !== undefined ? body.startDate : before.startDate;
  const dueDate = body.dueDate !== undefined ? body.dueDate : before.dueDate;
  if (startDate && dueDate && startDate > dueDate)
    throw invalid('invalid_request', 'The start date must not be after the due date.', { dueDate: ['is before the start date'] });
  const now = new Date().toISOString();
  const project: Project = {
    ...before,
    ...(body.title !== undefined && { title: body.title }),
    ...(body.status !== undefined && { status: body.status }),
    ...(body.summary !== undefined && { summary: body.summary }),
    ...(body.internalNotes !== undefined && { internalNotes: body.internalNotes }),
    ...(body.progressMode !== undefined && { progressMode: body.progressMode }),
    ...(body.manualPercent !== undefined && { manualPercent: body.manualPercent }),
    ...(body.deliverableDownloads !== undefined && { deliverableDownloads: body.deliverableDownloads }),
    contactIds,
    clientId: contactIds[0] as string,
    leadId,
    team,
    startDate,
    dueDate,
    updatedAt: now,
    revision: before.revision + 1,
  };
  const activity =
    body.status && body.status !== before.status
      ? [newActivity(projectId, 'status_changed', `Status: ${PROJECT_STATUS_LABELS[body.status]}`, now)]
      : [];
  return save(project, before, activity);
}

export async function addMilestone(session: StudioSession, projectId: string, input: MilestoneInput): Promise<Project> {
  const before = await projectForStudio(session, projectId);
  if (before.milestones.length >= PROJECT_LIMITS.milestones)
    throw invalid('too_many_milestones', `A project has at most ${PROJECT_LIMITS.milestones} milestones.`, {
      title: ['one milestone too many'],
    });
  const now = new Date().toISOString();
  const milestone = milestoneOf(input, now);
  const project = { ...before, milestones: [...before.milestones, milestone], updatedAt: now, revision: before.revision + 1 };
  return save(project, before, milestone.done ? [newActivity(projectId, 'milestone_done', `Milestone done: ${milestone.title}`, now)] : []);
}

export async function updateMilestone(
  session: StudioSession,
  projectId: string,
  milestoneId: string,
  body: UpdateMilestoneBody,
): Promise<Project> {
  const before = await projectForStudio(session, projectId);
  const old = before.milestones.find((m) => m.milestoneId === milestoneId);
  if (!old) throw notFound('No such milestone on this project.');
  const now = new Date().toISOString();
  const done = body.done ?? old.done;
  const changed: Milestone = {
    ...old,
    ...(body.title !== undefined && { title: body.title }),
    ...(body.dueDate !== undefined && { dueDate: body.dueDate }),
    ...(body.weight !== undefined && { weight: body.weight }),
    done,
    doneAt: done ? (old.doneAt ?? now) : null,
  };
  const project = {
    ...before,
    milestones: before.milestones.map((m) => (m.milestoneId === milestoneId ? changed : m)),
    updatedAt: now,
    revision: before.revision + 1,
  };
  const activity = done && !old.done ? [newActivity(projectId, 'milestone_done', `Milestone done: ${changed.title}`, now)] : [];
  return save(project, before, activity);
}

export async function deleteMilestone(session: StudioSession, projectId: string, milestoneId: string): Promise<Project> {
  const before = await projectForStudio(session, projectId);
  if (!before.milestones.some((m) => m.milestoneId === milestoneId)) throw notFound('No such milestone on this project.');
  const now = new Date().toISOString();
  const project = {
    ...before,
    milestones: before.milestones.filter((m) => m.milestoneId !== milestoneId),
    updatedAt: now,
    revision: before.revision + 1,
  };
  return save(project, before);
}

export const projectSummary = (p: Project): ProjectSummary => ({
  projectId: p.projectId,
  title: p.title,
  status: p.status,
  startDate: p.startDate,
  dueDate: p.dueDate,
  percentDone: p.percentDone,
  nextMilestone: nextMilestone(p.milestones),
});

/** A page of the studio's projects; a member's page keeps the ones it is on. */
export async function listStudioProjects(session: StudioSession, page: PageRequest): Promise<Page<ProjectSummary>> {
  const found = await queryStudioProjects(session.studio.studioId, page);
  return { items: found.items.filter((p) => mayWorkOnProject(p, session.user)).map(projectSummary), nextCursor: found.nextCursor };
}

const teamView = (p: Project) =>
  p.team.map((t) => ({
    userId: t.userId,
    name: t.name,
    projectRole: t.projectRole,
    initials: initialsOf(t.name),
    lead: t.userId === p.leadId,
  }));

export async function studioProjectView(studio: Studio, p: Project): Promise<StudioProject> {
  const contacts = await Promise.all(p.contactIds.map((id) => getClient(studio.studioId, id)));
  return {
    ...projectSummary(p),
    clientId: p.clientId,
    contacts: contacts.flatMap((c) => (c ? [{ clientId: c.clientId, name: c.name, email: c.email }] : [])),
    leadId: p.leadId,
    team: teamView(p),
    summary: p.summary,
    internalNotes: p.internalNotes,
    milestones: sortedMilestones(p.milestones),
    progressMode: p.progressMode,
    manualPercent: p.manualPercent,
    deliverableDownloads: p.deliverableDownloads ?? 'approved',
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** What a contact sees: progress, dates, team, recent activity. Never the internal notes. */
export async function clientProjectView(p: Project): Promise<ClientProject> {
  const activity = await queryActivity(p.projectId, PROJECT_LIMITS.recentActivity);
  return {
    ...projectSummary(p),
    summary: p.summary,
    milestones: sortedMilestones(p.milestones),
    upcoming: upcomingDeadlines(p.milestones, today()),
    team: teamView(p),
    activity: activity.map((a) => ({ activityId: a.activityId, kind: a.kind, text: a.text, at: a.at })),
  };
}

/** Project titles by id, for a page of galleries (one batch read). */
export async function projectTitles(studioId: string, projectIds: string[]): Promise<Map<string, string>> {
  if (!projectIds.length) return new Map();
  return new Map((await batchGetProjects(studioId, projectIds)).map((p) => [p.projectId, p.title]));
}
