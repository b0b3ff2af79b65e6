// The object keys an object-created event is about, whichever shape it arrives in: an S3 event
// notification (local S3 hook; S3 → Lambda) with form-URL-encoded keys, or an EventBridge
// "Object Created" event (detail.object.key, as stored). Removal events and anything else (such
// as the s3:TestEvent S3 sends when notifications are configured) yield no keys.
// The decoding lives in ./created-objects.ts (bucket, key and size per object); this is the
// keys-only view for handlers that need nothing else.
import { createdObjects, type ObjectCreatedEvent } from './created-objects.ts';

export function objectKeysOf(event: unknown): string[] {
  if (!event || typeof event !== 'object') return [];
  return createdObjects(event as ObjectCreatedEvent).map((o) => o.key);
}
