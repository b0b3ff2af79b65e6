// The whole portal on one machine: local AWS services, the environment the handlers read, demo
// data, and the local front door. Used by `npm start` and by the test suite's global setup.
import type { Server } from 'node:http';
import { createObjectEventDispatcher, type ObjectEventDispatcher } from './object-events.ts';
import { startLocalSchedules } from './schedules.ts';
import { ensureLocalSealKey } from './seal-key.ts';
import { DEMO, seedDemo } from './seed.ts';
import { startLocalServer } from './server.ts';
import { REGION } from './services/constants.ts';
import { type LocalDns, startLocalDns } from './services/dns.ts';
import { type LocalServices, type LocalServicesOptions, startLocalServices } from './services/index.ts';
import { createJwtAuthorizer } from './services/jwt-authorizer.ts';
import { type StripeStandIn, startStripeStandIn } from './stripe-stand-in.ts';
import { ensureLocalVaultKey } from './vault-key.ts';
import { type LocalSockets, startLocalSockets } from './websocket.ts';

export interface PorticoStackOptions extends LocalServicesOptions {
  /** Port of the portal (dashboard on localhost:<port>, portals on <slug>.localhost:<port>). */
  port: number;
  /** Create the demo studio on first start. */
  seed?: boolean;
  /** Port of the Stripe stand-in (STRIPE_API_BASE); unset, a free one. */
  stripePort?: number;
  /**
   * When the stand-in's delayed payments (SEPA test IBANs) settle by themselves, in ms; null: only
   * when asked (`POST /_stand-in/sessions/<id>/settle`). Default 3000.
   */
  stripeSettleMs?: number | null;
}

export interface PorticoStack {
  services: LocalServices;
  /** The DNS stand-in custom domains are checked against (DNS_SERVERS points here). */
  dns: LocalDns;
  /** Runs the object-event handlers (image pipeline, ZIP worker) for objects the local S3 stores. */
  objectEvents: ObjectEventDispatcher;
  server: Server;
  /** The WebSocket API and its management API stand-in (live updates on /ws). */
  sockets: LocalSockets;
  /** The Stripe stand-in the handlers' Stripe SDK talks to (STRIPE_API_BASE is its url). */
  stripe: StripeStandIn;
  port: number;
  env: Record<string, string>;
  dashboardUrl: string;
  portalUrl(slug: string): string;
  seeded: boolean;
  stop(): Promise<void>;
}

export const LOCAL_DOMAIN = 'localhost';

export async function startPorticoStack(opts: PorticoStackOptions): Promise<PorticoStack> {
  // S3 → Lambda: every object stored locally goes to the handlers shared/events.ts routes it to.
  const objectEvents = createObjectEventDispatcher({ region: REGION });
  const services = await startLocalServices({ ...opts, onObjectCreated: (notice) => objectEvents.dispatch(notice) });
  const dns = await startLocalDns();
  let sockets: LocalSockets | undefined;
  let stripe: StripeStandIn | undefined;
  try {
    sockets = await startLocalSockets({ dashboardHost: LOCAL_DOMAIN });
    // Stripe cannot run here: its stand-in speaks the slice of its API the invoices use, serves the
    // embedded Checkout page the portal frames and sends the signed webhooks (local/stripe-stand-in.ts).
    stripe = await startStripeStandIn({ port: opts.stripePort, delayedSettleMs: opts.stripeSettleMs });
    const env: Record<string, string> = {
      ...services.env,
      PORTAL_DOMAIN: LOCAL_DOMAIN,
      PUBLIC_SCHEME: 'http',
      PUBLIC_PORT: String(opts.port),
      MAIL_FROM: 'no-reply@portico.localhost',
      // Anyone may sign up locally (the tests sign studios up); deployments default to closed.
      SIGNUP_MODE: process.env.SIGNUP_MODE ?? 'open',
      // The demo studio's owner is the local deployment's operator: Settings → Plan sets any studio's plan.
      OPERATOR_EMAILS: process.env.OPERATOR_EMAILS ?? DEMO.owner.email,
      DEFAULT_PLAN: process.env.DEFAULT_PLAN ?? 'starter',
      // Custom domains: checked against the DNS stand-in, their CDN tenants faked (CloudFront cannot run here).
      DNS_SERVERS: `127.0.0.1:${dns.port}`,
      CDN_TENANTS: 'fake',
      // Live updates: PostToConnection goes to the management API stand-in; the socket's $connect
      // checks tokens against cognito-local's pools (in AWS, Cognito's issuer).
      SOCKETS_ENDPOINT: sockets.endpoint,
      COGNITO_ISSUER_BASE: services.endpoints.cognito,
      // The seal that signs completed releases: a file in the data folder, made on first start.
      SEAL_KEY_FILE: ensureLocalSealKey(services.dataDir),
      // Payments: the Stripe SDK goes to the stand-in; the studios' Stripe secrets are sealed under a
      // master key in the data folder (in AWS, the KMS key of PAYMENTS_KEY_ID).
      STRIPE_API_BASE: stripe.url,
      VAULT_KEY_FILE: ensureLocalVaultKey(services.dataDir),
      POWERTOOLS_SERVICE_NAME: 'portico',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    };
    // The handlers run in this process and read their configuration from the environment, as in Lambda.
    Object.assign(process.env, env);
    const seeded = opts.seed ? await seedDemo({ stripe, port: opts.port }) : false;
    const server = await startLocalServer({
      port: opts.port,
      dashboardHost: LOCAL_DOMAIN,
      storageOrigin: new URL(services.endpoints.s3).origin,
      authorizers: { studio: createJwtAuthorizer(services.pools.studio), client: createJwtAuthorizer(services.pools.client) },
      mailbox: services.mailbox,
      dns,
      checkoutFrameOrigin: stripe.url,
    });
    sockets.attach(server);
    // EventBridge schedules (shared/schedules.ts): each job on a timer.
    const schedules = startLocalSchedules();
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    return {
      services,
      dns,
      objectEvents,
      server,
      sockets,
      stripe,
      port,
      env,
      seeded,
      dashboardUrl: `http://${LOCAL_DOMAIN}:${port}/`,
      portalUrl: (slug) => `http://${slug}.${LOCAL_DOMAIN}:${port}/`,
      async stop() {
        schedules.stop();
        await sockets?.stop();
        await stripe?.close();
        await new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
        await objectEvents.stop();
        await dns.stop();
        await services.stop();
      },
    };
  } catch (e) {
    await sockets?.stop();
    await stripe?.close();
    await dns.stop();
    await objectEvents.stop();
    await services.stop();
    throw e;
  }
}
