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
import { type LocalSockets, startLocalSockets } from './websocket.ts';

export interface PorticoStackOptions extends LocalServicesOptions {
  /** Port of the portal (dashboard on localhost:<port>, portals on <slug>.localhost:<port>). */
  port: number;
  /** Create the demo studio on first start. */
  seed?: boolean;
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
  try {
    sockets = await startLocalSockets({ dashboardHost: LOCAL_DOMAIN });
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
      POWERTOOLS_SERVICE_NAME: 'portico',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    };
    // The handlers run in this process and read their configuration from the environment, as in Lambda.
    Object.assign(process.env, env);
    const seeded = opts.seed ? await seedDemo() : false;
    const server = await startLocalServer({
      port: opts.port,
      dashboardHost: LOCAL_DOMAIN,
      storageOrigin: new URL(services.endpoints.s3).origin,
      authorizers: { studio: createJwtAuthorizer(services.pools.studio), client: createJwtAuthorizer(services.pools.client) },
      mailbox: services.mailbox,
      dns,
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
      port,
      env,
      seeded,
      dashboardUrl: `http://${LOCAL_DOMAIN}:${port}/`,
      portalUrl: (slug) => `http://${slug}.${LOCAL_DOMAIN}:${port}/`,
      async stop() {
        schedules.stop();
        await sockets?.stop();
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
    await dns.stop();
    await objectEvents.stop();
    await services.stop();
    throw e;
  }
}
