// Runs async work a few at a time, like a pool: a slow item holds up no other (a batch of
// Promise.all waits for its slowest), and the stack is never sent more than `size` at once.

/** `fn` over every item, at most `size` at a time; the results in the items' order. */
export async function pooled<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}
