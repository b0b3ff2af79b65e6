// Deliverables' preview pipeline: new objects under deliverables/ (shared/events.ts), delivered as
// S3 event notifications (local stack) or EventBridge "Object Created" events (the CDK stack).
import type { Context } from 'aws-lambda';
import { createdObjects, type ObjectCreatedEvent } from '../../shared/created-objects.ts';
import { processVersionUpload } from '../../shared/features/deliverables/domain/pipeline.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: ObjectCreatedEvent, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const failures: unknown[] = [];
  for (const { key } of createdObjects(event)) {
    try {
      await processVersionUpload(key);
    } catch (error) {
      // Transient: fail the invocation so it is retried; a rerun writes the same previews.
      logger.error('Previewing a deliverable failed; the event will be retried', { key, error });
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} deliverable uploads failed to process`);
}
