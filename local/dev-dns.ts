// /_dev/dns: the local DNS stand-in's records (local/services/dns.ts). GET /_dev/dns.json lists
// them; POST /_dev/dns with {"name": "portal.theirstudio.localhost", "cname": "<target>"} adds
// or replaces one (a cname of null removes it): what a studio does at its DNS provider. Local only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalDns } from './services/dns.ts';

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

export async function handleDevDns(req: IncomingMessage, res: ServerResponse, dns: LocalDns | undefined): Promise<void> {
  if (!dns) return json(res, 404, { message: 'No local DNS in this run.' });
  if (req.method === 'GET') return json(res, 200, dns.records());
  if (req.method !== 'POST') return json(res, 405, { message: 'GET or POST' });
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  let body: { name?: unknown; cname?: unknown };
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return json(res, 400, { message: 'Send JSON: {"name": "...", "cname": "..."}' });
  }
  if (typeof body.name !== 'string' || !(typeof body.cname === 'string' || body.cname === null))
    return json(res, 400, { message: 'name must be a string, cname a string or null' });
  dns.set(body.name, body.cname ?? undefined);
  return json(res, 200, dns.records());
}
