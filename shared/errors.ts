// What can go wrong, in domain words. Domain code throws these; it knows nothing of HTTP. The one
// handler wrapper (shared/http/handler.ts) turns each kind into its status code, and event workers
// reuse the same domain without pretending to be HTTP.

export type ErrorKind =
  | 'invalid'
  | 'not_authenticated'
  | 'not_allowed'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'limit_reached'
  | 'unavailable';

export class DomainError extends Error {
  readonly kind: ErrorKind;
  /** Machine-readable, stable: clients branch on it. */
  readonly code: string;
  /** Which input fields are wrong, and why. */
  readonly fields?: Record<string, string[]>;
  /** When a retry may succeed (limits, busy dependencies). */
  readonly retryAfterSeconds?: number;
  /** More the caller can act on, sent beside `error` and `message` (e.g. the plan that unlocks a feature). */
  readonly details?: Record<string, string>;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    extra: { fields?: Record<string, string[]>; retryAfterSeconds?: number; details?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.details = extra.details;
  }
}

/** The request makes no sense for this record (beyond what the schemas check). */
export const invalid = (code: string, message: string, fields?: Record<string, string[]>) =>
  new DomainError('invalid', code, message, { fields });
/** The caller did not prove who they are (a wrong password, a spent link). */
export const notAuthenticated = (code: string, message: string) => new DomainError('not_authenticated', code, message);
/** The caller is known, and this is not theirs to do (now). */
export const notAllowed = (code: string, message: string) => new DomainError('not_allowed', code, message);
/** No such record for this caller: another tenant's records are "not found" too. */
export const notFound = (message = 'Not found.', fields?: Record<string, string[]>) =>
  new DomainError('not_found', 'not_found', message, { fields });
/** The record's state forbids it (locked, confirmed, taken). */
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
/** It existed and is gone for good (a revoked or expired link). */
export const gone = (code: string, message: string) => new DomainError('gone', code, message);
/** A limit was reached; try again after `retryAfterSeconds`. */
export const limitReached = (message: string, retryAfterSeconds: number) =>
  new DomainError('limit_reached', 'rate_limited', message, { retryAfterSeconds });
/** A dependency (DynamoDB, S3, Cognito) is unavailable: the caller may retry. */
export const unavailable = (message = 'The service is busy. Please try again in a moment.') =>
  new DomainError('unavailable', 'unavailable', message, { retryAfterSeconds: 2 });
