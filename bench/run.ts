// Runs every benchmark module (bench/*.ts but lib.ts and this file), one after another, prints
// each one's table and writes its results to bench-results/<module>.json.
//   npm run bench            all of them
//   npm run bench -- zip     only bench/zip.ts (any number of names)
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, printTable } from './lib.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '..', 'bench-results');
const only = process.argv.slice(2);

const modules = (await readdir(here))
  .filter((f) => f.endsWith('.ts') && f !== 'lib.ts' && f !== 'run.ts' && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
if (modules.length === 0) throw new Error(`No benchmark matches ${only.join(', ')}`);

await mkdir(outDir, { recursive: true });
let failed = 0;
for (const name of modules) {
  const started = performance.now();
  try {
    const mod = (await import(`./${name}.ts`)) as { run?: () => Promise<BenchResult[]> };
    if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
    const results = await mod.run();
    const seconds = (performance.now() - started) / 1000;
    printTable(results, `${name} (${seconds.toFixed(1)} s)`);
    await writeFile(
      join(outDir, `${name}.json`),
      `${JSON.stringify({ module: name, at: new Date().toISOString(), seconds, results }, null, 2)}\n`,
    );
  } catch (e) {
    failed++;
    console.error(`\n${name} failed:`, e);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
