// S3 → Lambda, locally. The local S3 reports every object it stores; this turns each report into
// the S3 event notification AWS would send (key URL-encoded, '+' for spaces) and invokes the
// handler of every entry of the object-event table (shared/events.ts) whose prefix the key starts
// with: `functions/events/<id>.ts`, imported on first use. As with Lambda's asynchronous
// invocation, the uploader's request never waits for it, and a handler that throws is retried
// twice (Lambda waits about 1 and 2 minutes; here 1 and 2 seconds) before the event is dropped
// with an error in the log.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Context, S3Event } from 'aws-lambda';
import { encodeS3EventKey } from '../shared/created-objects.ts';
import { type ObjectEventDef, objectEventList } from '../shared/events.ts';
import type { ObjectCreatedNotice } from './services/index.ts';

export type EventHandler = (event: S3Event, context: Context) => Promise<unknown>;

export interface ObjectEventDispatcherOptions {
  region: string;
  /** The table to route by; shared/events.ts unless a test substitutes its own. */
  table?: readonly ObjectEventDef[];
  /** Waits before each retry (default 1 s, 2 s: two retries, like Lambda). */
  retryDelaysMs?: readonly number[];
  /** Invocations running at once: the handlers share this process's cores and memory. */
  concurrency?: number;
  /** How a handler is found (default: the `handler` export of functions/events/<id>.ts; undefined when there is none). */
  loadHandler?: (def: ObjectEventDef) => Promise<EventHandler | undefined>;
  /** Where failures go (default console.error). */
  log?: (message: string, error?: unknown) => void;
}

export interface ObjectEventDispatcher {
  dispatch(notice: ObjectCreatedNotice): void;
  /** Resolves when nothing is running, queued or waiting to retry. */
  idle(): Promise<void>;
  /** Drops queued work and pending retries, and waits for running invocations. */
  stop(): Promise<void>;
}

export function createObjectEventDispatcher(opts: ObjectEventDispatcherOptions): ObjectEventDispatcher {
  const table = opts.table ?? objectEventList;
  const retryDelays = opts.retryDelaysMs ?? [1_000, 2_000];
  const limit = Math.max(1, opts.concurrency ?? Math.min(4, availableParallelism()));
  const log = opts.log ?? ((message, error) => console.error(`[object-events] ${message}`, error ?? ''));

  const handlers = new Map<string, Promise<EventHandler | undefined>>();
  const queue: (() => Promise<void>)[] = [];
  const retryTimers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let idleWaiters: (() => void)[] = [];
  let stopped = false;

  const load = opts.loadHandler ?? importHandler;
  const handlerOf = (def: ObjectEventDef): Promise<EventHandler | undefined> => {
    let loaded = handlers.get(def.id);
    if (!loaded) {
      loaded = load(def);
      handlers.set(def.id, loaded);
    }
    return loaded;
  };

  const settle = () => {
    if (queue.length === 0 && running.size === 0 && retryTimers.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const pump = () => {
    while (!stopped && running.size < limit && queue.length > 0) {
      const job = queue.shift() as () => Promise<void>;
      const run = job().finally(() => {
        running.delete(run);
        pump();
        settle();
      });
      running.add(run);
    }
  };

  const invoke = (def: ObjectEventDef, event: S3Event, attempt: number) => {
    queue.push(async () => {
      const requestId = randomUUID();
      try {
        const handler = await handlerOf(def);
        if (!handler) {
          log(
            `${def.id}: no handler (functions/events/${def.id}.ts exporting handler); event for ${event.Records[0]?.s3.object.key} dropped`,
          );
          return;
        }
        await handler(event, lambdaContext(def, requestId));
      } catch (error) {
        const delay = retryDelays[attempt];
        if (delay === undefined || stopped) {
          log(`${def.id} failed ${attempt + 1} times; event dropped (request ${requestId})`, error);
          return;
        }
        log(`${def.id} failed (attempt ${attempt + 1}); retrying in ${delay} ms`, error);
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          invoke(def, event, attempt + 1);
        }, delay);
        retryTimers.add(timer);
      }
    });
    // Next tick at the earliest: the S3 request that stored the object completes first.
    setImmediate(pump);
  };

  return {
    dispatch(notice) {
      if (stopped) return;
      for (const def of table) {
        if (notice.key.startsWith(def.prefix)) invoke(def, s3Event(notice, opts.region), 0);
      }
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        setImmediate(settle);
      });
    },
    async stop() {
      stopped = true;
      queue.length = 0;
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      await Promise.allSettled(running);
      settle();
    },
  };
}

/** functions/events/<id>.ts's `handler`, imported once, as Lambda loads a function's code. */
async function importHandler(def: ObjectEventDef): Promise<EventHandler | undefined> {
  const file = new URL(`../functions/${def.feature}/${def.id}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(file))) return undefined;
  const module = (await import(file.href)) as { handler?: EventHandler };
  return module.handler;
}

/** The notification S3 sends to Lambda for one stored object. */
export function s3Event(notice: ObjectCreatedNotice, region: string): S3Event {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: new Date().toISOString(),
        eventName: notice.eventName,
        userIdentity: { principalId: 'AWS:LOCAL' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': hex(8), 'x-amz-id-2': hex(32) },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'portico-local',
          bucket: { name: notice.bucket, ownerIdentity: { principalId: 'LOCAL' }, arn: `arn:aws:s3:::${notice.bucket}` },
          object: { key: encodeS3EventKey(notice.key), size: notice.size, eTag: notice.eTag ?? '', sequencer: notice.sequencer },
        },
      },
    ],
  };
}

function lambdaContext(def: ObjectEventDef, awsRequestId: string): Context {
  const functionName = `portico-local-${def.id}`;
  const deadline = Date.now() + def.timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: String(def.memorySize),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
