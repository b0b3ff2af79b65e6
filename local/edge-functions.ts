// Runs the CloudFront Functions from infra/edge/ in this process, exactly as written, so the local
// server rewrites paths and forwards hosts and session cookies the way CloudFront does in AWS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EdgeRequest {
  uri: string;
  method: string;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
  querystring: Record<string, { value: string }>;
}
type EdgeFunction = (event: { request: EdgeRequest; viewer?: { ip: string } }) => EdgeRequest;

function load(file: string, replacements: Record<string, string> = {}): EdgeFunction {
  let code = readFileSync(fileURLToPath(new URL(`../infra/edge/${file}`, import.meta.url)), 'utf8');
  for (const [from, to] of Object.entries(replacements)) code = code.replaceAll(from, to);
  return new Function(`${code}\nreturn handler;`)() as EdgeFunction;
}

export function loadEdgeFunctions(dashboardHost: string) {
  return {
    site: load('site-viewer-request.js', { __DASHBOARD_HOST__: dashboardHost }),
    api: load('api-viewer-request.js'),
  };
}

/** Node's incoming request → the CloudFront Functions event shape. */
export function toEdgeRequest(method: string, url: URL, headers: Record<string, string | string[] | undefined>): EdgeRequest {
  const edgeHeaders: EdgeRequest['headers'] = {};
  const cookies: EdgeRequest['cookies'] = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'cookie') continue;
    edgeHeaders[name] = { value: Array.isArray(value) ? value.join(',') : value };
  }
  const cookieHeader = headers.cookie;
  for (const part of (Array.isArray(cookieHeader) ? cookieHeader.join('; ') : (cookieHeader ?? '')).split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = { value: part.slice(eq + 1).trim() };
  }
  const querystring: EdgeRequest['querystring'] = {};
  for (const [k, v] of url.searchParams) querystring[k] = { value: v };
  return { uri: url.pathname, method, headers: edgeHeaders, cookies, querystring };
}
