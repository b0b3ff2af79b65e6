// The local front door: what CloudFront + API Gateway + the site bucket are in AWS, in one Node
// HTTP server. Same edge functions, same route table, same handlers, same security headers.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGIN_SECRET_HEADER } from '../shared/origin-header.ts';
import { securityHeaders } from '../shared/security-headers.ts';
import { type Authorizer, invoke } from './api-gateway.ts';
import { handleDevDns } from './dev-dns.ts';
import { renderMailbox } from './dev-mail.ts';
import { loadEdgeFunctions, toEdgeRequest } from './edge-functions.ts';
import type { LocalDns } from './services/dns.ts';
import type { CaughtMail } from './services/index.ts';

/** The viewer's address as CloudFront gives it to a function: IPv4 without Node's IPv6 mapping. */
const viewerIp = (address: string | undefined): string => (address ?? '127.0.0.1').replace(/^::ffff:/, '');

export interface LocalServerOptions {
  port: number;
  /** The dashboard's host name; portals are <slug>.<dashboardHost>. */
  dashboardHost: string;
  storageOrigin: string;
  authorizers: Record<'studio' | 'client', Authorizer>;
  mailbox: { list(): Promise<CaughtMail[]> };
  /** The DNS stand-in custom domains are checked against (`/_dev/dns`). */
  dns?: LocalDns;
  /**
   * The Stripe stand-in's origin, allowed in the pages' frame-src (its checkout page stands in for
   * Stripe's embedded Checkout). Default: STRIPE_API_BASE from the environment; unset, none.
   */
  checkoutFrameOrigin?: string;
  siteDir?: string;
  /**
   * The value CloudFront's /api/* origin adds as ORIGIN_SECRET_HEADER (infra/stacks/edge-stack.ts).
   * Default: LOCAL_ORIGIN_SECRET from the environment; unset, no header is added (nor required).
   */
  originSecret?: string;
}

const MAX_BODY = 10 * 1024 * 1024; // API Gateway's payload limit

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The request body, or null when it is larger than API Gateway takes. An oversized body is read to
 * its end and dropped (not cut off), so the client, still sending, gets to read the 413.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A path whose percent-encoding is broken: a client's mistake, answered 400 (never a 500). */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

export function startLocalServer(opts: LocalServerOptions): Promise<Server> {
  const siteDir = opts.siteDir ?? fileURLToPath(new URL('../site/dist/', import.meta.url));
  const edge = loadEdgeFunctions(opts.dashboardHost);
  const checkoutFrameOrigin = opts.checkoutFrameOrigin ?? (process.env.STRIPE_API_BASE || undefined);
  const headersForAll = securityHeaders({ storageOrigin: opts.storageOrigin, checkoutFrameOrigin });
  const originSecret = opts.originSecret ?? (process.env.LOCAL_ORIGIN_SECRET || undefined);

  async function serveSite(res: ServerResponse, uri: string, method: string): Promise<void> {
    const path = normalize(join(siteDir, decodeURIComponent(uri)));
    if (!path.startsWith(siteDir)) return sendText(res, 403, 'Forbidden');
    let file = path;
    let status = 200;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      // CloudFront's custom error response: the area's 404 page.
      const area = uri.startsWith('/app/') ? 'app' : 'portal';
      file = join(siteDir, area, '404.html');
      status = 404;
      try {
        await stat(file);
      } catch {
        return sendText(res, 404, 'Not Found');
      }
    }
    const body = await readFile(file);
    res.writeHead(status, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': uri.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-length': body.length,
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  function sendText(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  }

  /** API Gateway's own error answers: JSON with a message. */
  function sendApiError(res: ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (isMalformedPath(url.pathname)) {
      return isApiPath(url.pathname) ? sendApiError(res, 400, 'Bad Request') : sendText(res, 400, 'Bad Request');
    }

    // Local-only developer pages. Nothing under /_dev/ exists in AWS.
    if (url.pathname === '/_dev/mail.json' || url.pathname === '/_dev/mail' || url.pathname.startsWith('/_dev/mail/')) {
      return renderMailbox(res, url.pathname, await opts.mailbox.list());
    }
    if (url.pathname === '/_dev/dns' || url.pathname === '/_dev/dns.json') return handleDevDns(req, res, opts.dns);

    const edgeRequest = toEdgeRequest(method, url, req.headers);
    if (isApiPath(url.pathname)) {
      const forwarded = edge.api({ request: edgeRequest, viewer: { ip: viewerIp(req.socket.remoteAddress) } });
      const body = await readBody(req);
      if (body === null) return sendApiError(res, 413, 'Request Entity Too Large');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(forwarded.headers)) headers[k.toLowerCase()] = v.value;
      // A custom origin header: CloudFront sets it after the viewer functions, over any value the viewer sent.
      if (originSecret) headers[ORIGIN_SECRET_HEADER] = originSecret;
      const cookies = Object.entries(forwarded.cookies).map(([k, v]) => `${k}=${v.value}`);
      const out = await invoke(
        { method, url, headers, cookies, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' },
        opts.authorizers,
      );
      // The CloudFront policy overrides whatever the origin says (override: true); so does this.
      const responseHeaders: Record<string, string | string[]> = { ...out.headers, ...headersForAll };
      if (out.cookies.length) responseHeaders['set-cookie'] = out.cookies;
      res.writeHead(out.status, responseHeaders);
      res.end(out.body);
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    const rewritten = edge.site({ request: edgeRequest });
    await serveSite(res, rewritten.uri, method);
  }

  const server = createServer((req, res) => {
    // Set before anything can answer, so every answer carries them: early refusals and the 500 below too.
    for (const [k, v] of Object.entries(headersForAll)) res.setHeader(k, v);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      return sendText(res, 400, 'Bad Request');
    }
    handle(req, res, url).catch((e) => {
      console.error(e);
      if (res.headersSent) return void res.end();
      if (isApiPath(url.pathname)) sendApiError(res, 500, 'Internal Server Error');
      else sendText(res, 500, 'Internal Server Error');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve(server));
  });
}
