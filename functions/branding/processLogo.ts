// The logo pipeline's Lambda: new objects under logos/ (shared/events.ts), delivered as S3 event
// notifications (local stack) or EventBridge "Object Created" events (the CDK stack).
import type { Context } from 'aws-lambda';
import { createdObjects, type ObjectCreatedEvent } from '../../shared/created-objects.ts';
import { processLogoUpload } from '../../shared/features/branding/logo-pipeline.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: ObjectCreatedEvent, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  // A logo is one file: a failure (S3 or DynamoDB) throws, and Lambda retries; a retry is harmless
  // (the same keys, the same conditional update).
  for (const { key } of createdObjects(event)) await processLogoUpload(key);
}
