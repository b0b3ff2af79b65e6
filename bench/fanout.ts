// Live fan-out benchmark (issue 12): a throwaway local stack, N = 1, 10, 50 open sockets of the demo
// studio's owner on the dashboard, and publish() from this process, which goes the real local way:
// a DynamoDB query for the person's connections, then PostToConnection through the SDK to the
// management API stand-in, then the `ws` frame to each socket. Send → received is timed per socket
// (p50/p99 over every socket of every round). The AWS cost per 10,000 messages is computed from the
// counted requests (bench/routes/cost.ts, liveCostPer10k).
//   npm run bench -- fanout
import { DEMO } from '../local/seed.ts';
import { freePort } from '../local/services/ports.ts';
import { startPorticoStack } from '../local/stack.ts';
import { publish } from '../shared/features/live/index.ts';
import { userPerson } from '../shared/features/people/constants.ts';
import { findStudioBySlugForTest } from '../test/support/fixtures.ts';
import { mustOpen, type OpenSocket } from '../test/support/sockets.ts';
import { type BenchResult, percentile, printColumns } from './lib.ts';
import { LIVE_MESSAGE, liveCostPer10k } from './routes/cost.ts';

const usd = (v: number) => Math.round(v * 10_000) / 10_000;

const SIZES = [1, 10, 50];
const ROUNDS = 40;

export async function run(): Promise<BenchResult[]> {
  const port = await freePort();
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
    const mine = await fetch(`http://localhost:${port}/api/studio/me`, { headers: { cookie: `portico_session=${session}` } });
    const { user } = (await mine.json()) as { user: { userId: string } };
    const { studioId } = await findStudioBySlugForTest(DEMO.studio.slug);
    const person = userPerson(user.userId);

    const results: BenchResult[] = [];
    const rows: (string | number)[][] = [];
    for (const n of SIZES) {
      while (sockets.length < n) sockets.push(await mustOpen({ port, host: 'localhost', session }));
      const latencies: number[] = [];
      const publishMs: number[] = [];
      for (let round = 0; round < ROUNDS + 3; round++) {
        const topic = `bench:${n}:${round}`;
        const started = performance.now();
        const arrivals = sockets.map((s) => s.next((m) => m.topic === topic, 10_000).then(() => performance.now() - started));
        const delivery = await publish(studioId, [person], { type: 'changed', topic });
        publishMs.push(performance.now() - started);
        if (delivery.sent !== n) throw new Error(`sent to ${delivery.sent} of ${n} sockets (${delivery.gone} gone)`);
        const times = await Promise.all(arrivals);
        if (round >= 3) latencies.push(...times); // the first rounds warm the SDK and the handlers
        for (const s of sockets) s.messages.length = 0;
      }
      const p50 = percentile(latencies, 0.5);
      const p99 = percentile(latencies, 0.99);
      rows.push([n, ROUNDS, p50, p99, percentile(publishMs.slice(3), 0.5)]);
      results.push(
        { name: `fan-out to ${n} socket${n === 1 ? '' : 's'}: p50`, value: p50, unit: 'ms', note: 'publish() → frame received, local' },
        { name: `fan-out to ${n} socket${n === 1 ? '' : 's'}: p99`, value: p99, unit: 'ms', note: `${latencies.length} deliveries` },
      );
    }
    printColumns('Live fan-out, send → received (local stack, ms)', ['sockets', 'rounds', 'p50', 'p99', 'publish p50'], rows);

    // The sender's Lambda waits for publish(): its measured time at 10 sockets is what live adds per message.
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
