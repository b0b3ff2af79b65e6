// A notifications job (shared/schedules.ts): an EventBridge schedule in AWS, a timer in the local stack.
import type { Context } from 'aws-lambda';
import { sendNotificationDigests } from '../../shared/features/notifications/domain/jobs.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(_event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const outcome = await sendNotificationDigests();
  logger.info('sendNotificationDigests ran', { ...outcome });
}
