// What a route is. Each feature lists its routes (shared/features/<feature>/routes.ts) with
// `route()`; shared/routes.ts merges them into the one table the CDK API, the local server, the
// OpenAPI document and the isolation tests are generated from.
import type * as z from 'zod/mini';
import type { Entitlement } from './features/plans/constants.ts';
import type { Role } from './features/studios/constants.ts';

export type Auth = 'public' | 'studio' | 'client';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Where a route may be called from: the studio dashboard host, a studio's portal host, or either. */
export type Host = 'dashboard' | 'portal' | 'any';
/**
 * What a Lambda may touch: the CDK grants exactly these (least privilege). 'cdn:tenants' is the
 * custom domains' CloudFront distribution tenants (create, read, disable, delete) and nothing else.
 */
export type Grant =
  | 'table:read'
  | 'table:write'
  | 'bucket:read'
  | 'bucket:write'
  | 'mail:send'
  | 'studioPool:admin'
  | 'clientPool:admin'
  | 'cdn:tenants'
  /** Send to (and close) open WebSocket connections: live updates (shared/features/live). */
  | 'sockets:post'
  /** Read the deployment's seal key (the certificate that signs completed releases' PDFs), and nothing else of the secrets. */
  | 'seal:key'
  /** Open the studios' sealed Stripe secrets (the vault's key: KMS Decrypt, GenerateDataKey), and nothing else of the secrets. */
  | 'payments:secrets';

interface BaseRouteDef {
  id: string;
  /** The folder under shared/features/ (and functions/) the route belongs to. */
  feature: string;
  method: Method;
  path: string;
  auth: Auth;
  host: Host;
  summary: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** Success status and body schema: the handler's reply is typed by it and tests check it. */
  ok: { status: number; body?: z.ZodMiniType };
  grants: readonly Grant[];
  /**
   * What the studio's plan must include (shared/features/plans/constants.ts). Only routes that add
   * or change name one: reading what a studio has never needs one, so a downgrade deletes nothing.
   */
  entitlement?: Entitlement;
  /**
   * Only the deployment's operators (OPERATOR_EMAILS) may call it: it acts across studios, e.g. to
   * set a studio's plan. Everyone else gets 403 `operator_only`.
   */
  operator?: true;
  /**
   * `false` keeps a POST's answers from being stored and replayed for a repeated Idempotency-Key
   * (shared/http/idempotency.ts): for a route whose answer opens a session (a replay would hand the
   * same tokens out again) or that creates nothing and answers with short-lived links.
   */
  idempotent?: false;
  /**
   * A Lambda that needs more than the defaults (512 MB, 10 s): memory, time, and folders (from the
   * repository root) it reads at run time, copied into the bundle's root (e.g. fonts).
   */
  bundle?: { memorySize: number; timeoutSeconds: number; assets?: readonly string[] };
}

/** A studio route names the least team role that may call it; the API refuses the others. */
export type RouteDef = BaseRouteDef & ({ auth: 'studio'; role: Role } | { auth: 'public' | 'client'; role?: undefined });

export const route = <const R extends RouteDef>(r: R): R => r;

/** Whether a repeated Idempotency-Key replays a route's stored answer: every POST that does not opt out. */
export const isIdempotent = (r: RouteDef): boolean => r.method === 'POST' && r.idempotent !== false;
