// Every route of shared/routes.ts through the real local server (edge functions, JWT authorizer,
// handlers) over HTTP: DynamoDB requests and consumed capacity per call (the SDK's
// ConsumedCapacity, one call at a time), latency p50/p99 under concurrent load (autocannon), and
// beside it the floor: the same DynamoDB calls sent directly with the SDK under the same
// concurrency, so the route's figure reads as a ratio to what the emulator allows. Then what it
// would cost on AWS, from those counts (bench/routes/cost.ts).
//   npm run bench -- routes          BENCH_SECONDS=5 for longer runs per route (default 2),
//                                    BENCH_ROUTES=id,id for only some routes
import './routes/quiet-logs.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort } from '../local/services/ports.ts';
import { startPorticoStack } from '../local/stack.ts';
import { db } from '../shared/data/db.ts';
import { type RouteId, routeList } from '../shared/routes.ts';
import { type BenchResult, printColumns } from './lib.ts';
import { costOfViews, idleMonthly, money, PORTAL_VIEW, portalPageTraffic, type SiteTraffic, total, withFreeTiers } from './routes/cost.ts';
import { installDynamoMeter } from './routes/dynamo-meter.ts';
import { createFixtures, GALLERY_IMAGES } from './routes/fixtures.ts';
import { type CallFigures, figuresOf, floor, type Latency, loadRoute, type SingleCall, singleCall } from './routes/measure.ts';
import { type Plan, routePlans, toHttp } from './routes/plans.ts';

const CONNECTIONS = 10;
/** Roughly how long each load run lasts; runs are counted in requests (at least MIN_REQUESTS) so slow routes still finish theirs. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const MIN_REQUESTS = 20;
/** BENCH_ROUTES=getClientGallery,setSelection measures only those (the cost model then needs its routes). */
const ONLY = (process.env.BENCH_ROUTES ?? '').split(',').filter(Boolean);
/** Single calls recorded per route (after one warm-up call). */
const COUNTED = 3;
const MONTHLY_VIEWS = 50_000;

interface Measured {
  id: RouteId;
  label: string;
  plan: Plan;
  figures: CallFigures;
  load?: Latency & { unexpected: Record<string, number> };
  floor?: Latency | null;
}

export async function run(): Promise<BenchResult[]> {
  // The cost model counts the portal's built pages; fail before the long part if they are missing.
  const site = sitePages();
  const port = await freePort();
  const stack = await startPorticoStack({ port, seed: false });
  const floorClient = new DynamoDBClient({});
  try {
    const meter = installDynamoMeter(db());
    const begun = performance.now();
    const fixtures = await createFixtures();
    console.log(`  fixtures ready in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
    // Every handler loaded once, so no measured call pays for its module's first import.
    await Promise.all(routeList.map((r) => import(new URL(`../functions/${r.feature}/${r.id}.ts`, import.meta.url).href)));
    const plans = routePlans({ fixtures, backgroundIdle: () => stack.objectEvents.idle() });

    const measured: Measured[] = [];
    const notMeasured: string[] = [];
    for (const route of routeList.filter((r) => ONLY.length === 0 || ONLY.includes(r.id))) {
      const id = route.id as RouteId;
      const makePlan = plans[id];
      if (!makePlan) {
        notMeasured.push(`${id} (${route.method} ${route.path}): no plan in bench/routes/plans.ts`);
        continue;
      }
      const plan = await makePlan();
      // Nothing in the background (ZIP worker, image pipeline) while calls are counted.
      await stack.objectEvents.idle();
      const http = (plan.mode === 'once' ? [plan.call] : plan.calls).map((c) => toHttp(c, fixtures, port));
      const expect = route.ok.status;
      const label = `${route.method} ${route.path.replace('/api', '')}`;
      const one = (i: number) => singleCall(meter, port, http[i % http.length] as (typeof http)[number], expect, id);
      process.stdout.write(`  ${id} …`);
      const routeStarted = performance.now();

      let singles: SingleCall[];
      let load: Measured['load'];
      let floorLatency: Measured['floor'];
      if (plan.mode === 'once') {
        singles = [await one(0)];
      } else if (plan.mode === 'load') {
        await one(0);
        singles = [];
        for (let i = 1; i <= COUNTED; i++) singles.push(await one(i));
        // About SECONDS of work for a server that answers one call per idle-call time.
        const amount = Math.min(3000, Math.max(MIN_REQUESTS, Math.ceil((SECONDS * 1000) / figuresOf(singles).idleMs)));
        load = await loadRoute({ port, connections: CONNECTIONS, amount, calls: http }, expect);
        floorLatency = await floor(
          floorClient,
          singles.map((s) => s.commands),
          { connections: CONNECTIONS, amount },
        );
      } else {
        // Single-use calls: the first few one at a time (counted), the rest under load.
        singles = [];
        for (let i = 0; i < COUNTED; i++) singles.push(await one(i));
        const rest = http.slice(COUNTED);
        load = await loadRoute({ port, connections: CONNECTIONS, amount: rest.length, calls: rest }, expect);
        floorLatency = await floor(
          floorClient,
          singles.map((s) => s.commands),
          { connections: CONNECTIONS, amount: rest.length },
        );
      }
      await stack.objectEvents.idle();
      measured.push({ id, label, plan, figures: figuresOf(singles), load, floor: floorLatency });
      const took = ((performance.now() - routeStarted) / 1000).toFixed(1);
      process.stdout.write(` ${load ? `${load.count} calls, p50 ${load.p50.toFixed(1)} ms` : 'counted'} (${took} s)\n`);
    }

    return report(measured, notMeasured, [...meter.withoutCapacity], site);
  } finally {
    floorClient.destroy();
    await stack.stop();
  }
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : Number(n.toFixed(1)));
const units = (n: number) => Number(n.toFixed(2));

function report(measured: Measured[], notMeasured: string[], withoutCapacity: string[], site: SiteTraffic): BenchResult[] {
  const rows = measured.map((m) => {
    const ratio = m.load && m.floor ? m.load.p50 / m.floor.p50 : undefined;
    const unexpected = m.load ? Object.entries(m.load.unexpected).map(([s, n]) => `${n}× ${s}`) : [];
    return [
      m.id,
      m.plan.mode,
      ms(m.load?.p50),
      ms(m.load?.p99),
      m.load ? m.load.count : '–',
      m.load ? Math.round(m.load.perSecond) : '–',
      units(m.figures.requests),
      units(m.figures.rcu),
      units(m.figures.wcu),
      ms(m.floor?.p50),
      ms(m.floor?.p99),
      ratio === undefined ? '–' : `×${ratio.toFixed(1)}`,
      ms(m.figures.idleMs),
      Number((m.figures.bytes / 1024).toFixed(1)),
      [m.figures.operations, m.plan.note, unexpected.length ? `UNEXPECTED ${unexpected.join(', ')}` : ''].filter(Boolean).join(' · '),
    ] as (string | number)[];
  });
  printColumns(
    `Routes through the local server, ${CONNECTIONS} connections (floor: the same DynamoDB calls sent with the SDK, same concurrency and count)`,
    [
      'route',
      'mode',
      'p50 ms',
      'p99 ms',
      'calls',
      'req/s',
      'DDB req',
      'RCU',
      'WCU',
      'floor p50',
      'floor p99',
      'ratio',
      'idle ms',
      'KiB',
      'DynamoDB calls · note',
    ],
    rows,
  );
  console.log(
    '\nDDB req, RCU, WCU: per call, mean of single calls; capacity as DynamoDB Local reports it in ConsumedCapacity, ' +
      'transactions doubled as AWS bills them' +
      (withoutCapacity.length ? ` (not reported for ${withoutCapacity.join(', ')}: those count 0)` : ' (reported for every operation)') +
      '.\nidle ms: one call at a time (what a Lambda would run for, roughly). ratio: route p50 / floor p50. once: counted only.' +
      '\ncalls: answers in the load run (p99 of fewer than 100 is their maximum).',
  );
  for (const line of notMeasured) console.log(`not load-tested: ${line}`);
  for (const m of measured.filter((x) => x.plan.mode === 'once')) console.log(`not load-tested: ${m.id}, ${m.plan.note} (measured once)`);

  const results: BenchResult[] = measured.map((m) => {
    const f = m.figures;
    const counts = `${units(f.requests)} DynamoDB req, ${units(f.rcu)} RCU / ${units(f.wcu)} WCU per call`;
    if (!m.load)
      return {
        name: `${m.id}: DynamoDB requests per call`,
        value: units(f.requests),
        unit: 'requests',
        note: `${counts}; once: ${m.plan.note}`,
      };
    const floorNote = m.floor ? `floor p50 ${m.floor.p50.toFixed(1)} ms (×${(m.load.p50 / m.floor.p50).toFixed(1)})` : 'no DynamoDB calls';
    const unexpected = Object.keys(m.load.unexpected).length ? `; unexpected statuses ${JSON.stringify(m.load.unexpected)}` : '';
    return {
      name: `${m.id}: latency p50 (${CONNECTIONS} connections)`,
      value: Number(m.load.p50.toFixed(1)),
      unit: 'ms',
      note: `p99 ${m.load.p99.toFixed(1)} ms, ${Math.round(m.load.perSecond)} req/s; ${counts}; ${floorNote}${unexpected}`,
    };
  });
  results.push(...costReport(measured, site));
  for (const line of notMeasured) results.push({ name: `not measured: ${line}`, value: 0, unit: '', note: 'add a plan' });
  return results;
}

/** The AWS cost model from the measured figures; skipped when a route of the portal view was not measured. */
function costReport(measured: readonly Measured[], site: SiteTraffic): BenchResult[] {
  const figures = Object.fromEntries(measured.map((m) => [m.id, m.figures])) as Partial<Record<RouteId, CallFigures>>;
  const missing = Object.keys(PORTAL_VIEW.api).filter((id) => !(id in figures));
  if (missing.length) {
    console.log(`\nCost model skipped: it needs ${missing.join(', ')}.`);
    return [];
  }
  const per10k = costOfViews(10_000, figures, GALLERY_IMAGES, site);
  const idle = idleMonthly();
  const monthlyLines = [...idle, ...costOfViews(MONTHLY_VIEWS, figures, GALLERY_IMAGES, site)];
  const perView = Object.entries(PORTAL_VIEW.api)
    .map(([id, n]) => `${n}× ${id}`)
    .join(', ');
  console.log(
    `\nOne portal view: ${perView}; ${GALLERY_IMAGES} thumbnails, ${PORTAL_VIEW.previewsOpened} previews, ` +
      `${PORTAL_VIEW.downloads} download from S3; ${site.requests} page files (${(site.bytes / 1024).toFixed(0)} KiB brotli) from CloudFront, cold cache.`,
  );
  printColumns(
    'Cost per 10,000 portal views (AWS list prices, us-east-1, bench/routes/cost.ts PRICES)',
    ['service', 'quantity', 'USD'],
    [...per10k.map((l) => [l.service, l.quantity, money(l.usd)]), ['total', '', money(total(per10k))]],
  );
  printColumns(
    'Idle: fixed monthly cost with no traffic (a studio with 40 galleries of 300 images)',
    ['service', 'quantity', 'USD / month'],
    [...idle.map((l) => [l.service, l.quantity, money(l.usd)]), ['total', '', money(total(idle))]],
  );
  console.log(
    `\nUnder load: ${MONTHLY_VIEWS.toLocaleString('en-US')} portal views a month: $${money(total(monthlyLines))} at list prices, ` +
      `$${money(withFreeTiers(MONTHLY_VIEWS, monthlyLines))} after the always-free tiers (Lambda, CloudFront, Cognito 10,000 MAU, 100 GB transfer).`,
  );

  return [
    {
      name: 'AWS cost per 10,000 portal views',
      value: money(total(per10k)),
      unit: 'USD',
      note: per10k.map((l) => `${l.service} $${money(l.usd)}`).join('; '),
    },
    {
      name: 'AWS cost at idle',
      value: money(total(idle)),
      unit: 'USD / month',
      note: idle.map((l) => `${l.service} $${money(l.usd)}`).join('; '),
    },
    {
      name: `AWS cost at ${MONTHLY_VIEWS.toLocaleString('en-US')} views / month`,
      value: money(total(monthlyLines)),
      unit: 'USD / month',
      note: `list prices; $${money(withFreeTiers(MONTHLY_VIEWS, monthlyLines))} after the always-free tiers; prices in bench/routes/cost.ts`,
    },
  ];
}

function sitePages(): SiteTraffic {
  try {
    return portalPageTraffic();
  } catch (e) {
    throw new Error(`The cost model reads the built portal pages: run \`npm run build:site\` first (${(e as Error).message})`);
  }
}
