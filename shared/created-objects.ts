// The objects an object-created event is about, whichever way it arrived: an S3 event notification
// (what the local stack delivers, and S3 → Lambda in AWS) or an EventBridge "Object Created" event
// (how the CDK stack routes the bucket's events). Every handler in functions/events/ starts here.
import type { S3Event, S3ObjectCreatedNotificationEvent } from 'aws-lambda';

export type ObjectCreatedEvent = S3Event | S3ObjectCreatedNotificationEvent;

export interface CreatedObject {
  bucket: string;
  /** The object key as stored, decoded. */
  key: string;
  size: number | null;
}

/**
 * S3 notifications URL-encode keys the way HTML forms do: a space is '+', a real '+' is '%2B'
 * ("red flower.jpg" arrives as "red+flower.jpg"). So '+' becomes a space before percent-decoding.
 */
export function decodeS3EventKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** The inverse, as S3 writes it: form encoding, with '/' kept as is. */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/gi, '/');
}

export function createdObjects(event: ObjectCreatedEvent): CreatedObject[] {
  if ('Records' in event) {
    return (event.Records ?? [])
      .filter((r) => r.eventName?.startsWith('ObjectCreated:'))
      .map((r) => ({ bucket: r.s3.bucket.name, key: decodeS3EventKey(r.s3.object.key), size: r.s3.object.size ?? null }));
  }
  if (event.source === 'aws.s3' && event['detail-type'] === 'Object Created') {
    // EventBridge carries the key as stored: no decoding (a '+' there is a real '+').
    return [{ bucket: event.detail.bucket.name, key: event.detail.object.key, size: event.detail.object.size ?? null }];
  }
  return [];
}
