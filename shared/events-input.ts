// The object keys an object-created event is about, whichever way it arrives:
// - S3 event notifications (S3 → Lambda, and the local S3's hook): Records[].s3.object.key, URL-encoded
//   the form way ("red flower.jpg" arrives as "red+flower.jpg"), so it is decoded here;
// - EventBridge "Object Created" events (S3 → EventBridge → Lambda): detail.object.key, taken as is
//   (Portico's keys are ids, slashes, dots and dashes, which no encoding changes either way).
// Anything else (e.g. the s3:TestEvent S3 sends when notifications are configured) yields no keys.
import type { S3Event } from 'aws-lambda';

export interface ObjectCreatedEventBridgeEvent {
  source?: string;
  'detail-type': string;
  detail: { bucket?: { name: string }; object: { key: string; size?: number } };
}

export type ObjectEvent = S3Event | ObjectCreatedEventBridgeEvent;

/** "red+flower%281%29.jpg" → "red flower(1).jpg"; a malformed escape leaves the key as it came. */
export function decodeS3EventKey(key: string): string {
  const spaced = key.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function objectKeysOf(event: unknown): string[] {
  if (!event || typeof event !== 'object') return [];
  const e = event as Partial<S3Event> & Partial<ObjectCreatedEventBridgeEvent>;
  if (Array.isArray(e.Records)) {
    return e.Records.flatMap((r) => {
      const key = r?.s3?.object?.key;
      return typeof key === 'string' ? [decodeS3EventKey(key)] : [];
    });
  }
  const key = e.detail?.object?.key;
  return typeof key === 'string' ? [key] : [];
}
