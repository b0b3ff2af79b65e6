// The notification jobs (shared/schedules.ts): the burst emails every minute and the daily digest
// (the daily "deadline near" notes are the deliverables' job, which calls notify). Each reads only what is due (a few partitions keyed by
// time), never the table; each takes `now` so tests drive them.
import { logger } from '../../../logger.ts';
import type { Studio } from '../../studios/index.ts';
import {
  claimOnce,
  deadlineClaimKey,
  digestClaimKey,
  endBurst,
  getState,
  getThread,
  queryDigestDay,
  queryMailDue,
  queryNotes,
} from '../data.ts';
import { MAIL_SHARDS } from '../records.ts';
import { addresseeOf, mailBurst, mailDigest, studioOf } from './emails.ts';
import { isRead } from './notify.ts';

const CLAIM_TTL_SECONDS = 3 * 86_400;
const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);

function studioCache() {
  const cache = new Map<string, Promise<Studio | null>>();
  return (studioId: string) => {
    const read = cache.get(studioId) ?? studioOf(studioId);
    cache.set(studioId, read);
    return read;
  };
}

/** Sends the burst emails due by `now` (the batching rule: domain/notify.ts); how many went out. */
export async function sendMessageEmails(now = new Date()): Promise<{ mailed: number; skipped: number }> {
  const due = (await Promise.all(Array.from({ length: MAIL_SHARDS }, (_, shard) => queryMailDue(shard, now.toISOString())))).flat();
  const studio = studioCache();
  let mailed = 0;
  let skipped = 0;
  for (const entry of due) {
    try {
      const [thread, state] = await Promise.all([
        getThread(entry.studioId, entry.person, entry.threadId),
        getState(entry.studioId, entry.person),
      ]);
      const unseen =
        thread && thread.mailDueAt === entry.dueAt && thread.seenSeq < thread.lastSeq && thread.burst.some((b) => b.seq > thread.seenSeq);
      const [s, who] =
        unseen && state.emailMode === 'every'
          ? await Promise.all([studio(entry.studioId), addresseeOf(entry.studioId, entry.person)])
          : [null, null];
      if (thread && s && who) {
        await mailBurst(s, who, thread);
        mailed++;
      } else skipped++;
      await endBurst(entry);
    } catch (error) {
      logger.error('A message email could not be sent', { error: error as Error });
    }
  }
  return { mailed, skipped };
}

/** The daily digest of unread notes for the people in digest mode who got notes since yesterday; once per person per day. */
export async function sendNotificationDigests(now = new Date()): Promise<{ mailed: number }> {
  const today = day(now);
  const people = (await Promise.all([queryDigestDay(addDays(today, -1)), queryDigestDay(today)])).flat();
  const seen = new Set<string>();
  const studio = studioCache();
  let mailed = 0;
  for (const { studioId, person } of people) {
    if (seen.has(`${studioId}#${person}`)) continue;
    seen.add(`${studioId}#${person}`);
    const state = await getState(studioId, person);
    if (state.emailMode !== 'digest') continue;
    const page = await queryNotes(studioId, person, { limit: 20 });
    const unread = page.items.filter((n) => !isRead(n, state));
    if (!unread.length) continue;
    if (!(await claimOnce(digestClaimKey(studioId, person, today), Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS))) continue;
    const [s, who] = await Promise.all([studio(studioId), addresseeOf(studioId, person)]);
    if (!s || !who) continue;
    const shown = unread.slice(0, 10);
    await mailDigest(s, who, shown, Math.max(0, state.unread - shown.length));
    mailed++;
  }
  return { mailed };
}

/** Claims a deadline's note of a day (deliverables' deadline job): false when it was told already. */
export const claimDeadline = (studioId: string, item: string, today: string, now: Date): Promise<boolean> =>
  claimOnce(deadlineClaimKey(studioId, item, today), Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS);
