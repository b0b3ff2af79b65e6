// The daily review reminder digest (shared/schedules.ts): an EventBridge schedule in AWS, a timer
// in the local stack.
import type { Context } from 'aws-lambda';
import { sendReviewReminders } from '../../shared/features/deliverables/domain/reminders.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(_event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const { mailed } = await sendReviewReminders();
  logger.info('Review reminders sent', { mailed });
}
