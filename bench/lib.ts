// What every benchmark module returns, and the table bench/run.ts prints.
// A module is bench/<name>.ts exporting `run(): Promise<BenchResult[]>`.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function formatTable(results: readonly BenchResult[], title?: string): string {
  const rows = results.map((r) => [r.name, r.value.toLocaleString('en-US', { maximumFractionDigits: 3 }), r.unit, r.note ?? '']);
  const header = ['benchmark', 'value', 'unit', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  return (title ? [title, ...lines] : lines).join('\n');
}

export function printTable(results: readonly BenchResult[], title?: string): void {
  console.log(`\n${formatTable(results, title)}`);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Runs a benchmark script in a fresh Node process of its own (own SDK clients, own local services)
 * and returns the results it writes (as JSON) to the file named by its first argument.
 */
export async function runIsolated(script: string, args: readonly string[] = []): Promise<BenchResult[]> {
  const { spawn } = await import('node:child_process');
  const { mkdtemp, readFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  const resultFile = join(dir, 'results.json');
  try {
    // s3rver (in the local services) needs OpenSSL's legacy provider: see local/services/constants.ts.
    const child = spawn(process.execPath, ['--openssl-legacy-provider', script, resultFile, ...args], {
      stdio: 'inherit',
      // The handlers' INFO logs would bury the benchmark's own output.
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, signal) => resolve(signal ? 128 : exitCode));
    });
    if (code !== 0) throw new Error(`${script} exited with ${code}`);
    return JSON.parse(await readFile(resultFile, 'utf8')) as BenchResult[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The p-th percentile (0 < p ≤ 1) of `values` by the nearest-rank method; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** A plain table with its own columns (numbers right-aligned), for results richer than name/value/unit. */
export function printColumns(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = rows.map((row) => row.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US', { maximumFractionDigits: 3 }) : c)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || row[i] === '–'));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

/**
 * Runs `args` (a command, e.g. `taskset -c 0 node script --worker …`) as a child with one libuv
 * thread and quiet logs, so its maxRSS and time are its own; resolves with the JSON object its
 * stdout's last line holds.
 */
export async function runWorker<T>(args: readonly string[], label: string): Promise<T> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(args[0] as string, args.slice(1), {
      // One libuv thread: async native work (sharp, file reads) cannot spread over other cores either.
      env: { ...process.env, UV_THREADPOOL_SIZE: '1', POWERTOOLS_LOG_LEVEL: 'ERROR' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${label} worker exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) as string) as T);
    });
  });
}
