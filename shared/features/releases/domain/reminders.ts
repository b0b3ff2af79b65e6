// The daily reminders (schedule sendReleaseReminders): every release due a reminder today whose
// signers have not all signed gets one email per waiting signer, and its next reminder day; and
// any seal a failed request left owed is made.
import { logger } from '../../../logger.ts';
import { getStudio } from '../../studios/index.ts';
import { claimReminder, getRelease, remindersOn } from '../data.ts';
import { NO_PRESENCE, SYSTEM } from './act.ts';
import { isOpen } from './rules.ts';
import { retryOwedSeals } from './seal.ts';
import { remindRelease } from './send.ts';

export async function sendReleaseReminders(now: Date): Promise<void> {
  // A seal that failed after the last signature is made here (the job holds 'seal:key').
  await retryOwedSeals(now);
  const date = now.toISOString().slice(0, 10);
  for (const releaseId of await remindersOn(date)) {
    try {
      if (!(await claimReminder(date, releaseId))) continue;
      const r = await getRelease(releaseId);
      if (!r || !isOpen(r) || r.state === 'awaiting_countersign') continue;
      const studio = await getStudio(r.studioId);
      if (studio) await remindRelease(studio, SYSTEM, releaseId, NO_PRESENCE, undefined, date);
    } catch (error) {
      logger.error('A release reminder failed', { releaseId, error });
    }
  }
}
