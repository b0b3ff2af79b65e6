// The files pipeline's Lambda: new objects under files/ (shared/events.ts), delivered as S3 event
// notifications (local stack) or EventBridge "Object Created" events (the CDK stack).
import type { Context } from 'aws-lambda';
import { createdObjects, type ObjectCreatedEvent } from '../../shared/created-objects.ts';
import { processProjectFile } from '../../shared/features/files/domain/pipeline.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: ObjectCreatedEvent, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const failures: unknown[] = [];
  // One at a time: a PDF's pages already use the function's memory and cores.
  for (const { key } of createdObjects(event)) {
    try {
      await processProjectFile(key);
    } catch (error) {
      // Transient (S3 or DynamoDB): fail the invocation so the event is retried; a retry rewrites the same keys.
      logger.error('Processing failed; the event will be retried', { key, error });
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} files failed to process`);
}
