// The local stand-in for the WebSocket API and its management API. In AWS, CloudFront's /ws
// behaviour runs the api viewer function and hands the handshake to API Gateway, which calls the
// $connect Lambda and, on a 2xx, opens the socket; a page's messages go to $default, a close to
// $disconnect; Lambdas send with PostToConnection on the stage's @connections endpoint. Here:
// the same edge function on the upgrade request, the same handlers (shared/sockets.ts) on the same
// event shapes, and a small HTTP server speaking the @connections paths the SDK calls, answering
// 410 GoneException for a connection it does not hold, as AWS does.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { LIVE_PATH } from '../shared/features/live/constants.ts';
import type { SocketEvent, SocketResult } from '../shared/http/socket.ts';
import { ORIGIN_SECRET_HEADER } from '../shared/origin-header.ts';
import { type SocketRouteDef, socketRouteList } from '../shared/sockets.ts';
import { loadEdgeFunctions, toEdgeRequest } from './edge-functions.ts';
import { LOOPBACK } from './services/ports.ts';

type SocketHandler = (event: SocketEvent) => Promise<SocketResult>;

/** API Gateway's limit on one message (frames of 32 KB, 128 KB in all). */
const MAX_MESSAGE_BYTES = 128 * 1024;
/** The stage name the management endpoint carries, like https://<api>/<stage>. */
const STAGE = 'local';

export interface LocalSocketsOptions {
  dashboardHost: string;
  /** As for the local server: the value CloudFront adds as ORIGIN_SECRET_HEADER (default LOCAL_ORIGIN_SECRET). */
  originSecret?: string;
}

export interface LocalSockets {
  /** SOCKETS_ENDPOINT: the management API stand-in (http://127.0.0.1:<port>/local). */
  endpoint: string;
  /** Serves LIVE_PATH upgrades of the local front door. */
  attach(server: Server): void;
  /** Open sockets right now (for tests and the bench). */
  open(): number;
  stop(): Promise<void>;
}

const handlers = new Map<string, Promise<SocketHandler>>();
function handlerOf(def: SocketRouteDef): Promise<SocketHandler> {
  let handler = handlers.get(def.id);
  if (!handler) {
    handler = import(new URL(`../functions/${def.feature}/${def.id}.ts`, import.meta.url).href).then((m) => m.handler as SocketHandler);
    handlers.set(def.id, handler);
  }
  return handler;
}
const route = (key: SocketRouteDef['routeKey']) => {
  const def = socketRouteList.find((r) => r.routeKey === key);
  if (!def) throw new Error(`No socket route ${key}`);
  return def;
};
const EVENT_TYPE = { $connect: 'CONNECT', $disconnect: 'DISCONNECT', $default: 'MESSAGE' } as const;

/** API Gateway's connection ids: 16 characters of base64 ending in '='. */
const newConnectionId = () => `${randomBytes(11).toString('base64').slice(0, 15)}=`;

function refuse(socket: Duplex, status: number, body = ''): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startLocalSockets(opts: LocalSocketsOptions): Promise<LocalSockets> {
  const edge = loadEdgeFunctions(opts.dashboardHost);
  const originSecret = opts.originSecret ?? (process.env.LOCAL_ORIGIN_SECRET || undefined);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Map<string, WebSocket>();
  /** Connections between $connect's answer and the open socket: what is posted meanwhile waits. */
  const pending = new Map<string, string[]>();
  let domainName = '';
  let stopping = false;

  const run = async (key: SocketRouteDef['routeKey'], connectionId: string, extra: Partial<SocketEvent> = {}) => {
    const handler = await handlerOf(route(key));
    return handler({
      requestContext: { routeKey: key, eventType: EVENT_TYPE[key], connectionId, domainName, stage: STAGE },
      isBase64Encoded: false,
      ...extra,
    });
  };

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      return refuse(socket, 400);
    }
    if (url.pathname !== LIVE_PATH) return refuse(socket, 404);
    // CloudFront's viewer function, then its origin header, as for /api.
    const forwarded = edge.api({
      request: toEdgeRequest('GET', url, req.headers),
      viewer: { ip: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '') },
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(forwarded.headers)) headers[k.toLowerCase()] = v.value;
    if (originSecret) headers[ORIGIN_SECRET_HEADER] = originSecret;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;

    const connectionId = newConnectionId();
    pending.set(connectionId, []);
    let result: SocketResult;
    try {
      result = await run('$connect', connectionId, {
        headers,
        queryStringParameters: Object.keys(query).length ? query : undefined,
      });
    } catch (e) {
      pending.delete(connectionId);
      console.error(e);
      return refuse(socket, 500);
    }
    if (result.statusCode < 200 || result.statusCode > 299) {
      pending.delete(connectionId);
      return refuse(socket, result.statusCode, result.body);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const waiting = pending.get(connectionId) ?? [];
      pending.delete(connectionId);
      sockets.set(connectionId, ws);
      for (const data of waiting) ws.send(data);
      // One message at a time per connection, as each arrives.
      let queue = Promise.resolve();
      ws.on('message', (data, isBinary) => {
        const body = isBinary ? Buffer.from(data as Buffer).toString('base64') : data.toString();
        queue = queue.then(() => run('$default', connectionId, { body, isBase64Encoded: isBinary }).then(() => undefined, console.error));
      });
      ws.on('close', () => {
        sockets.delete(connectionId);
        if (stopping) return;
        queue = queue.then(() => run('$disconnect', connectionId).then(() => undefined, console.error));
      });
      ws.on('error', () => ws.terminate());
    });
  }

  // The management API: POST / GET / DELETE <stage>/@connections/<id>.
  const management = createServer((req, res) => {
    const match = /\/@connections\/([^/?]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const gone = () => {
      res.writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' });
      res.end(JSON.stringify({ message: null }));
    };
    if (!match?.[1]) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ message: 'Not Found' }));
    }
    const connectionId = decodeURIComponent(match[1]);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ws = sockets.get(connectionId);
      const waiting = pending.get(connectionId);
      const open = ws?.readyState === WebSocket.OPEN;
      if (req.method === 'POST') {
        const data = Buffer.concat(chunks).toString('utf8');
        if (waiting) waiting.push(data);
        else if (open) ws.send(data);
        else return gone();
        res.writeHead(200);
        return void res.end();
      }
      if (!open) return gone();
      if (req.method === 'DELETE') {
        ws.close(1000, 'closed by the server');
        res.writeHead(204);
        return void res.end();
      }
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const at = new Date().toISOString();
        return void res.end(JSON.stringify({ connectedAt: at, lastActiveAt: at, identity: { sourceIp: LOOPBACK } }));
      }
      res.writeHead(405);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    management.once('error', reject);
    management.listen(0, LOOPBACK, () => resolve());
  });
  const address = management.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    endpoint: `http://${LOOPBACK}:${port}/${STAGE}`,
    attach(server) {
      const listening = server.address();
      domainName = `${LOOPBACK}:${typeof listening === 'object' && listening ? listening.port : 0}`;
      server.on('upgrade', (req, socket, head) => {
        socket.on('error', () => socket.destroy());
        upgrade(req, socket, head).catch((e) => {
          console.error(e);
          refuse(socket, 500);
        });
      });
    },
    open: () => sockets.size,
    async stop() {
      stopping = true;
      for (const ws of sockets.values()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      management.closeAllConnections();
      await new Promise<void>((resolve) => management.close(() => resolve()));
    },
  };
}
