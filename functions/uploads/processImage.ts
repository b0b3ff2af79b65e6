// The image pipeline's Lambda: new objects under originals/ (shared/events.ts), delivered as S3 event
// notifications (local stack) or EventBridge "Object Created" events (the CDK stack).
import type { Context } from 'aws-lambda';
import { createdObjects, type ObjectCreatedEvent } from '../../shared/created-objects.ts';
import { processOriginal } from '../../shared/features/uploads/pipeline.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: ObjectCreatedEvent, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const failures: unknown[] = [];
  // One at a time: each image already uses the function's cores, and memory stays one image deep.
  for (const { key } of createdObjects(event)) {
    try {
      await processOriginal(key);
    } catch (error) {
      // Transient (S3 or DynamoDB): carry on with the others, then fail the invocation so Lambda
      // retries it. Reprocessing an image that succeeded is harmless: same keys, same record.
      logger.error('Processing failed; the event will be retried', { key, error });
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} images failed to process`);
}
