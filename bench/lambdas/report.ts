// The tables of bench/lambdas.ts: per SDK mode, every Lambda beside its floor (bundle and cold init),
// the figures issue 8 sets targets on, and, with both modes, bundled SDK vs the runtime's.
import type { Metafile } from 'esbuild';
import { type BenchResult, median, printColumns } from '../lib.ts';
import { floorPackages } from './floors.ts';
import type { Invocation, SeededTenant } from './invocations.ts';
import type { Shipped } from './synth.ts';

export const SDK_MODES = ['bundled', 'runtime'] as const;
export type SdkMode = (typeof SDK_MODES)[number];

export interface LambdaDef {
  id: string;
  kind: 'route' | 'event';
  /** Handler file, relative to the repository root. */
  entry: string;
  /** Its floor's key (bench/lambdas/floors.ts). */
  floor: string;
  nativeModules: readonly string[];
  assets: readonly string[];
  invocation: (tenant: SeededTenant) => Invocation;
}

export interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

export interface ColdStart {
  bootMs: number;
  initMs: number;
  firstRequestMs: number;
  /** The same request again in the same process: its own I/O, nothing done once per container. */
  warmRequestMs: number;
  outcome: string;
}

/** One bundle and its cold starts: a Lambda (`def` set) or a floor (`id` is its key). */
export interface Measured {
  mode: SdkMode;
  id: string;
  def?: LambdaDef;
  bundle: Bundle;
  /** What cdk synth ships for it (bundled mode, when synth ran). */
  shipped?: Shipped;
  runs: ColdStart[];
  invocationFile: string;
  memorySize: string;
}

export interface ReportOptions {
  runs: number;
  modes: readonly SdkMode[];
  runtimeProvided: readonly string[];
}

/** The mode infra/lambda.ts deploys (its BUNDLING leaves the SDK to the runtime); cdk synth's sizes are its. */
export const DEPLOYED_MODE: SdkMode = 'runtime';

const LABEL: Record<SdkMode, string> = { bundled: 'SDK bundled', runtime: "runtime's SDK" };

const KiB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const round1 = (ms: number) => Math.round(ms * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const bytesOf = (m: Measured) => m.shipped?.bundleBytes ?? m.bundle.bytes;
/** Import plus first request, as issue 8 defines a cold init. */
const cold = (m: Measured) => median(m.runs.map((r) => r.initMs + r.firstRequestMs));
const importMs = (m: Measured) => median(m.runs.map((r) => r.initMs));
const firstMs = (m: Measured) => median(m.runs.map((r) => r.firstRequestMs));
/** What a cold start adds over a warm request: import, plus the first request's extra over the second. */
const coldCost = (m: Measured) => median(m.runs.map((r) => r.initMs + Math.max(0, r.firstRequestMs - r.warmRequestMs)));
const warmMs = (m: Measured) => median(m.runs.map((r) => r.warmRequestMs));
const outcomes = (m: Measured) => [...new Set(m.runs.map((r) => r.outcome))].join('/');

/** The bundle's bytes by npm package (own code as "portico"), largest first. */
function byPackage(meta: Metafile): [string, number][] {
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  const sizes = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'portico';
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]);
}

const topInputs = (meta: Metafile, count = 5) =>
  byPackage(meta)
    .slice(0, count)
    .map(([pkg, bytes]) => `${pkg} ${KiB(bytes)} KiB`)
    .join(', ');

/**
 * The SDK clients a Lambda loads that its grants do not imply: bundled code of @aws-sdk/client-*,
 * or an external import of one (esbuild keeps an external import it cannot prove free of side
 * effects, so with the runtime's SDK every client the import graph reaches is loaded).
 */
function clientsBeyondGrants(m: Measured): string[] {
  const output = Object.values(m.bundle.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const bundled = new Map(byPackage(m.bundle.metafile).filter(([, bytes]) => bytes > 0));
  const external = (output?.imports ?? []).filter((i) => i.external).map((i) => i.path);
  const expected = floorPackages(m.def?.floor ?? '');
  return [...new Set([...bundled.keys(), ...external])]
    .filter((pkg) => pkg.startsWith('@aws-sdk/client-') && !expected.includes(pkg))
    .sort()
    .map((pkg) => {
      const bytes = bundled.get(pkg);
      // Bundled bytes say what tree shaking left; an external import loads the whole client.
      return `${pkg.slice('@aws-sdk/client-'.length)}${bytes ? ` ${KiB(bytes)} KiB` : ''}`;
    });
}

interface ModeFigures {
  medianBundle: number;
  medianCold: number;
  /** Over the routes, of each one's floor: the SDK alone. */
  medianFloorCold: number;
}

function reportMode(mode: SdkMode, measured: readonly Measured[], shipped: Map<string, Shipped> | Error, opts: ReportOptions) {
  const results: BenchResult[] = [];
  const label = LABEL[mode];
  const mine = measured.filter((m) => m.mode === mode);
  const functions = mine.filter((m) => m.def);
  const floors = new Map(mine.filter((m) => !m.def).map((m) => [m.id, m]));
  const floorOf = (m: Measured) => floors.get(m.def?.floor as string) as Measured;
  const ratio = (m: Measured) => cold(m) / cold(floorOf(m));
  const costRatio = (m: Measured) => coldCost(m) / coldCost(floorOf(m));
  const routes = functions.filter((m) => m.def?.kind === 'route');
  const source = mode !== DEPLOYED_MODE ? 'esbuild' : shipped instanceof Error ? 'esbuild rebuild' : 'cdk synth';

  printColumns(
    `lambdas, ${label} (${mode === 'runtime' ? `${opts.runtimeProvided.join(', ')} left to the runtime` : 'the SDK inside every bundle (portico:bundleAwsSdk=true)'}${mode === DEPLOYED_MODE ? ', as deployed' : ''}): sizes from ${source}; cold = import + first request, median of ${opts.runs} fresh processes`,
    [
      'function',
      'KiB',
      'floor',
      'floor KiB',
      '− floor KiB',
      'cold ms',
      'floor ms',
      '× floor',
      'import ms',
      '1st req ms',
      'warm ms',
      'cost ms',
      'cost × floor',
      '→',
      'clients beyond grants',
    ],
    functions.map((m) => {
      const f = floorOf(m);
      return [
        m.id,
        KiB(bytesOf(m)),
        f.id,
        KiB(f.bundle.bytes),
        KiB(bytesOf(m) - f.bundle.bytes),
        round1(cold(m)),
        round1(cold(f)),
        round2(ratio(m)),
        round1(importMs(m)),
        round1(firstMs(m)),
        round1(warmMs(m)),
        round1(coldCost(m)),
        round2(costRatio(m)),
        outcomes(m),
        clientsBeyondGrants(m).join(', ') || '–',
      ];
    }),
  );

  for (const m of functions) {
    const f = floorOf(m);
    const asset =
      m.shipped && m.shipped.assetBytes > m.shipped.bundleBytes * 3
        ? `; asset ${(m.shipped.assetBytes / 1024 / 1024).toFixed(1)} MiB with node_modules`
        : '';
    results.push({
      name: `${label} · ${m.id}: bundle`,
      value: KiB(bytesOf(m)),
      unit: 'KiB',
      note: `floor (${f.id}) ${KiB(f.bundle.bytes)} KiB, +${KiB(bytesOf(m) - f.bundle.bytes)} KiB; gzip ${KiB(m.bundle.gzipBytes)} KiB${asset}`,
    });
    results.push({
      name: `${label} · ${m.id}: cold init`,
      value: Math.round(cold(m)),
      unit: 'ms',
      note: `${round2(ratio(m))}× its floor's ${round1(cold(f))} ms; import ${Math.round(importMs(m))} + first request ${Math.round(firstMs(m))} ms (warm ${Math.round(warmMs(m))} ms; cold cost ${Math.round(coldCost(m))} ms, ${round2(costRatio(m))}× the floor's) → ${outcomes(m)}`,
    });
  }
  for (const f of floors.values()) {
    const users = functions.filter((m) => m.def?.floor === f.id).length;
    results.push({
      name: `${label} · floor ${f.id}`,
      value: round1(cold(f)),
      unit: 'ms',
      note: `${KiB(f.bundle.bytes)} KiB; import ${round1(importMs(f))} + first request ${round1(firstMs(f))} ms; floor of ${users} functions; Node boot ${Math.round(median(f.runs.map((r) => r.bootMs)))} ms before`,
    });
  }

  const largest = routes.reduce((a, b) => (bytesOf(b) > bytesOf(a) ? b : a));
  const worst = routes.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
  const slowest = functions.reduce((a, b) => (cold(b) > cold(a) ? b : a));
  const figures: ModeFigures = {
    medianBundle: median(routes.map(bytesOf)),
    medianCold: median(routes.map(cold)),
    medianFloorCold: median(routes.map((m) => cold(floorOf(m)))),
  };
  const beyond = functions.filter((m) => clientsBeyondGrants(m).length > 0);
  const summary: BenchResult[] = [
    {
      name: `${label} · median route bundle`,
      value: KiB(figures.medianBundle),
      unit: 'KiB',
      note: `${routes.length} API routes (target ≤ 250); median floor ${KiB(median(routes.map((m) => floorOf(m).bundle.bytes)))} KiB; sizes from ${source}`,
    },
    {
      name: `${label} · largest API route: ${largest.id}`,
      value: KiB(bytesOf(largest)),
      unit: 'KiB',
      note: `target ≤ 400; ${topInputs(largest.bundle.metafile)}`,
    },
    {
      name: `${label} · median route cold init`,
      value: Math.round(figures.medianCold),
      unit: 'ms',
      note: `import + first request; median floor ${round1(figures.medianFloorCold)} ms; median of ${opts.runs} fresh processes each, --enable-source-maps as in AWS`,
    },
    {
      name: `${label} · median route ratio to floor`,
      value: round2(median(routes.map(ratio))),
      unit: '×',
      note: 'target ≤ 1.5',
    },
    {
      name: `${label} · median route cold cost ratio to floor`,
      value: round2(median(routes.map(costRatio))),
      unit: '×',
      note: `the request's own I/O left out (import + first request − the same request warm): median cost ${round1(median(routes.map(coldCost)))} ms vs its floor's ${round1(median(routes.map((m) => coldCost(floorOf(m)))))} ms`,
    },
    {
      name: `${label} · worst route ratio to floor: ${worst.id}`,
      value: round2(ratio(worst)),
      unit: '×',
      note: `${round1(cold(worst))} ms vs ${round1(cold(floorOf(worst)))} ms (floor ${floorOf(worst).id}); import ${Math.round(importMs(worst))} + first request ${Math.round(firstMs(worst))} ms → ${outcomes(worst)}`,
    },
    {
      name: `${label} · slowest cold init: ${slowest.id}`,
      value: Math.round(cold(slowest)),
      unit: 'ms',
      note: `${slowest.def?.nativeModules.length ? `${slowest.def.nativeModules.join(', ')} (native, outside the bundle, loaded at import) + ` : ''}${topInputs(slowest.bundle.metafile)}`,
    },
    {
      name: `${label} · functions loading SDK clients beyond their grants`,
      value: beyond.length,
      unit: 'functions',
      note: beyond.length > 0 ? `e.g. ${beyond[0]?.id}: ${clientsBeyondGrants(beyond[0] as Measured).join(', ')}` : 'none',
    },
  ];
  if (mode === 'runtime') {
    // Proves the external list holds: no SDK code (nor its @smithy dependencies) left in any bundle.
    const sdkBytes = (m: Measured) =>
      byPackage(m.bundle.metafile)
        .filter(([pkg]) => pkg.startsWith('@aws-sdk/') || pkg.startsWith('@smithy/'))
        .reduce((s, [, b]) => s + b, 0);
    const most = mine.reduce((a, b) => (sdkBytes(b) > sdkBytes(a) ? b : a));
    summary.push({
      name: `${label} · @aws-sdk/@smithy code left in a bundle`,
      value: KiB(sdkBytes(most)),
      unit: 'KiB',
      note: sdkBytes(most) > 0 ? `most in ${most.id}` : 'none in any bundle: the runtime would provide all of it',
    });
  }
  if (mode !== DEPLOYED_MODE) {
    // Nothing to compare: synth builds the deployed mode.
  } else if (shipped instanceof Error) {
    summary.push({ name: 'cdk synth', value: 0, unit: 'ok', note: shipped.message.split('\n')[0] });
  } else {
    const differing = functions.filter((m) => m.shipped && m.shipped.bundleBytes !== m.bundle.bytes).map((m) => m.id);
    const missing = functions.filter((m) => !m.shipped).map((m) => m.id);
    summary.push({
      name: 'esbuild rebuild vs cdk synth: bundles differing',
      value: differing.length + missing.length,
      unit: 'functions',
      note: [...differing, ...missing.map((id) => `${id} (not in synth)`)].join(', ') || 'byte counts identical for every function',
    });
  }
  results.push(...summary);
  return { results, figures };
}

export function report(measured: readonly Measured[], shipped: Map<string, Shipped> | Error, opts: ReportOptions): BenchResult[] {
  const results: BenchResult[] = [];
  const figures = new Map<SdkMode, ModeFigures>();
  for (const mode of opts.modes) {
    const r = reportMode(mode, measured, shipped, opts);
    results.push(...r.results);
    figures.set(mode, r.figures);
  }
  const bundled = figures.get('bundled');
  const runtime = figures.get('runtime');
  if (bundled && runtime) {
    const change = (from: number, to: number) => {
      const percent = Math.round((to / from - 1) * 100);
      return percent === 0 ? '±0%' : `${percent < 0 ? '−' : '+'}${Math.abs(percent)}%`;
    };
    const compare: BenchResult[] = [
      {
        name: "median route bundle: SDK bundled → runtime's SDK",
        value: KiB(runtime.medianBundle),
        unit: 'KiB',
        note: `${KiB(bundled.medianBundle)} → ${KiB(runtime.medianBundle)} KiB (${change(bundled.medianBundle, runtime.medianBundle)})`,
      },
      {
        name: "median route cold init: SDK bundled → runtime's SDK",
        value: Math.round(runtime.medianCold),
        unit: 'ms',
        note: `${round1(bundled.medianCold)} → ${round1(runtime.medianCold)} ms (${change(bundled.medianCold, runtime.medianCold)}); the runtime's SDK read from node_modules here, from /var/runtime in AWS`,
      },
      {
        name: "floors' median cold init (the SDK alone): SDK bundled → runtime's SDK",
        value: Math.round(runtime.medianFloorCold),
        unit: 'ms',
        note: `${round1(bundled.medianFloorCold)} → ${round1(runtime.medianFloorCold)} ms (${change(bundled.medianFloorCold, runtime.medianFloorCold)}): the same clients, only how they load differs`,
      },
    ];
    printColumns(
      "lambdas: SDK bundled vs the runtime's",
      ['figure', 'bundled', 'runtime', 'change'],
      [
        [
          'median route bundle KiB',
          KiB(bundled.medianBundle),
          KiB(runtime.medianBundle),
          change(bundled.medianBundle, runtime.medianBundle),
        ],
        [
          'median route cold init ms',
          round1(bundled.medianCold),
          round1(runtime.medianCold),
          change(bundled.medianCold, runtime.medianCold),
        ],
        [
          "floors' median cold init ms",
          round1(bundled.medianFloorCold),
          round1(runtime.medianFloorCold),
          change(bundled.medianFloorCold, runtime.medianFloorCold),
        ],
      ],
    );
    results.push(...compare);
  }
  return results;
}
