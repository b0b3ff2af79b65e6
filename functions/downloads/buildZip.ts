// The ZIP worker's Lambda: new manifests under jobs/zip/ (shared/events.ts), delivered as S3 event
// notifications (local stack) or EventBridge "Object Created" events (the CDK stack).
import type { Context } from 'aws-lambda';
import { PREFIX } from '../../shared/data/objects.ts';
import { objectKeysOf } from '../../shared/events-input.ts';
import { runZipJob } from '../../shared/features/downloads/domain/zip-worker.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const failures: unknown[] = [];
  for (const key of objectKeysOf(event)) {
    if (!key.startsWith(PREFIX.zipJobs) || !key.endsWith('.json')) continue;
    try {
      // A job's own failures (missing files, S3 errors mid-stream) end on its record as 'failed';
      // what reaches here is the record itself being unreachable, which a retry may fix.
      await runZipJob(key);
    } catch (error) {
      logger.error('ZIP job could not run; the event will be retried', { key, error: error as Error });
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} ZIP jobs could not run`);
}
