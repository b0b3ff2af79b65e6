// The daily reminder digest: one email per reviewer per day, listing the reviews still waiting on
// them that are due tomorrow or overdue (up to two weeks back). The reminder index is keyed by due
// date, so the digest reads 16 small partitions, never the table; a reviewer's claim of the day is
// a conditional put, so a rerun (a retried schedule, two local timers) never mails twice.
import { type Client, getClient } from '../../clients/index.ts';
import { getStudio, type Studio } from '../../studios/index.ts';
import { DELIVERABLE_LIMITS } from '../constants.ts';
import { claimReminder, queryRemindersDue } from '../data.ts';
import type { ReviewRequestRecord } from '../records.ts';
import { mailDigest } from './emails.ts';
import { dueForReminder, reminderDays } from './rules.ts';

/** How long a day's claim is kept: past the lookback, it can never be asked for again. */
const CLAIM_TTL_SECONDS = 3 * 86_400;

/** Sends the digest of `now`'s day (UTC); how many reviewers were mailed. */
export async function sendReviewReminders(now = new Date()): Promise<{ mailed: number }> {
  const today = now.toISOString().slice(0, 10);
  const due = (await Promise.all(reminderDays(today, DELIVERABLE_LIMITS.reminderLookbackDays).map(queryRemindersDue)))
    .flat()
    .filter((r) => dueForReminder(r.dueDate, today));
  const byReviewer = new Map<string, ReviewRequestRecord[]>();
  for (const r of due) byReviewer.set(`${r.studioId}#${r.clientId}`, [...(byReviewer.get(`${r.studioId}#${r.clientId}`) ?? []), r]);
  const studios = new Map<string, Promise<Studio | null>>();
  let mailed = 0;
  for (const requests of byReviewer.values()) {
    const [first] = requests as [ReviewRequestRecord];
    const studioRead = studios.get(first.studioId) ?? getStudio(first.studioId);
    studios.set(first.studioId, studioRead);
    const [studio, client] = await Promise.all([studioRead, getClient(first.studioId, first.clientId)]);
    if (!studio || !client || !(await claimReminder(client.clientId, today, Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS)))
      continue;
    await mailDigest(
      studio,
      client as Client,
      requests.toSorted((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')),
      today,
    );
    mailed++;
  }
  return { mailed };
}
