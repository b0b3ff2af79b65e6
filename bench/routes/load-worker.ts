// The load generator, in its own thread so it never shares an event loop with the server it
// measures: autocannon over keep-alive connections, every response timed to the microsecond.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

export interface HttpCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  port: number;
  connections: number;
  /** Send this many requests, cycling through `calls` (shared by all connections). */
  amount: number;
  calls: HttpCall[];
}

export interface LoadOutcome {
  latenciesMs: number[];
  statuses: Record<string, number>;
  seconds: number;
  errors: number;
  timeouts: number;
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
  on(event: 'done', listener: (result: { duration: number; errors: number; timeouts: number }) => void): void;
  on(event: 'error', listener: (e: Error) => void): void;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const job = workerData as LoadJob;

let next = 0;
const latenciesMs: number[] = [];
const statuses: Record<string, number> = {};

const instance = autocannon({
  url: `http://127.0.0.1:${job.port}`,
  connections: Math.min(job.connections, job.amount),
  // A count, not a duration: a slow route still gets every answer it was asked for.
  amount: job.amount,
  timeout: 30,
  requests: [
    {
      setupRequest: (req: AutocannonRequest): AutocannonRequest => {
        const call = job.calls[next++ % job.calls.length] as HttpCall;
        return { ...req, method: call.method, path: call.path, headers: call.headers, body: call.body };
      },
    },
  ],
});
instance.on('response', (_client, status, _bytes, responseTime) => {
  latenciesMs.push(responseTime);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
instance.on('error', (e) => {
  throw e;
});
instance.on('done', (result) => {
  const outcome: LoadOutcome = { latenciesMs, statuses, seconds: result.duration, errors: result.errors, timeouts: result.timeouts };
  parentPort?.postMessage(outcome);
});
