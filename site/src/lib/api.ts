// A small fetch wrapper for the same-origin JSON API. The session lives in HttpOnly cookies that
// page scripts never see; this module only decides what to do with the answers.
import type { Body, Ok } from './types.ts';

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

type Method = 'GET' | 'POST' | 'DELETE';

interface Options {
  method?: Method;
  body?: unknown;
  /**
   * An authenticated call: on a 401 the session is refreshed once and the call retried; when that
   * fails the browser goes to /signin and the returned promise never settles.
   */
  auth?: boolean;
}

function send(path: string, method: Method, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (body !== undefined) init.body = JSON.stringify(body);
  }
  return fetch(path, init).catch(() => {
    throw new ApiError(0, NETWORK);
  });
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: calls that fail together wait for the same refresh. */
function refreshSession(): Promise<boolean> {
  refreshing ??= send('/api/session/refresh', 'POST', undefined)
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

export async function request<T>(path: string, { method = 'GET', body, auth = false }: Options = {}): Promise<T> {
  let res = await send(path, method, body);
  if (res.status === 401 && auth) {
    if (await refreshSession()) res = await send(path, method, body);
    if (res.status === 401) return goToSignIn();
  }
  const data = await readBody(res);
  if (res.ok) return data as T;
  throw new ApiError(res.status, isErrorBody(data) ? data : UNEXPECTED);
}

const post = <T>(path: string, body?: unknown, auth = false) => request<T>(path, { method: 'POST', body, auth });

/** Every API call the site makes, typed from the shared route table. */
export const api = {
  // dashboard host
  studioSignUp: (body: Body<'studioSignUp'>) => post<Ok<'studioSignUp'>>('/api/studio/signup', body),
  studioSignIn: (body: Body<'studioSignIn'>) => post<Ok<'studioSignIn'>>('/api/studio/session', body),
  studioMe: () => request<Ok<'getStudioMe'>>('/api/studio/me', { auth: true }),
  listClients: () => request<Ok<'listClients'>>('/api/studio/clients', { auth: true }),
  inviteClient: (body: Body<'inviteClient'>) => post<Ok<'inviteClient'>>('/api/studio/clients', body, true),
  // portal hosts
  portal: () => request<Ok<'getPortal'>>('/api/portal'),
  requestMagicLink: (body: Body<'requestMagicLink'>) => post<Ok<'requestMagicLink'>>('/api/portal/magic-link', body),
  renewMagicLink: (body: Body<'renewMagicLink'>) => post<Ok<'renewMagicLink'>>('/api/portal/magic-link/renew', body),
  redeemMagicLink: (body: Body<'redeemMagicLink'>) => post<Ok<'redeemMagicLink'>>('/api/portal/session', body),
  clientMe: () => request<Ok<'getClientMe'>>('/api/portal/me', { auth: true }),
  clientGalleries: () => request<Ok<'listClientGalleries'>>('/api/portal/galleries', { auth: true }),
  // either host
  signOut: () => request<void>('/api/session', { method: 'DELETE' }),
};

/** Signs out (a 401 means there was no session: fine too) and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
  location.assign('/signin');
}

export const messageOf = (e: unknown): string => (e instanceof ApiError ? e.message : UNEXPECTED.message);
