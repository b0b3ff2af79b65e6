// fast-check arbitraries of hostile input, shaped by a route's zod schemas: a valid sample request
// mutated (fields dropped, added, retyped, stuffed with huge, unicode, control-character, traversal
// or prototype-polluting values, nested deep), raw bodies that are not JSON or not declared as JSON,
// and path parameters the schema refuses. The schema itself is the oracle: only inputs it rejects
// are kept, so every one must be answered with a 4xx.
import fc from 'fast-check';
import type * as z from 'zod/mini';
import type { RouteDef } from '../../shared/routes.ts';
import { paramNames } from './route-samples.ts';

export interface HostileRequest {
  kind: string;
  params: Record<string, string>;
  /** Insert the params into the path as they are (malformed escapes, dot segments), not percent-encoded. */
  rawParams?: boolean;
  /** Raw text as sent; undefined = no body. */
  body?: string;
  contentType?: string;
  query: Record<string, string>;
}

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];

/** Hostile strings short enough for a URL (CloudFront refuses URLs over 8 KB before Portico sees them). */
const urlString = fc.oneof(
  fc.constantFrom(
    '../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2f',
    '/absolute/path.jpg',
    '\u0000',
    'a\u0000b',
    '\r\nSet-Cookie: x=1',
    // Text that could break into a mail header, or start a formula on a new line of a CSV cell.
    'Studio\r\nBcc: attacker@evil.example',
    'Bob\r=1+1',
    'line\u2028break',
    'para\u2029break',
    'next\u0085line',
    'tab\there',
    '\u202eexe.jpg',
    '\ud800',
    '💥'.repeat(50),
    '<script>alert(1)</script>',
    "' OR '1'='1",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
    '${jndi:ldap://127.0.0.1/x}',
    '{{constructor.constructor("return 1")()}}',
    '',
    ' ',
    'NaN',
    'null',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 300, max: 1200 }).map((n) => 'x'.repeat(n)),
);

/** Hostile strings for bodies, up to past the 64 KB body limit. */
const nastyString = fc.oneof(
  urlString,
  fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.constant('é'.repeat(40_000)),
);

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Any JSON value, hostile ones first. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1e308, -0, 2 ** 53 + 1)),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.integer({ min: 20, max: 3000 }).map((d) => nested(d, 'deep')),
);

type Path = (string | number)[];

/** Every place in a JSON value, containers included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A key added as an own property, even `__proto__` (a plain assignment would set the prototype). */
function withKey(root: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const step of path) node = node[step] as Record<string | number, unknown>;
  if (node && typeof node === 'object' && !Array.isArray(node))
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const rejects = (schema: z.ZodMiniType | undefined, value: unknown) => schema !== undefined && !schema.safeParse(value).success;

function bodyMutations(route: RouteDef, sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  const objectPaths: Path[] = [
    [],
    ...paths.filter((p) => {
      let node: unknown = sample;
      for (const step of p) node = (node as Record<string | number, unknown>)[step];
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    }),
  ];
  const options: fc.Arbitrary<unknown>[] = [
    hostileValue, // the whole body is something else
    fc
      .tuple(
        fc.constantFrom(...objectPaths),
        fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
        hostileValue,
      )
      .map(([path, key, value]) => withKey(sample, path, key, value)),
  ];
  if (paths.length) {
    options.push(fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => setAt(sample, path, value)));
    options.push(fc.constantFrom(...paths).map((path) => setAt(sample, path, undefined, true)));
  }
  return fc.oneof(...options).filter((body) => rejects(route.body, body));
}

const notJson = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", '\ufeff{}', '{"a":1}{"b":2}', 'NaN', 'undefined', '{"a":"\\x00"}', '"'),
  fc.string({ maxLength: 30 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

const foreignContentType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
  'text/json',
);

const junkQuery = fc.dictionary(
  // The paged lists' own keys too, so hostile page sizes and cursors are among what is sent.
  fc.oneof(fc.constantFrom(...POLLUTING_KEYS, 'galleryId', 'studioId', 'limit', 'cursor'), fc.string({ maxLength: 8 })),
  urlString,
  {
    maxKeys: 3,
  },
);

/** Hostile variants of one valid request to `route` (its sample params and body). */
export function hostileRequests(route: RouteDef, sample: { params: Record<string, string>; body: unknown }): fc.Arbitrary<HostileRequest> {
  const asJson = (body: unknown) => JSON.stringify(body) ?? 'null';
  const sampleBody = route.body ? asJson(sample.body) : undefined;
  const kinds: fc.Arbitrary<HostileRequest>[] = [];
  const base = { params: sample.params, query: {} };
  if (route.body) {
    kinds.push(
      fc.tuple(bodyMutations(route, sample.body), junkQuery).map(([body, query]) => ({
        ...base,
        kind: 'body',
        body: asJson(body),
        contentType: 'application/json',
        query,
      })),
      notJson.map((body) => ({ ...base, kind: 'not json', body, contentType: 'application/json' })),
      foreignContentType.map((contentType) => ({ ...base, kind: 'content type', body: sampleBody, contentType })),
      fc.constant({ ...base, kind: 'no body' }),
    );
  }
  const names = paramNames(route);
  if (names.length && route.params) {
    const params = fc
      .tuple(fc.constantFrom(...names), urlString)
      .map(([name, value]) => ({ ...sample.params, [name]: value }))
      .filter((params) => rejects(route.params, params));
    const withBody = sampleBody === undefined ? {} : { body: sampleBody, contentType: 'application/json' };
    const rawParams = fc
      .tuple(fc.constantFrom(...names), fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%C0%AF', '%2e%2e', '..', '.', '%252e%252e', '%ff'))
      .map(([name, value]) => ({ ...sample.params, [name]: value }));
    kinds.push(
      fc.tuple(params, junkQuery).map(([params, query]) => ({ kind: 'path', params, query, ...withBody })),
      rawParams.map((params) => ({ kind: 'raw path', params, rawParams: true, query: {}, ...withBody })),
    );
  }
  if (route.query) {
    const schema = route.query;
    kinds.push(
      junkQuery
        .filter((query) => rejects(schema, query))
        .map((query) => ({
          ...base,
          kind: 'query',
          query,
          ...(sampleBody === undefined ? {} : { body: sampleBody, contentType: 'application/json' }),
        })),
    );
  }
  // A route that takes no input can only be sent junk it should ignore.
  const ignored = fc.tuple(junkQuery, fc.option(notJson)).map(([query, body]) => ({
    ...base,
    kind: 'ignored',
    query,
    ...(body === null ? {} : { body, contentType: 'application/json' }),
  }));
  return kinds.length ? fc.oneof(...kinds) : ignored;
}

/** Percent-encodes a path segment, even one holding a lone surrogate (which encodeURIComponent refuses). */
export const encodeSegment = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** Routes whose every input is valid (no body, no params, no query): nothing to reject. */
export const takesNoInput = (route: RouteDef) => !route.body && !route.query && paramNames(route).length === 0;
