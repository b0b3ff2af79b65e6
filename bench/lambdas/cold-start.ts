// One cold start, in a fresh Node process as Lambda gives each new execution environment:
//   node bench/lambdas/cold-start.ts <bundle index.mjs> <invocation JSON file>
// imports the bundle (init), calls its handler once (first request) and once more (a warm request:
// the same request's own I/O, without anything done once per container), timing each with
// performance.now(), and prints one line `COLD <json>` (the handler's own logs go to stdout too).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, invocationFile] = process.argv.slice(2) as [string, string];
const { event, context } = JSON.parse(readFileSync(invocationFile, 'utf8')) as { event: unknown; context: Record<string, unknown> };
const lambdaContext = { ...context, getRemainingTimeInMillis: () => 10_000, done() {}, fail() {}, succeed() {} };

const beforeImport = performance.now();
const mod = (await import(pathToFileURL(bundle).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const afterImport = performance.now();
let outcome: string;
try {
  const result = (await mod.handler(event, lambdaContext)) as { statusCode?: number } | undefined;
  outcome = result?.statusCode === undefined ? 'ok' : String(result.statusCode);
} catch (e) {
  outcome = `threw ${(e as Error).name}`;
}
const afterRequest = performance.now();
try {
  await mod.handler(event, lambdaContext);
} catch {
  // The outcome that counts is the first one.
}
const afterWarm = performance.now();

process.stdout.write(
  `\nCOLD ${JSON.stringify({
    // Node's own start, up to this script's first line (the same for every bundle).
    bootMs: beforeImport,
    initMs: afterImport - beforeImport,
    firstRequestMs: afterRequest - afterImport,
    warmRequestMs: afterWarm - afterRequest,
    outcome,
  })}\n`,
  // The SDK's keep-alive sockets would hold the process open.
  () => process.exit(0),
);
