// A front for s3rver that checks requests as S3 does: s3rver stores and lists, but accepts any
// signature, a changed key, an unsigned GET and anonymous listings, so no local test could catch a
// presign bug. Every request but a CORS preflight must carry a SigV4 signature (Authorization
// header or presigned query) that AWS's own signer (@smithy/signature-v4) recomputes from the
// request as received: method, path (the key), query, signed headers, payload hash, within its
// lifetime. A body declared by x-amz-content-sha256 or an x-amz-checksum-* header or query
// parameter is hashed as it arrives (spooled to disk, never held in memory) and refused, before
// s3rver sees it, when it does not match. Refusals are S3's XML errors.
import { createHash, createHmac, type Hash, type Hmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, HttpRequest, SourceData } from '@smithy/types';

export interface S3FrontOptions {
  /** Where s3rver listens. */
  upstream: { host: string; port: number };
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
}

/** Node's SHA-256 and HMAC-SHA-256 as the signer's hash (what @smithy/hash-node does). */
class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  private readonly secret: SourceData | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret;
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const bytes = (data: SourceData): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

class S3Error extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MAX_EXPIRES_S = 7 * 24 * 3600;
/** S3 refuses a header-signed request dated more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60_000;

/** Checksums S3 verifies against the body: x-amz-checksum-<name>, base64 of the digest. */
const CHECKSUMS: Record<string, () => { update(b: Buffer): void; digest(): Buffer }> = {
  crc32: () => {
    let value = 0;
    return {
      update: (b) => {
        value = crc32(b, value);
      },
      digest: () => {
        const out = Buffer.alloc(4);
        out.writeUInt32BE(value >>> 0);
        return out;
      },
    };
  },
  sha1: () => createHash('sha1'),
  sha256: () => createHash('sha256'),
};
const CHECKSUM_LABEL: Record<string, string> = { crc32: 'CRC32', sha1: 'SHA1', sha256: 'SHA256', crc32c: 'CRC32C', crc64nvme: 'CRC64NVME' };

/** S3's encoding of a path segment or query part (RFC 3986 unreserved kept). */
const escapeUri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

/** The query as S3 reads it: names and values percent-decoded ('+' is a plus), repeated names kept. */
function parseQuery(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const name = decode(at < 0 ? pair : pair.slice(0, at));
    const value = at < 0 ? '' : decode(pair.slice(at + 1));
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** x-amz-date / X-Amz-Date (YYYYMMDDTHHMMSSZ) as a Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

const sameSignature = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

interface Checked {
  /** Payload hash the signature covers (hex), when S3 would verify the body against it. */
  sha256?: string;
  /** Checksums the request declares (header or hoisted query parameter), by algorithm. */
  checksums: Record<string, string>;
}

export function createS3Front(opts: S3FrontOptions): { server: Server; close(): Promise<void> } {
  const signer = new SignatureV4({
    credentials: opts.credentials,
    region: opts.region,
    service: 's3',
    sha256: Sha256,
    // S3 signs the path as sent, encoded once (the SDK's S3 signer does the same).
    uriEscapePath: false,
  });
  let spoolDir: Promise<string> | undefined;

  /** The request as the signer sees it: only the headers the client signed. */
  function signable(req: IncomingMessage, path: string, query: Record<string, string | string[]>, signedHeaders: string[]): HttpRequest {
    const headers: Record<string, string> = {};
    for (const name of signedHeaders) {
      const value = req.headers[name];
      if (value === undefined) throw new S3Error(403, 'SignatureDoesNotMatch', `Signed header ${name} is missing from the request.`);
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const host = req.headers.host ?? '';
    return {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: host.replace(/:\d+$/, ''),
      path,
      query,
      headers,
    } as HttpRequest;
  }

  function scopeOf(credential: string | undefined, date: Date, form: 'header' | 'query'): { region: string } {
    const malformed = form === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError';
    const parts = credential?.split('/') ?? [];
    if (parts.length !== 5 || parts[4] !== 'aws4_request') throw new S3Error(400, malformed, 'The credential is malformed.');
    const [accessKeyId, day, region, service] = parts as [string, string, string, string];
    if (accessKeyId !== opts.credentials.accessKeyId)
      throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (day !== date.toISOString().slice(0, 10).replace(/-/g, ''))
      throw new S3Error(400, malformed, 'The credential date does not match the request date.');
    if (region !== opts.region || service !== 's3')
      throw new S3Error(400, malformed, `The credential scope must be ${opts.region}/s3, not ${region}/${service}.`);
    return { region };
  }

  async function verify(req: IncomingMessage): Promise<Checked> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    // The key as S3 reads it: decoded, then signed in S3's single encoding.
    const path = (q < 0 ? url : url.slice(0, q))
      .split('/')
      .map((segment) => escapeUri(decode(segment)))
      .join('/');
    const query = parseQuery(q < 0 ? '' : url.slice(q + 1));
    const checksums: Record<string, string> = {};
    // Creating or completing a multipart upload: a checksum there is the whole object's, not the body's.
    const multipartControl = req.method === 'POST' && ('uploads' in query || 'uploadId' in query);
    for (const [name, value] of multipartControl ? [] : [...Object.entries(req.headers), ...Object.entries(query)]) {
      const m = name.toLowerCase().match(/^x-amz-checksum-([a-z0-9]+)$/);
      const v = single(value as string | string[] | undefined);
      if (m?.[1] && m[1] !== 'type' && m[1] !== 'mode' && m[1] !== 'algorithm' && v !== undefined) checksums[m[1]] = v;
    }
    const authorization = req.headers.authorization;
    const presigned = single(query['X-Amz-Signature']);

    if (authorization !== undefined && presigned !== undefined)
      throw new S3Error(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
      );
    if (authorization !== undefined) {
      if (!authorization.startsWith(`${ALGORITHM} `))
        throw new S3Error(
          400,
          'InvalidRequest',
          'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
        );
      const fields = Object.fromEntries(
        authorization
          .slice(ALGORITHM.length + 1)
          .split(',')
          .map((f) => f.trim().split('=', 2) as [string, string]),
      );
      const signedHeaders = fields.SignedHeaders?.split(';') ?? [];
      const given = fields.Signature ?? '';
      const date = parseAmzDate(single(req.headers['x-amz-date']));
      if (!date || !signedHeaders.includes('host') || !given)
        throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
      const payloadHash = single(req.headers['x-amz-content-sha256']);
      if (!payloadHash || !signedHeaders.includes('x-amz-content-sha256'))
        throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
      if (Math.abs(Date.now() - date.getTime()) > MAX_SKEW_MS)
        throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
      const { region } = scopeOf(fields.Credential, date, 'header');
      const signed = await signer.sign(signable(req, path, query, signedHeaders), {
        signingDate: date,
        signingRegion: region,
        signableHeaders: new Set(signedHeaders),
      });
      const expected = String(signed.headers.authorization).match(/Signature=([0-9a-f]+)/)?.[1] ?? '';
      const expectedHeaders = String(signed.headers.authorization).match(/SignedHeaders=([^,]+)/)?.[1];
      if (!sameSignature(expected, given) || expectedHeaders !== signedHeaders.join(';'))
        throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      const verifiable = /^[0-9a-f]{64}$/.test(payloadHash);
      return { sha256: verifiable ? payloadHash : undefined, checksums };
    }

    if (presigned !== undefined) {
      const param = (name: string) => single(query[name]);
      const date = parseAmzDate(param('X-Amz-Date'));
      const expires = Number(param('X-Amz-Expires'));
      const signedHeaders = param('X-Amz-SignedHeaders')?.split(';') ?? [];
      if (param('X-Amz-Algorithm') !== ALGORITHM || !date || !Number.isInteger(expires) || expires < 1 || !signedHeaders.includes('host'))
        throw new S3Error(
          400,
          'AuthorizationQueryParametersError',
          'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
        );
      if (expires > MAX_EXPIRES_S)
        throw new S3Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be less than a week (in seconds) that is 604800');
      const { region } = scopeOf(param('X-Amz-Credential'), date, 'query');
      if (Date.now() > date.getTime() + expires * 1000) throw new S3Error(403, 'AccessDenied', 'Request has expired');
      if (date.getTime() - Date.now() > MAX_SKEW_MS) throw new S3Error(403, 'AccessDenied', 'Request is not valid yet');
      const request = signable(req, path, query, signedHeaders);
      // A body the signer cannot hash: it signs UNSIGNED-PAYLOAD, as S3 does for every presigned URL.
      request.body = { unsigned: true };
      const signed = await signer.presign(request, {
        signingDate: date,
        expiresIn: expires,
        signingRegion: region,
        signableHeaders: new Set(signedHeaders),
        unhoistableHeaders: new Set(signedHeaders),
      });
      const expected = single(signed.query?.['X-Amz-Signature'] as string | string[] | undefined) ?? '';
      if (!sameSignature(expected, presigned) || signed.query?.['X-Amz-SignedHeaders'] !== signedHeaders.join(';'))
        throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      return { checksums };
    }

    throw new S3Error(403, 'AccessDenied', 'Access Denied');
  }

  /** The body on disk, hashed on the way; refused if it does not match what the request declares. */
  async function spool(req: IncomingMessage, checked: Checked): Promise<{ file: string; size: number }> {
    spoolDir ??= mkdtemp(join(tmpdir(), 'portico-s3-front-'));
    const file = join(await spoolDir, randomUUID());
    const sha256 = checked.sha256 ? createHash('sha256') : undefined;
    const sums = Object.keys(checked.checksums).map((name) => {
      const make = CHECKSUMS[name];
      if (!make) throw new S3Error(400, 'InvalidRequest', `The ${CHECKSUM_LABEL[name] ?? name} checksum is not supported by the local S3.`);
      return { name, hash: make() };
    });
    try {
      await pipeline(
        req,
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            sha256?.update(chunk);
            for (const s of sums) s.hash.update(chunk);
            done(null, chunk);
          },
        }),
        createWriteStream(file),
      );
      if (sha256 && sha256.digest('hex') !== checked.sha256)
        throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
      for (const s of sums) {
        const declared = checked.checksums[s.name] ?? '';
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(declared))
          throw new S3Error(400, 'InvalidRequest', `Value for x-amz-checksum-${s.name} header is invalid.`);
        if (s.hash.digest().toString('base64') !== declared)
          throw new S3Error(400, 'BadDigest', `The ${CHECKSUM_LABEL[s.name]} you specified did not match the calculated checksum.`);
      }
      return { file, size: (await stat(file)).size };
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
  }

  function forward(req: IncomingMessage, res: ServerResponse, body?: { file: string; size: number }): Promise<void> {
    const headers = { ...req.headers };
    if (body) {
      delete headers['transfer-encoding'];
      headers['content-length'] = String(body.size);
    }
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { host: opts.upstream.host, port: opts.upstream.port, method: req.method, path: req.url, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
          pipeline(answer, res).then(resolve, reject);
        },
      );
      upstream.on('error', reject);
      if (body) pipeline(createReadStream(body.file), upstream).catch(reject);
      else pipeline(req, upstream).catch(reject);
    });
  }

  function refuse(req: IncomingMessage, res: ServerResponse, e: S3Error): void {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${e.message.replace(/[<&>]/g, '')}</Message><RequestId>${randomUUID()}</RequestId></Error>`;
    const headers: Record<string, string> = { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(xml)) };
    // As S3 does for a bucket with CORS rules: the browser may read the refusal.
    if (req.headers.origin) Object.assign(headers, { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' });
    res.writeHead(e.status, headers);
    res.end(xml);
    // The body the client is still sending is not wanted.
    req.resume();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { file: string; size: number } | undefined;
    try {
      // CORS preflights carry no credentials, on S3 too.
      if (req.method !== 'OPTIONS') {
        const checked = await verify(req);
        const hasBody = (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
        // aws-chunked bodies carry their own signatures and trailers; s3rver does not read them anyway.
        const chunked = /aws-chunked/.test(String(req.headers['content-encoding'] ?? ''));
        const declared =
          Object.keys(checked.checksums).length > 0 || (checked.sha256 !== undefined && (checked.sha256 !== EMPTY_SHA256 || hasBody));
        if (declared && !chunked) body = await spool(req, checked);
      }
      await forward(req, res, body);
    } catch (e) {
      if (e instanceof S3Error) refuse(req, res, e);
      else if (!res.headersSent) refuse(req, res, new S3Error(500, 'InternalError', String((e as Error).message)));
      else res.destroy(e as Error);
    } finally {
      if (body) await rm(body.file, { force: true });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  return {
    server,
    async close() {
      const dir = spoolDir;
      spoolDir = undefined;
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}
