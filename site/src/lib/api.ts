// The site's API client: `call(routeId, { params, query, body })`, typed and addressed by the shared
// route table (api-routes.gen.ts is generated from it), so no path is written here. The session lives
// in HttpOnly cookies that page scripts never see; this module only decides what to do with the answers.
import type { RouteId } from '../../../shared/routes.ts';
import { type ApiRoute, apiRoutes } from './api-routes.gen.ts';
import type { Body, Ok, Params, Query } from './types.ts';

export interface ErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string[]>;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error;
    this.fields = body.fields ?? {};
  }

  /** The first message the API gave for a field, if any. */
  field(name: string): string | undefined {
    return this.fields[name]?.[0];
  }
}

const NETWORK: ErrorBody = { error: 'network', message: 'We couldn’t reach the server. Check your connection and try again.' };
const UNEXPECTED: ErrorBody = { error: 'unexpected', message: 'Something went wrong on our side. Please try again.' };

/** A key the route takes: required unless every field of it is optional; absent when the route has none. */
type Slot<K extends string, T> = [T] extends [never] ? { [P in K]?: never } : Partial<T> extends T ? { [P in K]?: T } : { [P in K]: T };
/** What a route takes: its path parameters, query and body, each only when the route declares it. */
export type CallInput<R extends RouteId> = Slot<'params', Params<R>> & Slot<'query', Query<R>> & Slot<'body', Body<R>>;
/** The argument list after the route id: optional when the route needs nothing. */
type Rest<T> = Partial<T> extends T ? [input?: T] : [input: T];
type AddressInput<R extends RouteId> = Pick<CallInput<R>, 'params' | 'query'>;

interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

function address(id: RouteId, { params, query }: LooseInput): string {
  const path = apiRoutes[id].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    // A programming error, not an answer of the API: the types make every path parameter required.
    if (value === undefined || value === null) throw new Error(`${id}: no value for path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null) search.append(key, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A route's address with its parameters filled in, for links (e.g. a CSV download) rather than fetches. */
export function routeUrl<R extends RouteId>(id: R, ...[input]: Rest<AddressInput<R>>): string {
  return address(id, (input ?? {}) as LooseInput);
}

function send(url: string, method: ApiRoute['method'], body: unknown, idempotencyKey?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (body !== undefined) init.body = JSON.stringify(body);
  }
  return fetch(url, init).catch(() => {
    throw new ApiError(0, NETWORK);
  });
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: calls that fail together wait for the same refresh. */
function refreshSession(): Promise<boolean> {
  const { path, method } = apiRoutes.refreshSession;
  refreshing ??= send(path, method, undefined)
    .then(
      (res) => res.status === 204,
      () => false,
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Sends the browser to the sign-in page of the host it is on, coming back here afterwards. */
export function goToSignIn(): Promise<never> {
  const here = location.pathname + location.search;
  const next = here === '/' || here.startsWith('/signin') ? '' : `?next=${encodeURIComponent(here)}`;
  location.assign(`/signin${next}`);
  return new Promise<never>(() => {});
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isErrorBody = (v: unknown): v is ErrorBody =>
  typeof v === 'object' && v !== null && typeof (v as ErrorBody).error === 'string' && typeof (v as ErrorBody).message === 'string';

/**
 * Calls a route by id. On a route that takes a session (studio or client), a 401 refreshes the
 * session once and retries; when that fails the browser goes to /signin and the promise never
 * settles. Public routes hand their 401 to the caller (a wrong password, a share link's password).
 * Network failures reject with ApiError(0), other non-2xx answers with the API's ApiError.
 */
export async function call<R extends RouteId>(id: R, ...[input]: Rest<CallInput<R>>): Promise<Ok<R>> {
  const route: ApiRoute = apiRoutes[id];
  const loose = (input ?? {}) as LooseInput;
  const url = address(id, loose);
  // One key per call, kept by its retry after a refresh: when a create's first answer was lost,
  // the API answers the retry with that answer instead of creating a second one (the key is only
  // missing where the browser has no randomUUID, outside a secure context).
  const key = route.method === 'POST' ? globalThis.crypto?.randomUUID?.() : undefined;
  let res = await send(url, route.method, loose.body, key);
  if (res.status === 401 && route.auth !== 'public') {
    if (await refreshSession()) res = await send(url, route.method, loose.body, key);
    if (res.status === 401) return goToSignIn();
  }
  const data = await readBody(res);
  if (res.ok) return data as Ok<R>;
  throw new ApiError(res.status, isErrorBody(data) ? data : UNEXPECTED);
}

/** Signs out (a 401 means there was no session: fine too) and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    await call('signOut');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
  location.assign('/signin');
}

export const messageOf = (e: unknown): string => (e instanceof ApiError ? e.message : UNEXPECTED.message);
