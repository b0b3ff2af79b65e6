// `npm start`: the whole portal on this machine, no AWS account needed.
//   PORT              portal port (default 3000); the local services take the next four ports,
//                     the Stripe stand-in the fifth (3005)
//   PORTICO_DATA_DIR  where data persists (default .portico/)
//   PORTICO_EPHEMERAL=1 or --ephemeral   throwaway in-memory run, nothing kept (services on free ports)
//   PORTICO_STATE_FILE  when set, the running stack's port and environment are written there as JSON
//                       once it is ready (the test suite starts the portal this way)
//   STRIPE_STAND_IN_SETTLE_MS  when the stand-in's delayed (SEPA) payments settle by themselves, in
//                       ms (default 3000); `manual`: only on POST /_stand-in/sessions/<id>/settle
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO } from './seed.ts';
import { AGENCY } from './seed-agency.ts';
import { startPorticoStack } from './stack.ts';

const port = Number(process.env.PORT ?? 3000);
const ephemeral = process.argv.includes('--ephemeral') || process.env.PORTICO_EPHEMERAL === '1';
const dataDir = ephemeral ? undefined : resolve(process.env.PORTICO_DATA_DIR ?? '.portico');

// Every handler runs in this one process, where in AWS each runs in its own Lambda: a promise one
// invocation leaves rejected (or an error thrown from a callback) would end every other "Lambda"
// with it. Say so loudly, with the stack, and keep the rest of the portal up, as AWS would.
process.on('unhandledRejection', (reason) => {
  console.error('[portico] an unhandled rejection (in AWS it would fail one invocation):', reason);
});
process.on('uncaughtException', (error) => {
  console.error('[portico] an uncaught exception (in AWS it would fail one invocation):', error);
});

function settleMs(raw: string | undefined): number | null | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'manual') return null;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`STRIPE_STAND_IN_SETTLE_MS must be a whole number of ms or manual, not ${raw}`);
  return ms;
}

const started = Date.now();
console.log(`Starting Portico locally (${ephemeral ? 'throwaway in-memory data' : `data in ${dataDir}`}) …`);
const stack = await startPorticoStack({
  port,
  dataDir,
  seed: true,
  ports: ephemeral ? {} : { dynamodb: port + 1, s3: port + 2, cognito: port + 3, ses: port + 4 },
  stripePort: ephemeral ? undefined : port + 5,
  stripeSettleMs: settleMs(process.env.STRIPE_STAND_IN_SETTLE_MS),
  verbose: process.env.PORTICO_VERBOSE === '1',
});

if (process.env.PORTICO_STATE_FILE) {
  writeFileSync(process.env.PORTICO_STATE_FILE, JSON.stringify({ port: stack.port, env: stack.env, pid: process.pid }));
}

const slug = DEMO.studio.slug;
console.log(`
Portico is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)${stack.seeded ? ' with fresh demo data' : ''}.

  Studio dashboard   ${stack.dashboardUrl}
      sign in as     ${DEMO.owner.email} / ${DEMO.owner.password} (Growth; the local operator: Settings → Plan)
${DEMO.team.map((t) => `                     ${t.email} / ${t.password} (${t.role})`).join('\n')}
  Client portal      ${stack.portalUrl(slug)}
      clients        ${DEMO.clients.map((c) => c.email).join(', ')} (sign in by magic link)
  Starter studio     ${DEMO.starter.owner.email} / ${DEMO.starter.owner.password} · portal ${stack.portalUrl(DEMO.starter.studio.slug)}
  Agency studio      ${AGENCY.owner.email} / ${AGENCY.owner.password} (${AGENCY.studio.name}, Growth: projects, deliverables, files)
      its portal     ${stack.portalUrl(AGENCY.studio.slug)} · clients ${AGENCY.contacts.map((c) => c.email).join(', ')} (magic link)
  Sent mail          ${stack.dashboardUrl}_dev/mail   (JSON: ${stack.dashboardUrl}_dev/mail.json)
  API                ${stack.dashboardUrl}api/health · ${stack.dashboardUrl}api/openapi.json

  Local services: DynamoDB Local ${stack.services.endpoints.dynamodb} · S3 (s3rver, signatures checked) ${stack.services.endpoints.s3}
                  Cognito (cognito-local) ${stack.services.endpoints.cognito} · SES ${stack.services.endpoints.ses}
                  Stripe stand-in ${stack.stripe.url} (add an account: POST ${stack.stripe.url}/_stand-in/accounts)

Press Ctrl-C to stop.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Portico …');
  await stack.stop().catch((e) => console.error(e));
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
