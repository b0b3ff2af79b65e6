// The local front door: what CloudFront + API Gateway + the site bucket are in AWS, in one Node
// HTTP server. Same edge functions, same route table, same handlers, same security headers.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from '../shared/security-headers.ts';
import { type Authorizer, invoke } from './api-gateway.ts';
import { renderMailbox } from './dev-mail.ts';
import { loadEdgeFunctions, toEdgeRequest } from './edge-functions.ts';
import type { CaughtMail } from './services/index.ts';

export interface LocalServerOptions {
  port: number;
  /** The dashboard's host name; portals are <slug>.<dashboardHost>. */
  dashboardHost: string;
  storageOrigin: string;
  authorizers: Record<'studio' | 'client', Authorizer>;
  mailbox: { list(): Promise<CaughtMail[]> };
  siteDir?: string;
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

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startLocalServer(opts: LocalServerOptions): Promise<Server> {
  const siteDir = opts.siteDir ?? fileURLToPath(new URL('../site/dist/', import.meta.url));
  const edge = loadEdgeFunctions(opts.dashboardHost);
  const headersForAll = securityHeaders({ storageOrigin: opts.storageOrigin, https: false });

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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(headersForAll)) res.setHeader(k, v);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://local');

    // Local-only developer pages. Nothing under /_dev/ exists in AWS.
    if (url.pathname === '/_dev/mail.json' || url.pathname === '/_dev/mail' || url.pathname.startsWith('/_dev/mail/')) {
      return renderMailbox(res, url.pathname, await opts.mailbox.list());
    }

    const edgeRequest = toEdgeRequest(method, url, req.headers);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const forwarded = edge.api({ request: edgeRequest });
      const body = await readBody(req);
      if (body === null) {
        res.writeHead(413, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Request Entity Too Large' }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(forwarded.headers)) headers[k.toLowerCase()] = v.value;
      const cookies = Object.entries(forwarded.cookies).map(([k, v]) => `${k}=${v.value}`);
      const out = await invoke(
        { method, url, headers, cookies, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' },
        opts.authorizers,
      );
      const responseHeaders: Record<string, string | string[]> = { ...out.headers };
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
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve(server));
  });
}
