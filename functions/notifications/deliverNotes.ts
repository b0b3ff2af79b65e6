// The notes worker's Lambda: new notify jobs under jobs/notify/ (shared/events.ts), delivered as S3
// event notifications (local stack) or EventBridge "Object Created" events (the CDK stack).
import type { Context } from 'aws-lambda';
import { PREFIX } from '../../shared/data/objects.ts';
import { objectKeysOf } from '../../shared/events-input.ts';
import { deliverNotifyJob } from '../../shared/features/notifications/domain/notify.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const failures: unknown[] = [];
  for (const key of objectKeysOf(event)) {
    if (!key.startsWith(PREFIX.notifyJobs) || !key.endsWith('.json')) continue;
    try {
      await deliverNotifyJob(key);
    } catch (error) {
      logger.error('Notify job could not run; the event will be retried', { key, error: error as Error });
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} notify jobs could not run`);
}
