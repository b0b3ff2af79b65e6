// A small HTTP client for tests that behaves like one browser: it sends the Host a browser would
// (dashboard or a studio's portal), keeps cookies per host like a browser does, and sends the
// Origin header a same-site fetch would carry.
import { request } from 'node:http';
import { inject } from 'vitest';
import { checkAnswer } from './contract.ts';

export interface Answer<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  readonly port: number;
  /** The address this browser's requests come from (any 127.x.y.z on loopback): its source IP. */
  readonly localAddress: string | undefined;
  constructor(port = inject('porticoPort'), localAddress?: string) {
    this.port = port;
    this.localAddress = localAddress;
  }

  /** host: 'localhost' for the dashboard, '<slug>.localhost' for a portal. */
  async call<T = any>(
    host: string,
    method: string,
    path: string,
    opts: { json?: unknown; body?: string; headers?: Record<string, string>; origin?: string | null } = {},
  ): Promise<Answer<T>> {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const headers: Record<string, string> = { host: `${host}:${this.port}`, ...opts.headers };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined = opts.body;
    if (opts.json !== undefined) {
      payload = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    }
    if (method !== 'GET' && opts.origin !== null) headers.origin ??= opts.origin ?? `http://${host}:${this.port}`;
    // Framed like a browser frames it (Node sends an unframed body on GET/DELETE otherwise).
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    const res = await new Promise<{ status: number; headers: Answer['headers']; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, localAddress: this.localAddress, method, path, headers }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, text: Buffer.concat(chunks).toString('utf8') }));
        r.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
    for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair, ...attrs] = line.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq).trim();
      const value = (pair ?? '').slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(host, cookies);
    let body: any;
    try {
      body = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      body = undefined;
    }
    // Every answer is held to its route's schema (see contract.ts).
    const contentType = res.headers['content-type'];
    checkAnswer(method, path, res.status, typeof contentType === 'string' ? contentType : undefined, body);
    return { status: res.status, headers: res.headers, body, text: res.text };
  }

  get = <T = any>(host: string, path: string) => this.call<T>(host, 'GET', path);
  post = <T = any>(host: string, path: string, json?: unknown) => this.call<T>(host, 'POST', path, { json: json ?? {} });
}

export const DASHBOARD = 'localhost';

/**
 * Signs a studio up and its owner in on `browser`: sign-up itself opens no session (it answers
 * alike whether or not the email has an account). The sign-in's answer, or sign-up's refusal.
 */
export async function signUpAndSignIn(
  browser: Browser,
  body: { studioName: string; slug: string; name: string; email: string; password: string },
): Promise<Answer> {
  const signedUp = await browser.post(DASHBOARD, '/api/studio/signup', body);
  if (signedUp.status !== 202) return signedUp;
  return browser.post(DASHBOARD, '/api/studio/session', { email: body.email, password: body.password });
}
export const portal = (slug: string) => `${slug}.localhost`;

/** Mail the local SES caught, newest first. */
export async function mailbox(port = inject('porticoPort')): Promise<Array<{ to: string[]; subject: string; text: string; html: string }>> {
  const answer = await new Browser(port).get(DASHBOARD, '/_dev/mail.json');
  return answer.body;
}

export function magicTokenIn(text: string): string {
  const m = /\/auth#token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error(`No magic link in mail:\n${text}`);
  return m[1] as string;
}
