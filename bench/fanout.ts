// Live fan-out benchmark (issue 12): a throwaway local stack, N = 1, 10, 50 open sockets of the demo
// studio's owner on the dashboard (N tabs with the thread open), and a message sent through the real
// route (POST …/threads/client-<id>/messages: stored, numbered, then published the real local way: one
// DynamoDB query for the studio's open sockets, PostToConnection through the SDK to the management
// API stand-in, the `ws` frame to each socket). Send → received is timed per socket (p50/p99 over
// every socket of every round). The AWS cost per 10,000 messages is computed from the
// counted requests (bench/routes/cost.ts, liveCostPer10k).
//   npm run bench -- fanout
import { DEMO } from '../local/seed.ts';
import { freePort } from '../local/services/ports.ts';
import { startPorticoStack } from '../local/stack.ts';
import { mustOpen, type OpenSocket } from '../test/support/sockets.ts';
import { type BenchResult, percentile, printColumns } from './lib.ts';
import { LIVE_MESSAGE, liveCostPer10k } from './routes/cost.ts';

const usd = (v: number) => Math.round(v * 10_000) / 10_000;

const SIZES = [1, 10, 50];
const ROUNDS = 40;

export async function run(): Promise<BenchResult[]> {
  const port = await freePort();
  // The bench sends far more than a person may per minute: the limit is not what is measured.
  process.env.MESSAGES_PER_MINUTE = '1000000';
  const stack = await startPorticoStack({ port, seed: true });
  const sockets: OpenSocket[] = [];
  try {
    const signedIn = await fetch(`http://localhost:${port}/api/studio/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: JSON.stringify({ email: DEMO.owner.email, password: DEMO.owner.password }),
    });
    const session = /portico_session=([^;]+)/.exec(signedIn.headers.getSetCookie().join('\n'))?.[1];
    if (!signedIn.ok || !session) throw new Error(`sign-in failed: ${signedIn.status}`);
    const headers = { 'content-type': 'application/json', origin: `http://localhost:${port}`, cookie: `portico_session=${session}` };
    const clients = await fetch(`http://localhost:${port}/api/studio/clients`, { headers });
    const first = ((await clients.json()) as { clients: { clientId: string; email: string }[] }).clients.find(
      (c) => c.email === DEMO.clients[0]?.email,
    );
    if (!first) throw new Error('the demo client is missing');
    const threadId = `client-${first.clientId}`;
    const send = async (text: string): Promise<number> => {
      const res = await fetch(`http://localhost:${port}/api/studio/threads/${threadId}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ text }),
      });
      if (res.status !== 201) throw new Error(`send answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { message: { seq: number } }).message.seq;
    };

    let lastSeq = 0;
    const results: BenchResult[] = [];
    const rows: (string | number)[][] = [];
    for (const n of SIZES) {
      while (sockets.length < n) sockets.push(await mustOpen({ port, host: 'localhost', session }));
      const latencies: number[] = [];
      const publishMs: number[] = [];
      for (let round = 0; round < ROUNDS + 3; round++) {
        // Waiting before the send, so each frame is timed as it lands: the thread's next number.
        const after = lastSeq;
        const started = performance.now();
        const arrivals = sockets.map((s) =>
          s
            .next((m) => m.type === 'thread' && m.threadId === threadId && m.kind === 'message' && (m.seq as number) > after, 10_000)
            .then(() => performance.now() - started),
        );
        lastSeq = await send(`bench ${n}/${round}`);
        publishMs.push(performance.now() - started);
        const times = await Promise.all(arrivals);
        if (round >= 3) latencies.push(...times); // the first rounds warm the SDK and the handlers
        for (const s of sockets) s.messages.length = 0;
      }
      const p50 = percentile(latencies, 0.5);
      const p99 = percentile(latencies, 0.99);
      rows.push([n, ROUNDS, p50, p99, percentile(publishMs.slice(3), 0.5)]);
      results.push(
        { name: `fan-out to ${n} socket${n === 1 ? '' : 's'}: p50`, value: p50, unit: 'ms', note: 'POST message → frame received, local' },
        { name: `fan-out to ${n} socket${n === 1 ? '' : 's'}: p99`, value: p99, unit: 'ms', note: `${latencies.length} deliveries` },
      );
    }
    printColumns('Live fan-out, send → received (local stack, ms)', ['sockets', 'rounds', 'p50', 'p99', 'send answered p50'], rows);

    // The sender's Lambda waits for publish(): its whole answer time at 10 sockets bounds what live adds per message.
    const cost = liveCostPer10k(Number(rows.find((r) => r[0] === 10)?.[4] ?? 15));
    printColumns(
      `AWS cost per 10,000 messages (${LIVE_MESSAGE.openSocketsPerMessage} open sockets each, ${LIVE_MESSAGE.connectionMinutesPerMessage} connection minutes each)`,
      ['service', 'quantity', 'USD'],
      [...cost.lines.map((l) => [l.service, l.quantity, usd(l.usd)]), ['total', '', usd(cost.total)]],
    );
    results.push({
      name: 'AWS cost per 10,000 live messages',
      value: usd(cost.total),
      unit: 'USD',
      note: 'WebSocket messages + connection minutes + Lambda + DynamoDB; assumptions in bench/routes/cost.ts LIVE_MESSAGE',
    });
    return results;
  } finally {
    await Promise.all(sockets.map((s) => s.close()));
    await stack.stop();
  }
}
