// Per page — the client portal home, a gallery of 2,000 images, the studio dashboard — the
// JavaScript and total bytes shipped (gzip), Lighthouse mobile performance and accessibility
// scores (with LCP, TBT, CLS) on Debian's Chromium, and axe-core violations, against the whole
// local Portico. The work runs in its own process: bench/pages/measure.ts.
import { fileURLToPath } from 'node:url';
import { type BenchResult, runIsolated } from './lib.ts';

export function run(): Promise<BenchResult[]> {
  return runIsolated(fileURLToPath(new URL('./pages/measure.ts', import.meta.url)));
}
