// SES v2 as aws-ses-v2-local, in-process: an HTTP catcher that keeps every mail in memory.
// Its store is module-global, so two LocalServices in one process would share one mailbox.
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { LOOPBACK } from './ports.ts';

// CommonJS with exports.default: Node's ESM import and vitest's interop disagree on what a default
// import yields, so take the exports object the same way in both.
const sesLocal = createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** ISO 8601; aws-ses-v2-local records whole seconds. */
  date: string;
}

export interface SesService {
  readonly endpoint: string;
  mailbox: { list(): Promise<CaughtMail[]>; clear(): Promise<void> };
  stop(): Promise<void>;
}

/** The shape GET /store answers with (only the fields we read). */
interface StoredEmail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function startSes(opts: { port?: number }): Promise<SesService> {
  const server: Server = await sesLocal.default({ host: LOOPBACK, port: opts.port ?? 0 });
  // It resolves even when listen failed (the error goes to the callback it ignores).
  if (!server.listening) throw new Error(`SES catcher could not listen on ${LOOPBACK}:${opts.port ?? 0}`);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('SES catcher has no TCP address');
  const endpoint = `http://${LOOPBACK}:${address.port}`;

  const mailbox = {
    async list(): Promise<CaughtMail[]> {
      const res = await fetch(`${endpoint}/store`);
      if (!res.ok) throw new Error(`SES catcher GET /store answered ${res.status}`);
      const { emails } = (await res.json()) as { emails: StoredEmail[] };
      // The store appends; reversing (rather than sorting on whole-second timestamps) keeps
      // the order of mails sent within the same second.
      return emails
        .map((m) => ({
          to: m.destination.to,
          from: m.from,
          subject: m.subject,
          text: m.body.text ?? '',
          html: m.body.html ?? '',
          date: new Date(m.at * 1000).toISOString(),
        }))
        .reverse();
    },
    async clear(): Promise<void> {
      const res = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!res.ok) throw new Error(`SES catcher POST /clear-store answered ${res.status}`);
    },
  };

  return {
    endpoint,
    mailbox,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
