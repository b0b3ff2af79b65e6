// The deliverables' deadline-near job (shared/schedules.ts): an EventBridge schedule in AWS, a timer in the local stack.
import type { Context } from 'aws-lambda';
import { notifyDeadlines } from '../../shared/features/deliverables/domain/deadlines.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(_event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const outcome = await notifyDeadlines();
  logger.info('notifyDeadlines ran', { ...outcome });
}
