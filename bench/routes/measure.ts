// The three measurements of a route: single calls (one at a time, DynamoDB requests and capacity
// recorded), a concurrent load through the local server, and the floor: the same DynamoDB calls
// sent directly with the SDK under the same concurrency.
import { request } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { percentile } from '../lib.ts';
import { type DynamoMeter, type RecordedCommand, replay, totals, waves } from './dynamo-meter.ts';
import type { HttpCall, LoadJob, LoadOutcome } from './load-worker.ts';

export interface SingleCall {
  status: number;
  bytes: number;
  ms: number;
  commands: RecordedCommand[];
  body: string;
}

export function send(port: number, call: HttpCall): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: call.method, path: call.path, headers: call.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

/** One call with its DynamoDB traffic recorded; throws unless it answers `expectStatus`. */
export async function singleCall(
  meter: DynamoMeter,
  port: number,
  call: HttpCall,
  expectStatus: number,
  label: string,
): Promise<SingleCall> {
  const started = performance.now();
  const { result, commands } = await meter.record(() => send(port, call));
  const ms = performance.now() - started;
  if (result.status !== expectStatus)
    throw new Error(`${label}: ${call.method} ${call.path} answered ${result.status}, not ${expectStatus}: ${result.body.slice(0, 300)}`);
  return { status: result.status, bytes: Buffer.byteLength(result.body), ms, commands, body: result.body };
}

export interface Latency {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  perSecond: number;
}

const summarize = (latencies: number[], seconds: number): Latency => ({
  count: latencies.length,
  seconds,
  p50: percentile(latencies, 0.5),
  p99: percentile(latencies, 0.99),
  perSecond: latencies.length / seconds,
});

/** Load through the local server from a worker thread (autocannon); statuses other than `expectStatus` are counted. */
export async function loadRoute(job: LoadJob, expectStatus: number): Promise<Latency & { unexpected: Record<string, number> }> {
  const outcome = await new Promise<LoadOutcome>((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', (m: LoadOutcome) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
  if (outcome.errors > 0 || outcome.timeouts > 0)
    throw new Error(`load run had ${outcome.errors} connection errors and ${outcome.timeouts} timeouts`);
  const unexpected = Object.fromEntries(Object.entries(outcome.statuses).filter(([status]) => Number(status) !== expectStatus));
  return { ...summarize(outcome.latenciesMs, outcome.seconds), unexpected };
}

/**
 * The floor: the recorded calls replayed directly with the SDK (same commands, same waves of
 * parallel requests) by `connections` concurrent callers, `amount` calls in all.
 */
export async function floor(
  client: DynamoDBClient,
  recorded: readonly RecordedCommand[][],
  opts: { connections: number; amount: number },
): Promise<Latency | null> {
  const calls = recorded.filter((c) => c.length > 0).map((c) => waves(c));
  if (calls.length === 0) return null;
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(opts.connections, opts.amount) }, async () => {
      while (next < opts.amount) {
        const call = calls[next++ % calls.length] as RecordedCommand[][];
        const t = performance.now();
        await replay(client, call);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarize(latencies, (performance.now() - started) / 1000);
}

export interface CallFigures {
  /** Mean DynamoDB requests, read and write capacity units per call. */
  requests: number;
  rcu: number;
  wcu: number;
  /** Requests whose response carried no ConsumedCapacity. */
  unmetered: number;
  bytes: number;
  /** Median of the single (sequential, warm) calls: what the Lambda would be billed for, roughly. */
  idleMs: number;
  operations: string;
}

export function figuresOf(calls: readonly SingleCall[]): CallFigures {
  const n = calls.length;
  const sums = calls.map((c) => totals(c.commands));
  const mean = (f: (t: ReturnType<typeof totals>) => number) => sums.reduce((a, t) => a + f(t), 0) / n;
  // What one call sends, e.g. "Get×3 Query TransactWrite".
  const ops = new Map<string, number>();
  for (const c of calls[calls.length - 1]?.commands ?? []) {
    const op = c.name.replace(/(Item)?Command$/, '');
    ops.set(op, (ops.get(op) ?? 0) + 1);
  }
  return {
    requests: mean((t) => t.requests),
    rcu: mean((t) => t.read),
    wcu: mean((t) => t.write),
    unmetered: mean((t) => t.unmetered),
    bytes: calls.reduce((a, c) => a + c.bytes, 0) / n,
    idleMs: percentile(
      calls.map((c) => c.ms),
      0.5,
    ),
    operations: [...ops].map(([op, k]) => (k > 1 ? `${op}×${k}` : op)).join(' '),
  };
}
