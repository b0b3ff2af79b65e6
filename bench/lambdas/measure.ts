// The work of bench/lambdas.ts, in its own process (see runIsolated in bench/lib.ts):
//   node --openssl-legacy-provider bench/lambdas/measure.ts <results.json>
// 1. `cdk synth` into a temporary folder: the bytes each Lambda really ships (bench/lambdas/synth.ts).
// 2. Every handler bundled again with esbuild and the very options infra/lambda.ts gives CDK (BUNDLING),
//    plus a metafile, to say what is inside; beside each, its floor (bench/lambdas/floors.ts): the
//    SDK clients its grants imply and nothing else, bundled the same way.
// 3. Per SDK mode (BENCH_SDK=bundled|runtime|both, both by default): "bundled" is what BUNDLING
//    ships; "runtime" leaves @aws-sdk/* out of every bundle, resolved at run time from node_modules
//    as Lambda's nodejs24.x resolves its own copy of SDK v3. BUNDLING itself stays as it is.
// 4. Cold starts: per bundle, BENCH_LAMBDA_RUNS fresh Node processes each import it and handle one
//    request against local AWS stand-ins (startLocalServices), so the first request really runs.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BUNDLING, handlerEntry, RUNTIME_PROVIDED } from '../../infra/lambda.ts';
import { startLocalServices } from '../../local/services/index.ts';
import { objectEventList } from '../../shared/events.ts';
import { routeList } from '../../shared/routes.ts';
import { floorKey, writeFloors } from './floors.ts';
import { eventInvocation, type Invocation, routeInvocation, type SeededTenant, seedTenant } from './invocations.ts';
import { type Bundle, type ColdStart, DEPLOYED_MODE, type LambdaDef, type Measured, report, SDK_MODES, type SdkMode } from './report.ts';
import { type Shipped, synth } from './synth.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultFile = process.argv[2];
if (!resultFile) throw new Error('usage: measure.ts <results.json>');
const RUNS = Number(process.env.BENCH_LAMBDA_RUNS ?? 3);
const SDK = process.env.BENCH_SDK ?? 'both';
const modes: SdkMode[] = SDK === 'both' ? [...SDK_MODES] : SDK_MODES.filter((m) => m === SDK);
if (modes.length === 0) throw new Error(`BENCH_SDK must be bundled, runtime or both (got ${SDK})`);

// What Lambda's nodejs24.x runtime provides (infra/lambda.ts RUNTIME_PROVIDED): @aws-sdk/* (CDK's
// default external list for such runtimes). Not @smithy/*: those are the SDK's own dependencies, not
// a documented part of the runtime, and single ones have been missing from it (aws-sdk-js-v3#6169,
// aws-cdk#33099). Portico's own code imports @smithy only for types, so with @aws-sdk/* left out every
// @smithy package goes with it; the report checks that none stays in any bundle.

// Under the repository, so a bundle's external modules (sharp; the SDK in "runtime" mode) resolve
// from node_modules as they do from the node_modules CDK installs beside the bundle, or from the
// runtime's. One folder per checkout: git worktrees share one node_modules.
const bundlesDir = join(root, 'node_modules', '.cache', 'portico-bench', basename(root), 'lambdas');
const coldStart = join(root, 'bench', 'lambdas', 'cold-start.ts');

const lambdas: LambdaDef[] = [
  ...routeList.map((route) => ({
    id: route.id,
    kind: 'route' as const,
    entry: handlerEntry(route.id, route.feature),
    floor: floorKey(route.grants),
    nativeModules: [],
    assets: [],
    invocation: (tenant: SeededTenant) => routeInvocation(route, tenant),
  })),
  ...objectEventList.map((def) => ({
    id: def.id,
    kind: 'event' as const,
    entry: handlerEntry(def.id, def.feature),
    floor: floorKey(def.grants),
    nativeModules: def.nativeModules ?? [],
    assets: def.assets ?? [],
    invocation: (tenant: SeededTenant) => eventInvocation(def.id, tenant),
  })),
];

/** Bundles one handler as infra/lambda.ts has CDK bundle it (the SDK left out in "runtime" mode), plus a metafile. */
async function bundle(
  mode: SdkMode,
  name: string,
  entry: string,
  nativeModules: readonly string[],
  assets: readonly string[],
): Promise<Bundle> {
  const outDir = join(bundlesDir, mode, name.replace(/\W+/g, '-'));
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
    external: [...nativeModules, ...(mode === 'runtime' ? RUNTIME_PROVIDED : [])],
    banner: { js: BUNDLING.banner },
    metafile: true,
    logLevel: 'silent',
  });
  for (const asset of assets) await cp(join(root, asset), join(outDir, basename(asset)), { recursive: true });
  const code = await readFile(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
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

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'portico-bench-lambdas-'));
  // Synth first, alone: its CPU would otherwise land in the cold starts' timings.
  const shipped: Map<string, Shipped> | Error = modes.includes(DEPLOYED_MODE)
    ? await synth(root, join(work, 'cdk.out'), new Set(lambdas.map((l) => l.id))).catch((e: Error) => e)
    : new Error(`not run (BENCH_SDK=${SDK}: synth builds the deployed mode, ${DEPLOYED_MODE})`);
  const services = await startLocalServices();
  try {
    await mkdir(bundlesDir, { recursive: true });
    const floorEntries = await writeFloors(
      join(bundlesDir, 'floors'),
      lambdas.map((l) => l.floor),
    );

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

    // A floor does nothing with its event: any API Gateway-shaped one will do.
    const floorInvocation: Invocation = {
      event: { version: '2.0', rawPath: '/', headers: {} },
      context: { functionName: 'floor' },
      memorySize: 512,
    };
    const measured: Measured[] = [];
    const add = async (mode: SdkMode, id: string, b: Bundle, invocation: Invocation, def?: LambdaDef) => {
      const invocationFile = join(work, `${mode}-${id.replace(/\W+/g, '-')}.json`);
      await writeFile(invocationFile, JSON.stringify(invocation));
      measured.push({ mode, id, def, bundle: b, runs: [], invocationFile, memorySize: String(invocation.memorySize) });
    };
    for (const mode of modes) {
      for (const [key, entry] of floorEntries) await add(mode, key, await bundle(mode, `floor ${key}`, entry, [], []), floorInvocation);
      for (const l of lambdas) {
        const m = await bundle(mode, l.id, l.entry, l.nativeModules, l.assets);
        await add(mode, l.id, m, l.invocation(tenant), l);
      }
    }
    if (!(shipped instanceof Error)) for (const m of measured) if (m.mode === DEPLOYED_MODE && m.def) m.shipped = shipped.get(m.id);

    // Round-robin over every bundle of every mode, so a burst of load from elsewhere on the machine
    // spreads over all of them instead of landing on one mode.
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
      console.log(`lambdas: cold-start round ${run + 1}/${RUNS} done (${measured.length} bundles)`);
    }

    const results = report(measured, shipped, { runs: RUNS, modes, runtimeProvided: RUNTIME_PROVIDED });
    await writeFile(resultFile as string, JSON.stringify(results));
  } finally {
    await services.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
// Pending SDK sockets must not keep this process alive.
process.exit(0);
