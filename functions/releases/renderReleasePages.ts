// A release's document pages (shared/events.ts): new objects under release-documents/, delivered as
// S3 event notifications (local stack) or EventBridge "Object Created" events (the CDK stack). The
// pages are rendered from the stored bytes themselves, so every signer sees exactly what is sealed.
import type { Context } from 'aws-lambda';
import { createdObjects, type ObjectCreatedEvent } from '../../shared/created-objects.ts';
import { renderReleasePages } from '../../shared/features/releases/domain/pages.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(event: ObjectCreatedEvent, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const failures: unknown[] = [];
  // One at a time: a document's pages already use the function's memory and cores.
  for (const { key, size } of createdObjects(event)) {
    // S3 and EventBridge name an Object Created event's size; one without it could not be checked.
    if (size === null) {
      logger.error('A release document event without the object size; skipped', { key });
      continue;
    }
    try {
      await renderReleasePages(key, size);
    } catch (error) {
      // Transient (S3 or DynamoDB): fail the invocation so the event is retried; a retry rewrites the same pages.
      logger.error('Rendering the release pages failed; the event will be retried', { key, error });
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} release documents failed to render`);
}
