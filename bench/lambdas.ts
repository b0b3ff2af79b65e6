// Per Lambda (every route of shared/routes.ts and every handler of shared/events.ts): the bundle
// cdk synth ships (minified, and gzip) and its cold init — a fresh Node 24 process importing the
// bundle and handling one real request against the local AWS stand-ins — beside its floor, a
// handler that only constructs the SDK clients its grants imply, bundled the same way. Twice: with
// the SDK bundled (as infra/lambda.ts ships it) and left to the runtime's copy (BENCH_SDK=bundled|
// runtime|both). The work runs in its own process: bench/lambdas/measure.ts.
import { fileURLToPath } from 'node:url';
import { type BenchResult, runIsolated } from './lib.ts';

export function run(): Promise<BenchResult[]> {
  return runIsolated(fileURLToPath(new URL('./lambdas/measure.ts', import.meta.url)));
}
