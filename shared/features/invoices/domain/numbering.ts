// Invoice numbers: per studio, in sequence, never skipped. A number is taken in the same transaction
// that writes the invoice (the counter moves from n to n + k only if it is still n), so a number
// exists exactly when its invoice does; a creation that lost the race reads the counter again.
// Within one process the studio's creations queue up, so a burst does not race itself.
import { unavailable } from '../../../errors.ts';
import { NumberTaken, putNumberedInvoices, readCounter, type WriteItem } from '../data.ts';
import type { InvoiceRecord } from '../records.ts';

const ATTEMPTS = 60;
const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after the studio's creations already in flight in this process. */
function queued<T>(studioId: string, fn: () => Promise<T>): Promise<T> {
  const before = queues.get(studioId) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(studioId, tail);
  void tail.then(() => {
    if (queues.get(studioId) === tail) queues.delete(studioId);
  });
  return run;
}

/**
 * Writes the invoices `build` makes from the next free sequence numbers (first, first + 1, …), with
 * the counter, in one transaction; retried with a jittered backoff while other containers win.
 */
export function numbered(
  studioId: string,
  build: (firstSeq: number) => { invoices: InvoiceRecord[]; extras?: WriteItem[] },
): Promise<InvoiceRecord[]> {
  return queued(studioId, async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const last = await readCounter(studioId);
      const { invoices, extras } = build(last + 1);
      try {
        await putNumberedInvoices(studioId, last, invoices, extras);
        return invoices;
      } catch (e) {
        if (!(e instanceof NumberTaken)) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 20 * 2 ** Math.min(attempt, 5))));
      }
    }
    throw unavailable('Invoices are being numbered by many requests at once: please try again.');
  });
}
