// Following a list route's pages. Every list route answers a bounded page and `nextCursor` (null on
// the last); where a screen needs the whole list (a comment thread, the client picker, a tab's
// table) it follows the cursors here, so each answer on the wire stays small however long the list.

import type { RouteId } from '../../../shared/routes.ts';
import { type CallInput, call } from './api.ts';
import type { Ok } from './types.ts';

/** The routes that answer in pages. */
type Paged = { [R in RouteId]: Ok<R> extends { nextCursor: string | null } ? R : never }[RouteId];
/** The list field of a paged route's answer (`comments`, `clients`, …). */
type ListKey<R extends Paged> = { [K in keyof Ok<R>]: Ok<R>[K] extends unknown[] ? K : never }[keyof Ok<R>];

/** A screen needs at most this many pages of a list (100 items each): a guard against a cursor loop. */
const MAX_PAGES = 200;

/** Every item of a paged list, page after page, in the order the pages came. */
export async function callAll<R extends Paged, K extends ListKey<R>>(
  id: R,
  key: K,
  input: Omit<CallInput<R>, 'query'> = {} as Omit<CallInput<R>, 'query'>,
): Promise<Ok<R>[K]> {
  const all: unknown[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < MAX_PAGES; n++) {
    const query: { limit: string; cursor?: string } = { limit: '100', ...(cursor ? { cursor } : {}) };
    // The route id decides the input's shape; the query is the one every paged route takes.
    const page = (await (call as (id: RouteId, input: unknown) => Promise<unknown>)(id, { ...input, query })) as Ok<R>;
    all.push(...(page[key] as unknown[]));
    cursor = (page as { nextCursor: string | null }).nextCursor;
    if (!cursor) break;
  }
  return all as Ok<R>[K];
}

/** Every client of the studio, the latest invited first (each page is sorted; the union is sorted again). */
export const allClients = () =>
  callAll('listClients', 'clients').then((clients) => ({ clients: clients.sort((a, b) => b.invitedAt.localeCompare(a.invitedAt)) }));
