// The one paging mechanism of every list route: the query it takes (`limit`, `cursor`), the field it
// answers (`nextCursor`), and the cursor's codec. A list that grows with use (comments, clients,
// galleries) must answer in bounded pages: one unbounded answer took 3.44 MB for 3,000 comments, and
// Lambda refuses a response over 6 MB. Zod only (no SDK), so every handler's bundle may take it;
// the DynamoDB side is queryPage in shared/data/db.ts.
import * as z from 'zod/mini';

/** Items a page holds when the caller asks for no size, and the most it may ask for. */
export const PAGE_SIZE = { default: 50, max: 100 } as const;

/** A cursor is the key of the last item a page held; a key is a few hundred characters at most. */
const MAX_CURSOR_LENGTH = 1024;

/**
 * The key a cursor carries, or null when the text is not one: base64url of a JSON object whose
 * values are all strings (a table key). What partition it names is checked by queryPage.
 */
export function decodeCursor(text: string): Record<string, string> | null {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!key || typeof key !== 'object' || Array.isArray(key)) return null;
    const entries = Object.entries(key);
    if (entries.length === 0 || entries.some(([, v]) => typeof v !== 'string')) return null;
    return Object.fromEntries(entries) as Record<string, string>;
  } catch {
    return null;
  }
}

export const encodeCursor = (key: Record<string, unknown>): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Opaque to callers: they pass back what `nextCursor` said, never build one. */
export const Cursor = z
  .string()
  .check(z.refine((s) => decodeCursor(s) !== null, { error: 'is not a cursor this API gave out; start again from the first page' }));

/** 1 to 100 as the query string carries it (digits only, no sign, no leading zero), then a number. */
const PageLimit = z.pipe(
  z.string().check(z.regex(/^(?:[1-9][0-9]?|100)$/, { error: `must be a whole number from 1 to ${PAGE_SIZE.max}` })),
  z.transform((s) => Number(s)),
);

/**
 * The query of every list route. Strict, as params and bodies are: a misspelt `limt` is an error,
 * not a silent default.
 */
export const PageQuery = z.strictObject({ limit: z.optional(PageLimit), cursor: z.optional(Cursor) });
export type PageQuery = z.output<typeof PageQuery>;

/** What a list route's answer adds to its list: the cursor of the next page, null on the last. */
export const pageFields = { nextCursor: z.nullable(z.string()) };

/** A page as the data modules return it: the items, and where the next page starts. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The page a request asks for, its size defaulted: what the domain hands to a data module. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

export const pageRequest = (query: PageQuery | undefined): PageRequest => ({
  limit: query?.limit ?? PAGE_SIZE.default,
  ...(query?.cursor ? { cursor: query.cursor } : {}),
});
