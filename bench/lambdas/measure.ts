// The work of bench/lambdas.ts, in its own process (see runIsolated in bench/lib.ts):
//   node --openssl-legacy-provider bench/lambdas/measure.ts <results.json>
// 1. `cdk synth` into a temporary folder: the bytes each Lambda really ships (asset index.mjs).
// 2. Every handler bundled again with esbuild and the very options infra/lambda.ts gives CDK (BUNDLING),
//    plus a metafile, to say what is inside; an empty handler bundled the same way is the baseline.
// 3. Cold starts: per bundle, RUNS fresh Node processes each import it and handle one request
//    against local AWS stand-ins (startLocalServices), so the first request really runs.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { BUNDLING } from '../../infra/lambda.ts';
import { startLocalServices } from '../../local/services/index.ts';
import { objectEventList } from '../../shared/events.ts';
import { routeList } from '../../shared/routes.ts';
import { type BenchResult, median } from '../lib.ts';
import { eventInvocation, type Invocation, routeInvocation, type SeededTenant, seedTenant } from './invocations.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultFile = process.argv[2];
if (!resultFile) throw new Error('usage: measure.ts <results.json>');
const RUNS = Number(process.env.BENCH_LAMBDA_RUNS ?? 3);
// Under the repository, so a bundle's external native modules (sharp) resolve from node_modules as
// they do from the node_modules CDK installs beside the bundle.
const bundlesDir = join(root, 'node_modules', '.cache', 'portico-bench', 'lambdas');
const coldStart = join(root, 'bench', 'lambdas', 'cold-start.ts');
const EMPTY = '(empty handler)';

interface LambdaDef {
  id: string;
  /** Handler file, relative to the repository root. */
  entry: string;
  stack: 'PorticoApi' | 'PorticoEvents';
  nativeModules: readonly string[];
  assets: readonly string[];
  invocation?: (tenant: SeededTenant) => Invocation;
}

const lambdas: LambdaDef[] = [
  ...routeList.map((route) => ({
    id: route.id,
    entry: `functions/${route.feature}/${route.id}.ts`,
    stack: 'PorticoApi' as const,
    nativeModules: [],
    assets: [],
    invocation: (tenant: SeededTenant) => routeInvocation(route, tenant),
  })),
  ...objectEventList.map((def) => ({
    id: def.id,
    entry: `functions/${def.feature}/${def.id}.ts`,
    stack: 'PorticoEvents' as const,
    nativeModules: def.nativeModules ?? [],
    assets: def.assets ?? [],
    invocation: (tenant: SeededTenant) => eventInvocation(def.id, tenant),
  })),
];

interface Shipped {
  /** index.mjs as synth wrote it. */
  bundleBytes: number;
  /** The whole asset folder (bundle, source map, node_modules, assets): what the zip holds. */
  assetBytes: number;
}

const KiB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Runs `cdk synth` and returns, per function id, what its asset holds. */
async function synth(outDir: string): Promise<Map<string, Shipped>> {
  const started = performance.now();
  // cdk.json's app is `node infra/app.ts`: the pinned Node 24 must come first on PATH.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  const child = spawn(process.execPath, [join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk'), 'synth', '-q', '-o', outDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`cdk synth failed (${code}):\n${output.slice(-3000)}`);
  console.log(`lambdas: cdk synth took ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const shipped = new Map<string, Shipped>();
  for (const stack of ['PorticoApi', 'PorticoEvents']) {
    const template = JSON.parse(await readFile(join(outDir, `${stack}.template.json`), 'utf8')) as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
    };
    for (const resource of Object.values(template.Resources)) {
      const path = resource.Metadata?.['aws:cdk:path'];
      const asset = resource.Metadata?.['aws:asset:path'];
      const match = path?.match(new RegExp(`^${stack}/(\\w+)Function/Resource$`));
      if (resource.Type !== 'AWS::Lambda::Function' || !match || !asset) continue;
      const assetDir = join(outDir, asset);
      shipped.set(match[1] as string, {
        bundleBytes: (await stat(join(assetDir, 'index.mjs'))).size,
        assetBytes: await folderBytes(assetDir),
      });
    }
  }
  return shipped;
}

interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

/** Bundles one handler exactly as infra/lambda.ts has CDK bundle it, plus a metafile. */
async function bundle(id: string, entry: string, nativeModules: readonly string[], assets: readonly string[]): Promise<Bundle> {
  const outDir = join(bundlesDir, id);
  await rm(outDir, { recursive: true, force: true });
  const file = join(outDir, 'index.mjs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: BUNDLING.target,
    format: BUNDLING.format,
    outfile: file,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    mainFields: [...BUNDLING.mainFields],
    // CDK leaves the native modules out of the bundle and installs them beside it.
    external: [...BUNDLING.externalModules, ...nativeModules],
    banner: { js: BUNDLING.banner },
    metafile: true,
    logLevel: 'silent',
  });
  for (const asset of assets) await cp(join(root, asset), join(outDir, basename(asset)), { recursive: true });
  const code = await readFile(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

/** The bundle's bytes by npm package (own code as "portico"), largest first. */
function topInputs(meta: Metafile, count = 5): string {
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'portico';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([pkg, bytes]) => `${pkg} ${KiB(bytes)} KiB`)
    .join(', ');
}

interface ColdStart {
  bootMs: number;
  initMs: number;
  firstRequestMs: number;
  outcome: string;
}

function coldStartOnce(file: string, invocationFile: string, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [coldStart, file, invocationFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('COLD '));
      if (code !== 0 || !line) reject(new Error(`cold start of ${file} failed (${code}):\n${err.slice(-2000)}${out.slice(-1000)}`));
      else resolve(JSON.parse(line.slice('COLD '.length)) as ColdStart);
    });
  });
}

interface Measured {
  id: string;
  bundle: Bundle;
  shipped?: Shipped;
  runs: ColdStart[];
  invocationFile: string;
  memorySize: string;
}

async function main(): Promise<BenchResult[]> {
  const work = await mkdtemp(join(tmpdir(), 'portico-bench-lambdas-'));
  // Synth first, alone: its CPU would otherwise land in the cold starts' timings.
  const shipped = await synth(join(work, 'cdk.out')).catch((e: Error) => e);
  const services = await startLocalServices();
  try {
    await mkdir(bundlesDir, { recursive: true });
    const emptyEntry = join(bundlesDir, 'empty-handler.ts');
    await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
    const bundles = new Map<string, Bundle>();
    bundles.set(EMPTY, await bundle('empty', emptyEntry, [], []));
    for (const l of lambdas) bundles.set(l.id, await bundle(l.id, l.entry, l.nativeModules, l.assets));

    const env: Record<string, string> = {
      ...services.env,
      PORTAL_DOMAIN: 'localhost',
      PUBLIC_SCHEME: 'http',
      PUBLIC_PORT: '3000',
      MAIL_FROM: 'bench@portico.localhost',
      POWERTOOLS_SERVICE_NAME: 'portico',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    };
    // The seeding below uses shared/'s SDK clients, which read their endpoints from here.
    Object.assign(process.env, env);
    const tenant = await seedTenant();

    const measured: Measured[] = [];
    const emptyInvocation: Invocation = {
      event: { version: '2.0', rawPath: '/', headers: {} },
      context: { functionName: 'empty' },
      memorySize: 512,
    };
    for (const [id, b] of bundles) {
      const l = lambdas.find((x) => x.id === id);
      const invocation = l?.invocation?.(tenant) ?? emptyInvocation;
      const invocationFile = join(work, `${id === EMPTY ? 'empty' : id}.json`);
      await writeFile(invocationFile, JSON.stringify(invocation));
      measured.push({ id, bundle: b, runs: [], invocationFile, memorySize: String(invocation.memorySize) });
    }

    // Round-robin, so a burst of load from elsewhere on the machine spreads over all bundles.
    for (let run = 0; run < RUNS; run++) {
      for (const m of measured) {
        const childEnv = {
          ...process.env,
          ...env,
          // As functionEnvironment() sets in AWS.
          NODE_OPTIONS: '--enable-source-maps',
          AWS_LAMBDA_FUNCTION_NAME: `portico-${m.id}`,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: m.memorySize,
        };
        m.runs.push(await coldStartOnce(m.bundle.file, m.invocationFile, childEnv));
      }
      console.log(`lambdas: cold-start round ${run + 1}/${RUNS} done`);
    }

    if (!(shipped instanceof Error)) for (const m of measured) m.shipped = shipped.get(m.id);
    return report(measured, shipped);
  } finally {
    await services.stop();
    await rm(work, { recursive: true, force: true });
  }
}

function report(measured: Measured[], shipped: Map<string, Shipped> | Error): BenchResult[] {
  const results: BenchResult[] = [];
  const init = (m: Measured) => median(m.runs.map((r) => r.initMs));
  const first = (m: Measured) => median(m.runs.map((r) => r.firstRequestMs));
  const bytes = (m: Measured) => m.shipped?.bundleBytes ?? m.bundle.bytes;
  const empty = measured.find((m) => m.id === EMPTY) as Measured;
  const functions = measured.filter((m) => m.id !== EMPTY);
  const source = shipped instanceof Error ? 'esbuild rebuild (cdk synth failed)' : 'cdk synth asset index.mjs';

  for (const m of functions) {
    const outcomes = [...new Set(m.runs.map((r) => r.outcome))].join('/');
    const asset =
      m.shipped && m.shipped.assetBytes > m.shipped.bundleBytes * 3
        ? `; asset ${(m.shipped.assetBytes / 1024 / 1024).toFixed(1)} MiB with node_modules`
        : '';
    results.push({
      name: `${m.id}: bundle`,
      value: KiB(bytes(m)),
      unit: 'KiB',
      note: `minified; gzip ${KiB(m.bundle.gzipBytes)} KiB${asset}`,
    });
    results.push({
      name: `${m.id}: cold init`,
      value: Math.round(init(m)),
      unit: 'ms',
      note: `first request ${Math.round(first(m))} ms → ${outcomes}`,
    });
  }
  results.push({ name: `${EMPTY}: bundle`, value: KiB(empty.bundle.bytes), unit: 'KiB', note: `gzip ${KiB(empty.bundle.gzipBytes)} KiB` });
  results.push({
    name: `${EMPTY}: cold init`,
    value: Math.round(init(empty) * 10) / 10,
    unit: 'ms',
    note: `first request ${first(empty).toFixed(1)} ms; Node boot ${Math.round(median(empty.runs.map((r) => r.bootMs)))} ms before either`,
  });

  const biggest = functions.reduce((a, b) => (bytes(b) > bytes(a) ? b : a));
  const slowest = functions.reduce((a, b) => (init(b) > init(a) ? b : a));
  const slowestFirst = functions.reduce((a, b) => (first(b) > first(a) ? b : a));
  results.push({
    name: `biggest bundle: ${biggest.id}`,
    value: KiB(bytes(biggest)),
    unit: 'KiB',
    note: topInputs(biggest.bundle.metafile),
  });
  const native = lambdas.find((l) => l.id === slowest.id)?.nativeModules ?? [];
  results.push({
    name: `slowest init: ${slowest.id}`,
    value: Math.round(init(slowest)),
    unit: 'ms',
    note: `${native.length ? `${native.join(', ')} (native, outside the bundle, loaded at import) + ` : ''}${topInputs(slowest.bundle.metafile)}`,
  });
  results.push({
    name: `slowest first request: ${slowestFirst.id}`,
    value: Math.round(first(slowestFirst)),
    unit: 'ms',
    note: `→ ${slowestFirst.runs[0]?.outcome}`,
  });
  results.push({
    name: 'all functions: median bundle',
    value: KiB(median(functions.map(bytes))),
    unit: 'KiB',
    note: `${functions.length} functions, ${(functions.reduce((s, m) => s + bytes(m), 0) / 1024 / 1024).toFixed(1)} MiB in all; sizes from ${source}`,
  });
  results.push({
    name: 'all functions: median cold init',
    value: Math.round(median(functions.map(init))),
    unit: 'ms',
    note: `vs ${init(empty).toFixed(1)} ms for the empty handler; median of ${RUNS} fresh processes each, --enable-source-maps as in AWS`,
  });
  if (!(shipped instanceof Error)) {
    const differing = functions.filter((m) => m.shipped && m.shipped.bundleBytes !== m.bundle.bytes).map((m) => m.id);
    const missing = functions.filter((m) => !m.shipped).map((m) => m.id);
    results.push({
      name: 'esbuild rebuild vs cdk synth: bundles differing',
      value: differing.length + missing.length,
      unit: 'functions',
      note: [...differing, ...missing.map((id) => `${id} (not in synth)`)].join(', ') || 'byte counts identical for every function',
    });
  } else {
    results.push({ name: 'cdk synth', value: 0, unit: 'ok', note: shipped.message.split('\n')[0] });
  }
  return results;
}

const results = await main();
await writeFile(resultFile, JSON.stringify(results));
// Pending SDK sockets must not keep this process alive.
process.exit(0);
