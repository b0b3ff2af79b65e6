// Runs every benchmark module (bench/*.ts but lib.ts and this file), one after another, each in a
// fresh Node process (shared/ keeps one SDK client per process, bound to the first local services it
// met, so modules that start their own must not share a process). Each prints its own table and
// writes bench-results/<module>.json; at the end the whole table is printed and written to
// bench-results/summary.txt.
//   npm run bench            all of them
//   npm run bench -- zip     only bench/zip.ts (any number of names)
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, formatTable, printTable } from './lib.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '..', 'bench-results');
const self = fileURLToPath(import.meta.url);

interface ModuleResult {
  module: string;
  at: string;
  seconds: number;
  results: BenchResult[];
}

/** In the child: run one module, print its table, write its JSON. */
async function runOne(name: string): Promise<void> {
  const started = performance.now();
  const mod = (await import(`./${name}.ts`)) as { run?: () => Promise<BenchResult[]> };
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
  const results = await mod.run();
  const seconds = (performance.now() - started) / 1000;
  printTable(results, `${name} (${seconds.toFixed(1)} s)`);
  const record: ModuleResult = { module: name, at: new Date().toISOString(), seconds, results };
  await writeFile(join(outDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

function inChild(name: string): Promise<number> {
  // s3rver (in the local services) needs OpenSSL's legacy provider: see local/services/constants.ts.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', self, '--one', name], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ? 128 : (code ?? 1)));
  });
}

await mkdir(outDir, { recursive: true });
const oneAt = process.argv.indexOf('--one');
if (oneAt >= 0) {
  await runOne(process.argv[oneAt + 1] as string);
  // Benchmarks stop what they started; an SDK socket pool must not keep the child alive.
  process.exit(0);
}

const only = process.argv.slice(2);
const modules = (await readdir(here))
  .filter((f) => f.endsWith('.ts') && f !== 'lib.ts' && f !== 'run.ts' && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
if (modules.length === 0) throw new Error(`No benchmark matches ${only.join(', ')}`);

const failed: string[] = [];
const finished: ModuleResult[] = [];
for (const name of modules) {
  const code = await inChild(name);
  if (code !== 0) {
    failed.push(name);
    console.error(`\n${name} failed (exit ${code})`);
    continue;
  }
  finished.push(JSON.parse(await readFile(join(outDir, `${name}.json`), 'utf8')) as ModuleResult);
}

const summary = finished.map((m) => formatTable(m.results, `${m.module} (${m.seconds.toFixed(1)} s, ${m.at})`)).join('\n\n');
console.log(`\n${'='.repeat(30)} the whole table ${'='.repeat(30)}\n${summary}`);
await writeFile(join(outDir, 'summary.txt'), `${summary}\n`);
console.log(`\nWritten to bench-results/summary.txt${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exitCode = failed.length > 0 ? 1 : 0;
