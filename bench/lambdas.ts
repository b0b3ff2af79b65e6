// Per Lambda (every route of shared/routes.ts and every handler of shared/events.ts): the bundle
// cdk synth ships (minified, and gzip) and its cold start — a fresh Node 24 process importing the
// bundle (init) and handling one real request against the local AWS stand-ins — beside an empty
// handler bundled the same way. The work runs in its own process: bench/lambdas/measure.ts.
import { fileURLToPath } from 'node:url';
import { type BenchResult, runIsolated } from './lib.ts';

export function run(): Promise<BenchResult[]> {
  return runIsolated(fileURLToPath(new URL('./lambdas/measure.ts', import.meta.url)));
}
