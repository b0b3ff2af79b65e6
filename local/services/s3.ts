// S3 as s3rver, in-process. Objects live on disk, so a stop/start (fault injection) keeps them.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import S3rver from 's3rver';
import { BUCKET_NAME, LOCAL_CREDENTIALS, REGION, S3RVER_NODE_FLAGS } from './constants.ts';
import { LOOPBACK } from './ports.ts';
import { createS3Front } from './s3-front.ts';

// Browsers upload straight to presigned PUT URLs from http://localhost:3000 and
// http://<slug>.localhost:3000, and read ETag after a PUT; "*" keeps every local origin working.
const CORS_XML = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

// s3rver rejects any access key it does not know (InvalidAccessKeyId) but never checks SigV4
// signatures; registering ours lets handlers keep the same dummy credentials as everywhere else.
// require(), so we get the very module instance s3rver itself uses (its registry is module state).
const AWSAccount = createRequire(import.meta.url)('s3rver/lib/models/account.js') as typeof import('s3rver/lib/models/account.js');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);

/** An object was stored, as S3 would notify it (see local/object-events.ts). */
export interface ObjectCreatedNotice {
  eventName: 'ObjectCreated:Put' | 'ObjectCreated:Post' | 'ObjectCreated:Copy' | 'ObjectCreated:CompleteMultipartUpload';
  bucket: string;
  /** As stored, not URL-encoded. */
  key: string;
  size: number;
  eTag: string | undefined;
  sequencer: string;
}

// s3rver emits its 'event' synchronously inside the request, so the request is still in context:
// it tells a multipart completion (s3rver says "Post") from a form POST.
const currentRequest = new AsyncLocalStorage<S3rver.S3rverContext>();

function noticeOf(event: S3rver.S3rverEvent): ObjectCreatedNotice | undefined {
  const record = event.Records[0];
  if (!record?.eventName.startsWith('ObjectCreated:')) return undefined;
  const request = currentRequest.getStore();
  const completed = request?.method === 'POST' && request.query.uploadId !== undefined;
  const { object } = record.s3;
  return {
    eventName: completed ? 'ObjectCreated:CompleteMultipartUpload' : (record.eventName as ObjectCreatedNotice['eventName']),
    bucket: record.s3.bucket.name,
    key: object.key,
    size: Number(object.size ?? 0),
    eTag: object.eTag,
    sequencer: object.sequencer,
  };
}

export interface S3Service {
  readonly endpoint: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3(opts: {
  port?: number;
  directory: string;
  verbose: boolean;
  /** Called for every object stored (PUT, POST, copy, multipart completion), before the response goes out. */
  onObjectCreated?: (notice: ObjectCreatedNotice) => void;
}): Promise<S3Service> {
  assertLegacyCipher();
  // Clients reach the front (which checks signatures and checksums, see s3-front.ts) on `port`;
  // s3rver listens on a port of its own behind it.
  let port = opts.port ?? 0;
  let innerPort = 0;
  let server: S3rver | undefined;
  let front: { server: Server; close(): Promise<void> } | undefined;

  async function start(): Promise<void> {
    if (server) return;
    await mkdir(opts.directory, { recursive: true });
    // A fresh instance each time: close() shuts the instance's logger down for good.
    const instance = new S3rver({
      address: LOOPBACK,
      port: innerPort,
      directory: opts.directory,
      silent: !opts.verbose,
      // Path-style only; "localhost" and IPs are never mistaken for a bucket host name.
      vhostBuckets: false,
      configureBuckets: [{ name: BUCKET_NAME, configs: [CORS_XML] }],
    });
    const { onObjectCreated } = opts;
    if (onObjectCreated) {
      instance.middleware.unshift((ctx, next) => currentRequest.run(ctx, next));
      instance.on('event', (event) => {
        const notice = noticeOf(event);
        if (notice) onObjectCreated(notice);
      });
    }
    const address = await instance.run();
    innerPort = address.port;
    server = instance;
    const started = createS3Front({ upstream: { host: LOOPBACK, port: innerPort }, credentials: LOCAL_CREDENTIALS, region: REGION });
    try {
      await new Promise<void>((resolve, reject) => {
        started.server.once('error', reject);
        started.server.listen(port, LOOPBACK, () => resolve());
      });
    } catch (e) {
      await stop();
      throw e;
    }
    const listening = started.server.address();
    // Keep the first port for later restarts: presigned URLs and clients already point at it.
    if (typeof listening === 'object' && listening) port = listening.port;
    front = started;
  }

  async function stop(): Promise<void> {
    const running = server;
    const runningFront = front;
    server = undefined;
    front = undefined;
    if (runningFront) {
      const closed = new Promise<void>((resolve) => runningFront.server.close(() => resolve()));
      runningFront.server.closeAllConnections();
      await closed;
      await runningFront.close();
    }
    if (!running) return;
    const closed = running.close();
    // Drop keep-alive and in-flight connections too, like a crashed service would.
    running.httpServer?.closeAllConnections();
    await closed;
  }

  await start();
  // The browser talks to this host too: "localhost" works from pages on localhost:3000 and
  // <slug>.localhost:3000 alike, and s3rver treats it as path-style.
  return {
    get endpoint() {
      return `http://localhost:${port}`;
    },
    start,
    stop,
  };
}

/** Fails at start, with the fix, rather than on the first listing of more than 1,000 objects. */
function assertLegacyCipher(): void {
  try {
    createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
  } catch {
    throw new Error(`s3rver needs DES for its continuation tokens: run node with ${S3RVER_NODE_FLAGS.join(' ')}`);
  }
}
