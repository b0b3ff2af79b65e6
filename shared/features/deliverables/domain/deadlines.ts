// "Deadline near" (shared/schedules.ts, daily): the reviews due within two days, read from the
// reminder index (REMINDER#<day> for today and the next two days: three Queries, never the table),
// told once per deliverable per day (a conditional claim of notifications) to the project's team and
// contacts. Notes only: the reviewers' own reminder email is the review reminder digest.

import { claimDeadline, NOTIFICATION_LIMITS, notify } from '../../notifications/index.ts';
import { clientPerson, type PersonKey, userPerson } from '../../people/index.ts';
import { getProject } from '../../projects/index.ts';
import { queryRemindersDue } from '../data.ts';
import { portalDeliverablePath, studioDeliverablePath } from './emails.ts';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function notifyDeadlines(now = new Date()): Promise<{ told: number }> {
  const today = now.toISOString().slice(0, 10);
  const days = Array.from({ length: NOTIFICATION_LIMITS.deadlineDays + 1 }, (_, i) => addDays(today, i));
  const requests = (await Promise.all(days.map(queryRemindersDue))).flat();
  const byDeliverable = new Map(requests.map((r) => [`${r.studioId}#${r.deliverableId}`, r]));
  let told = 0;
  for (const r of byDeliverable.values()) {
    if (!(await claimDeadline(r.studioId, `deliverable-${r.deliverableId}`, today, now))) continue;
    const project = await getProject(r.studioId, r.projectId);
    if (!project) continue;
    const recipients: PersonKey[] = [...project.team.map((t) => userPerson(t.userId)), ...project.contactIds.map(clientPerson)];
    const when = r.dueDate === today ? 'today' : r.dueDate === addDays(today, 1) ? 'tomorrow' : `on ${r.dueDate}`;
    await notify({
      studioId: r.studioId,
      kind: 'deadlineNear',
      projectId: r.projectId,
      projectTitle: r.projectTitle,
      title: `${r.title} v${r.version}: review due ${when}`,
      link: { studio: studioDeliverablePath(r.projectId, r.deliverableId), client: portalDeliverablePath(r.projectId, r.deliverableId) },
      actor: null,
      recipients,
      now,
    });
    told++;
  }
  return { told };
}
