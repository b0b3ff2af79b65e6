// What every benchmark module returns, and the table bench/run.ts prints.
// A module is bench/<name>.ts exporting `run(): Promise<BenchResult[]>`.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function printTable(results: readonly BenchResult[], title?: string): void {
  const rows = results.map((r) => [r.name, r.value.toLocaleString('en-US', { maximumFractionDigits: 3 }), r.unit, r.note ?? '']);
  const header = ['benchmark', 'value', 'unit', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  if (title) console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
