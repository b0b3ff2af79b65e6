// Starts one throwaway Portico for the integration and end-to-end tests exactly as a developer
// does (`node local/start.ts --ephemeral`, in its own Node process, no test tooling in between),
// and hands its address and environment to the tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { S3RVER_NODE_FLAGS } from '../../local/services/constants.ts';
import { freePort } from '../../local/services/ports.ts';

let child: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'portico-test-'));
  const stateFile = join(dir, 'state.json');
  const port = await freePort();
  let output = '';
  child = spawn(process.execPath, [...S3RVER_NODE_FLAGS, 'local/start.ts', '--ephemeral'], {
    // The Stripe stand-in's delayed (SEPA) payments settle only when a test says so: no timing in assertions.
    env: { ...process.env, PORT: String(port), PORTICO_STATE_FILE: stateFile, STRIPE_STAND_IN_SETTLE_MS: 'manual' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 120_000;
  while (!existsSync(stateFile)) {
    if (child.exitCode !== null) throw new Error(`The local stack exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The local stack did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // A stack that dies mid-run fails every test after it: say why, once, with its last words.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`The local stack exited during the run (code ${code}, signal ${signal}):\n${output.slice(-8000)}`);
  });
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { port: number; env: Record<string, string> };
  // Workers start after this and inherit the environment, so domain code called from tests talks
  // to the same local services as the portal.
  Object.assign(process.env, state.env);
  project.provide('porticoPort', state.port);
  // The Stripe stand-in the portal's handlers talk to (test/support/stripe.ts drives it over HTTP).
  project.provide('stripeStandInUrl', state.env.STRIPE_API_BASE as string);
  return async () => {
    stopping = true;
    const exited = new Promise((r) => child?.once('exit', r));
    child?.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    rmSync(dir, { recursive: true, force: true });
    if (process.env.PORTICO_TEST_LOG === '1') console.log(output);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    porticoPort: number;
    /** The local stack's Stripe stand-in, e.g. http://127.0.0.1:41234 (STRIPE_API_BASE). */
    stripeStandInUrl: string;
  }
}
