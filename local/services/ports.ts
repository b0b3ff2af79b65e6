// Port helpers. The Java and cognito-local children need a concrete port before they start
// (cognito-local bakes it into the token issuer), so we ask the OS for a free one first.
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A port that was free a moment ago. There is a tiny race window; fine on a dev machine. */
export function freePort(host = LOOPBACK): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not pick a free port'))));
    });
  });
}

/** Retries `probe` until it resolves or `timeoutMs` passes; `abort` returning an error stops early. */
export async function waitUntil(
  label: string,
  probe: () => Promise<unknown>,
  opts: { timeoutMs?: number; intervalMs?: number; abort?: () => Error | undefined } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let lastError: unknown;
  for (;;) {
    const aborted = opts.abort?.();
    if (aborted) throw aborted;
    try {
      await probe();
      return;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`${label} did not become ready: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}

/** Fails fast with a readable message when a fixed port is already taken. */
export function assertPortFree(port: number, service: string, host = LOOPBACK): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(`Port ${port} for ${service} is not free (${e.code ?? e.message})`)),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
