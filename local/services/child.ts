// Child processes (DynamoDB Local's JVM, cognito-local) must never outlive the Node process that
// started them: an orphaned JVM keeps its port and its lock on the database file.
//
// Two layers:
// - on a normal exit (`process.exit`, empty event loop) an 'exit' hook sends SIGTERM synchronously;
// - for everything else (SIGINT, SIGTERM, SIGKILL, a crash) a tiny detached "reaper" process holds
//   a pipe from us and kills the registered children when that pipe closes (then deletes the
//   throwaway data folders). This needs no signal handlers in the host process, so we never change
//   how vitest or the dev server react to signals.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';

const REAPER_SOURCE = `
const { rmSync } = require('node:fs');
const pids = new Set();
const dirs = new Set();
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {});
let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buf += chunk;
  for (let i; (i = buf.indexOf('\\n')) >= 0; buf = buf.slice(i + 1)) {
    const line = buf.slice(0, i);
    const arg = line.slice(1);
    if (line[0] === '+') pids.add(Number(arg));
    else if (line[0] === '-') pids.delete(Number(arg));
    else if (line[0] === 'D') dirs.add(arg);
    else if (line[0] === 'd') dirs.delete(arg);
  }
});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const reap = () => {
  for (const pid of pids) { try { process.kill(pid, 'SIGTERM'); } catch {} }
  const started = Date.now();
  const timer = setInterval(() => {
    const left = [...pids].filter(alive);
    if (left.length === 0 || Date.now() - started > 5000) {
      for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch {} }
      clearInterval(timer);
      for (const dir of dirs) { try { rmSync(dir, { recursive: true, force: true }); } catch {} }
      process.exit(0);
    }
  }, 100);
};
process.stdin.on('end', reap);
process.stdin.on('error', reap);
`;

const live = new Set<ChildProcess>();
let reaper: ChildProcess | undefined;
let exitHookInstalled = false;

function tellReaper(line: string): void {
  if (!reaper || reaper.exitCode !== null) {
    // Own session (detached) so a Ctrl-C on the terminal does not kill the reaper first.
    reaper = spawn(process.execPath, ['-e', REAPER_SOURCE], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { PATH: process.env.PATH ?? '' },
    });
    // Neither the reaper nor its pipe may keep our event loop alive.
    reaper.unref();
    (reaper.stdin as Socket | null)?.unref();
    reaper.stdin?.on('error', () => {});
    for (const child of live) if (child.pid) reaper.stdin?.write(`+${child.pid}\n`);
  }
  reaper.stdin?.write(`${line}\n`);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGTERM');
  });
}

/** Registers a freshly spawned child so it dies with us. */
export function adoptChild(child: ChildProcess): void {
  if (!child.pid) return;
  installExitHook();
  live.add(child);
  tellReaper(`+${child.pid}`);
  const pid = child.pid;
  child.once('exit', () => {
    live.delete(child);
    tellReaper(`-${pid}`);
  });
}

/** A throwaway folder the reaper deletes if we die without cleaning up; `forget()` undoes that. */
export function deleteIfOrphaned(dir: string): { forget(): void } {
  tellReaper(`D${dir}`);
  return { forget: () => tellReaper(`d${dir}`) };
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves once it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Keeps the last lines a child printed (for error messages) and forwards them when verbose.
 * Reading the pipes also matters on its own: a full, unread pipe blocks the child.
 */
export function collectOutput(child: ChildProcess, name: string, verbose: boolean): () => string {
  const lines: string[] = [];
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (verbose) for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    lines.push(...text.split('\n').filter((l) => l.trim()));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => lines.join('\n');
}

/** An Error if the child already died (or failed to spawn), for `waitUntil`'s abort hook. */
export function deathWatcher(child: ChildProcess, name: string, output: () => string): () => Error | undefined {
  let spawnError: Error | undefined;
  // A listener must exist: an unhandled 'error' (e.g. `java` not found) would crash the host.
  child.on('error', (e) => {
    spawnError = e;
  });
  return () => {
    if (spawnError) return new Error(`${name} could not start: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      return new Error(`${name} exited (${child.exitCode ?? child.signalCode}) during startup:\n${output()}`);
    }
    return undefined;
  };
}
