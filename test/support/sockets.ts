// A page's live socket as tests open it: the `ws` package as the browser, to the local front door's
// /ws, with the Host a browser would send and the session cookie of that host.
import { WebSocket } from 'ws';
import { LIVE_PATH } from '../../shared/features/live/constants.ts';

export interface OpenSocket {
  ws: WebSocket;
  /** Every message received so far, parsed. */
  messages: Array<Record<string, unknown>>;
  /** Resolves with the next message that `match` accepts (or rejects after `ms`). */
  next(match?: (m: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number }>;
  close(): Promise<void>;
}

export type Handshake = { opened: OpenSocket; status?: undefined } | { opened?: undefined; status: number; body: string };

export interface SocketRequest {
  port: number;
  /** 'localhost' or '<slug>.localhost'. */
  host: string;
  /** The portico_session cookie, if any. */
  session?: string;
  headers?: Record<string, string>;
  /** Appended to LIVE_PATH as is (e.g. '?a=b'). */
  search?: string;
}

/** Opens a socket, or tells the status that refused the handshake. */
export function openSocket(r: SocketRequest): Promise<Handshake> {
  const headers: Record<string, string> = { host: `${r.host}:${r.port}`, ...r.headers };
  if (r.session !== undefined) headers.cookie = `portico_session=${r.session}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${r.port}${LIVE_PATH}${r.search ?? ''}`, { headers, maxPayload: 1024 * 1024 });
    const messages: Array<Record<string, unknown>> = [];
    const waiters: Array<{ match: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }> = [];
    const closed = new Promise<{ code: number }>((done) => ws.once('close', (code) => done({ code })));
    ws.on('message', (data) => {
      let m: Record<string, unknown>;
      try {
        m = JSON.parse(data.toString());
      } catch {
        m = { raw: data.toString() };
      }
      messages.push(m);
      for (const w of [...waiters]) {
        if (w.match(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (e) => {
      if (ws.readyState !== WebSocket.OPEN) reject(e);
    });
    ws.once('open', () =>
      resolve({
        opened: {
          ws,
          messages,
          closed,
          next(match = () => true, ms = 5_000) {
            const seen = messages.find(match);
            if (seen) return Promise.resolve(seen);
            return new Promise((ok, fail) => {
              const timer = setTimeout(() => fail(new Error(`no matching message in ${ms} ms`)), ms);
              waiters.push({
                match,
                resolve: (m) => {
                  clearTimeout(timer);
                  ok(m);
                },
              });
            });
          },
          async close() {
            if (ws.readyState === WebSocket.CLOSED) return;
            ws.close();
            await closed;
          },
        },
      }),
    );
  });
}

/** Opens a socket that must open. */
export async function mustOpen(r: SocketRequest): Promise<OpenSocket> {
  const h = await openSocket(r);
  if (!h.opened) throw new Error(`socket on ${r.host} refused: ${h.status} ${h.body}`);
  return h.opened;
}

/** The handshake's status: 101 when it opened (the socket is closed again at once). */
export async function handshakeStatus(r: SocketRequest): Promise<number> {
  const h = await openSocket(r);
  if (h.opened) {
    await h.opened.close();
    return 101;
  }
  return h.status;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
