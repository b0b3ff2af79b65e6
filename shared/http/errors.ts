// Errors a route may answer with: the wrapper's own (bad JSON, wrong host, no session) and the
// domain's, mapped to their status here and nowhere else. Anything else thrown is a bug: a 500.
import type { DomainError, ErrorKind } from '../errors.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string[]>;
  readonly headers?: Record<string, string>;
  readonly details?: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { fields?: Record<string, string[]>; headers?: Record<string, string>; details?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = extra.fields;
    this.headers = extra.headers;
    this.details = extra.details;
  }

  /** The JSON error body: details first, so they can never overwrite `error` or `message`. */
  body(): Record<string, unknown> {
    return { ...this.details, error: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string[]>) =>
  new HttpError(400, code, message, { fields });
export const unauthorized = (message = 'Sign in to continue.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, 'rate_limited', message, { headers: { 'retry-after': String(retryAfterSeconds) } });
/** A dependency (DynamoDB, S3, Cognito) is unavailable: the client may retry. */
export const unavailable = (message = 'The service is busy. Please try again in a moment.') =>
  new HttpError(503, 'unavailable', message, { headers: { 'retry-after': '2' } });

/** The status of each kind of domain error. */
export const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  not_authenticated: 401,
  not_allowed: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  limit_reached: 429,
  unavailable: 503,
};

export function httpErrorOf(e: DomainError): HttpError {
  const headers = e.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(e.retryAfterSeconds) };
  return new HttpError(STATUS_OF[e.kind], e.code, e.message, { fields: e.fields, headers, details: e.details });
}
