// The daily release reminders (shared/schedules.ts): an EventBridge schedule in AWS, a timer in the
// local stack.
import type { Context } from 'aws-lambda';
import { sendReleaseReminders } from '../../shared/features/releases/domain/reminders.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(_event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  await sendReleaseReminders(new Date());
  logger.info('Release reminders sent');
}
