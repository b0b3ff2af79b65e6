// A client's feedback on a project becomes a task of the team: it lands in the project lead's
// inbox, is triaged (rules.ts says which move may follow which), gathers the team's internal notes,
// and tells the client when it is done or declined. Every change tells the pages showing it.
import { randomUUID } from 'node:crypto';
import { limits } from '../../../config.ts';
import { consume, type Limit } from '../../../data/rate-limit.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { type Client, getClient } from '../../clients/index.ts';
import { publish, topics } from '../../live/index.ts';
import { notify } from '../../notifications/index.ts';
import { clientPerson, type PersonKey, userPerson } from '../../people/index.ts';
import { type Project, projectForClient, projectForStudio, projectTitles } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { TASK_LIMITS, type TaskState } from '../constants.ts';
import { appendNote, getTask, putTask, queryInbox, queryProjectTasks, saveTriage } from '../data.ts';
import type { TaskRecord } from '../records.ts';
import type { SubmitFeedbackBody, TriageBody } from '../schemas.ts';
import { attachmentLink, checkedAttachments } from './attachments.ts';
import { mailFeedbackClosed } from './emails.ts';
import { assertTransition, effectiveState } from './rules.ts';

type StudioSession = { studio: Studio; user: StudioUser };
type ClientSession = { studio: Studio; client: Client };

const NO_TASK = 'No such feedback in this project.';
const CHANGED = 'Someone changed this feedback since you opened it. Reload to see their change.';

/** Feedback one contact may give one studio's projects per hour. */
export const projectFeedbackLimit = (): Limit => ({
  bucket: 'project-feedback',
  max: limits.projectFeedbackPerHour,
  windowSeconds: 3600,
  message: 'You have sent as much feedback as you may this hour. Please try again later.',
});

const today = () => new Date().toISOString().slice(0, 10);

function clientTaskView(t: TaskRecord, day: string) {
  return {
    feedbackId: t.feedbackId,
    projectId: t.projectId,
    subject: t.subject,
    message: t.message,
    category: t.category,
    attachments: t.attachments ?? [],
    state: effectiveState(t, day),
    declineReason: t.declineReason,
    duplicateOf: t.duplicateOf,
    snoozedUntil: effectiveState(t, day) === 'snoozed' ? t.snoozedUntil : null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

function studioTaskView(t: TaskRecord, day: string) {
  return {
    ...clientTaskView(t, day),
    submittedBy: t.submittedBy,
    assignee: t.assignee,
    dueDate: t.dueDate,
    notes: t.notes,
    revision: t.revision,
  };
}

const newestFirst = (a: TaskRecord, b: TaskRecord) => b.createdAt.localeCompare(a.createdAt);

/** Who a change is told to: the project's team and the contact who sent the feedback (not for notes). */
function tell(project: Project, task: TaskRecord, withClient: boolean): Promise<unknown> {
  const people: PersonKey[] = project.team.map((m) => userPerson(m.userId));
  if (withClient) people.push(clientPerson(task.submittedBy.clientId));
  return publish(project.studioId, people, { type: 'changed', topic: topics.projectFeedback(project.projectId) });
}

async function taskOf(projectId: string, feedbackId: string): Promise<TaskRecord> {
  const task = await getTask(projectId, feedbackId);
  if (!task) throw notFound(NO_TASK);
  return task;
}

export async function submitProjectFeedback(session: ClientSession, projectId: string, input: SubmitFeedbackBody) {
  const project = await projectForClient(session, projectId);
  const { studio, client } = session;
  await consume(projectFeedbackLimit(), `${studio.studioId}#${client.clientId}`);
  const lead = project.team.find((m) => m.userId === project.leadId) ?? project.team[0];
  if (!lead) throw conflict('no_team', 'This project has no team to take feedback yet.');
  const attachments = await checkedAttachments({ studioId: studio.studioId, projectId }, client.clientId, input.attachments ?? []);
  const now = new Date().toISOString();
  const task: TaskRecord = {
    feedbackId: randomUUID(),
    projectId,
    studioId: studio.studioId,
    attachments,
    submittedBy: { clientId: client.clientId, name: client.name },
    subject: input.subject,
    message: input.message,
    category: input.category ?? null,
    state: 'new',
    declineReason: null,
    duplicateOf: null,
    snoozedUntil: null,
    assignee: { userId: lead.userId, name: lead.name },
    dueDate: null,
    notes: [],
    createdAt: now,
    updatedAt: now,
    revision: 1,
  };
  await putTask(task);
  const link = `/projects/${projectId}#feedback`;
  await notify({
    studioId: studio.studioId,
    kind: 'feedback',
    projectId,
    projectTitle: project.title,
    title: `${client.name}: ${task.subject}`,
    link: { studio: link, client: link },
    actor: clientPerson(client.clientId),
    recipients: [userPerson(task.assignee.userId)],
  });
  await tell(project, task, true);
  return clientTaskView(task, today());
}

/** The contact's own feedback on the project, newest first. */
export async function listClientFeedback(session: ClientSession, projectId: string) {
  await projectForClient(session, projectId);
  const day = today();
  const mine = (await queryProjectTasks(projectId)).filter((t) => t.submittedBy.clientId === session.client.clientId);
  return mine.sort(newestFirst).map((t) => clientTaskView(t, day));
}

export async function listProjectTasks(session: StudioSession, projectId: string, state?: TaskState) {
  const project = await projectForStudio(session, projectId);
  const day = today();
  const tasks = (await queryProjectTasks(projectId)).filter((t) => state === undefined || effectiveState(t, day) === state);
  return {
    feedback: tasks.sort(newestFirst).map((t) => studioTaskView(t, day)),
    team: project.team.map((m) => ({ userId: m.userId, name: m.name })),
  };
}

/** One triage write: a state move (with what it needs), an assignee of the project's team, a due date. */
export async function triageTask(session: StudioSession, projectId: string, feedbackId: string, input: TriageBody) {
  const project = await projectForStudio(session, projectId);
  const task = await taskOf(projectId, feedbackId);
  if (task.revision !== input.revision) throw conflict('changed', CHANGED);
  const day = today();
  const next: TaskRecord = { ...task, updatedAt: new Date().toISOString() };
  if (input.state !== undefined) {
    const to = input.state;
    assertTransition(effectiveState(task, day), { to, ...input }, task, day);
    next.state = to;
    next.declineReason = to === 'declined' ? (input.reason ?? null) : null;
    next.snoozedUntil = to === 'snoozed' ? (input.snoozedUntil ?? null) : null;
    next.duplicateOf = null;
    if (to === 'duplicate' && input.duplicateOf) {
      const original = await getTask(projectId, input.duplicateOf);
      if (!original)
        throw invalid('duplicate_of_unknown', 'Name feedback of this project.', { duplicateOf: ['names no feedback of this project'] });
      next.duplicateOf = { feedbackId: original.feedbackId, subject: original.subject };
    }
  } else if (input.reason !== undefined || input.duplicateOf !== undefined || input.snoozedUntil !== undefined) {
    throw invalid('state_required', 'Say which state the reason or date is for.', {
      state: ['is required with reason, duplicateOf or snoozedUntil'],
    });
  }
  if (input.assigneeId !== undefined) {
    const member = project.team.find((m) => m.userId === input.assigneeId);
    if (!member)
      throw invalid('assignee_not_on_project', 'Assign someone on the project’s team.', { assigneeId: ['is not on this project’s team'] });
    next.assignee = { userId: member.userId, name: member.name };
  }
  if (input.dueDate !== undefined) next.dueDate = input.dueDate;
  const saved = await saveTriage(next, input.revision);
  if (!saved) throw conflict('changed', CHANGED);
  const closedNow = saved.state !== task.state && (saved.state === 'done' || saved.state === 'declined');
  if (closedNow) {
    const client = await getClient(session.studio.studioId, task.submittedBy.clientId);
    if (client && !client.revokedAt) await mailFeedbackClosed(session.studio, client, saved, project.title);
  }
  if (saved.assignee.userId !== task.assignee.userId && saved.assignee.userId !== session.user.userId) {
    const link = `/projects/${projectId}#feedback`;
    await notify({
      studioId: project.studioId,
      kind: 'feedback',
      projectId,
      projectTitle: project.title,
      title: `${session.user.name} assigned you: ${saved.subject}`,
      link: { studio: link, client: link },
      actor: userPerson(session.user.userId),
      recipients: [userPerson(saved.assignee.userId)],
    });
  }
  await tell(project, saved, true);
  return studioTaskView(saved, day);
}

/** An internal note: the team's only, never in a client's answer or mail. */
export async function addTaskNote(session: StudioSession, projectId: string, feedbackId: string, text: string) {
  const project = await projectForStudio(session, projectId);
  const note = { noteId: randomUUID(), authorId: session.user.userId, authorName: session.user.name, text, at: new Date().toISOString() };
  const saved = await appendNote(projectId, feedbackId, note, TASK_LIMITS.notesPerTask);
  if (!saved) {
    await taskOf(projectId, feedbackId);
    throw limitReachedNotes();
  }
  await tell(project, saved, false);
  return studioTaskView(saved, today());
}

const limitReachedNotes = () => conflict('notes_full', `A feedback task keeps at most ${TASK_LIMITS.notesPerTask} notes.`);

/** The signed-in member's open tasks across projects (one GSI1 Query, one BatchGet of titles). */
export async function myInbox(session: StudioSession, sort: 'due' | 'newest' = 'due') {
  const tasks = await queryInbox(session.studio.studioId, session.user.userId);
  const titles = await projectTitles(session.studio.studioId, [...new Set(tasks.map((t) => t.projectId))]);
  const day = today();
  const listed = tasks.filter((t) => titles.has(t.projectId));
  if (sort === 'newest') listed.sort(newestFirst);
  return listed.map((t) => ({ ...studioTaskView(t, day), projectTitle: titles.get(t.projectId) ?? '' }));
}

export async function studioAttachment(session: StudioSession, projectId: string, feedbackId: string, attachmentId: string) {
  await projectForStudio(session, projectId);
  return attachmentLink(await taskOf(projectId, feedbackId), attachmentId);
}

/** The sender's own attachment only: another contact's feedback is not found. */
export async function clientAttachment(session: ClientSession, projectId: string, feedbackId: string, attachmentId: string) {
  await projectForClient(session, projectId);
  const task = await taskOf(projectId, feedbackId);
  if (task.submittedBy.clientId !== session.client.clientId) throw notFound(NO_TASK);
  return attachmentLink(task, attachmentId);
}
