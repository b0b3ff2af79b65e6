// The work of bench/pages.ts, in its own process (see runIsolated in bench/lib.ts):
//   node --openssl-legacy-provider bench/pages/measure.ts <results.json>
// Starts the whole local Portico (demo data plus a 2,000-image gallery for the demo client), signs
// the client and the studio in, and per page: bytes shipped by type (Chromium via playwright-core),
// axe-core violations, and a Lighthouse run (mobile, default config) on Debian's Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { DEMO } from '../../local/seed.ts';
import { freePort } from '../../local/services/ports.ts';
import { startPorticoStack } from '../../local/stack.ts';
import { issueSession } from '../../shared/adapters/identity.ts';
import { clientUsername } from '../../shared/features/clients/domain/clients.ts';
import { SESSION_COOKIE } from '../../shared/http/cookies.ts';
import { CHROMIUM, CHROMIUM_FLAGS, launchChromium } from '../../test/support/browser.ts';
import type { BenchResult } from '../lib.ts';
import { seedBigGallery } from './seed.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultFile = process.argv[2];
if (!resultFile) throw new Error('usage: measure.ts <results.json>');
const IMAGES = 2000;
// Lighthouse's default mobile device (Moto G Power), so the byte counts and the scores see the same page.
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

interface PageDef {
  name: string;
  url: string;
  /** The session cookie for the page's host. */
  cookie: string;
  /** Checks the page really rendered what it is about (not a sign-in screen). */
  ready: string;
}

/** Bytes by kind; text is counted gzipped (computed here), images and fonts as they are. */
interface Weight {
  js: number;
  css: number;
  html: number;
  api: number;
  images: number;
  fonts: number;
  other: number;
  total: number;
  requests: number;
  /** Image responses. */
  imageCount: number;
  /** Uncompressed JS. */
  jsRaw: number;
}

const KiB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function ensureSiteBuilt(): Promise<void> {
  if (existsSync(join(root, 'site', 'dist', 'portal', 'index.html'))) return;
  console.log('pages: building the site (npm run build:site)');
  const child = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', 'site', '--silent'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`The site build failed (${code})`);
}

async function studioCookie(dashboardUrl: string): Promise<string> {
  const res = await fetch(new URL('/api/studio/session', dashboardUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.owner.email, password: DEMO.owner.password }),
  });
  if (res.status !== 200) throw new Error(`Studio sign-in failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('Studio sign-in set no session cookie');
  return session.split(';')[0] as string;
}

/** A GET on loopback with the URL's host in the Host header (Node does not resolve *.localhost). */
function getStatus(url: URL, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname, headers: { host: url.host, cookie } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

/**
 * Calls the gallery API until it answers 200 (at most 3 times) and returns each call's time: the
 * first query of a fresh DynamoDB Local is slow, and on a busy machine the 2,000-image answer can
 * come close to the route's 10 s Lambda timeout, where the handler answers 503 instead.
 */
async function warmGalleryApi(portalUrl: string, galleryId: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    const status = await getStatus(new URL(`/api/portal/galleries/${galleryId}`, portalUrl), cookie);
    times.push(performance.now() - started);
    if (status === 200) return times;
  }
  throw new Error(`The gallery API kept failing (${times.map((t) => `${Math.round(t)} ms`).join(', ')})`);
}

async function weigh(browser: Browser, page: PageDef, axeSource: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await weighOnce(browser, page, axeSource);
    } catch (e) {
      // A 503 from a slow API (busy machine) is worth another load; anything else is not.
      if (attempt >= 3 || !(e instanceof Error) || !e.message.includes('503')) throw e;
      console.log(`pages: ${page.name}: ${e.message.split('\n')[0]}; loading again`);
    }
  }
}

async function weighOnce(browser: Browser, page: PageDef, axeSource: string) {
  const url = new URL(page.url);
  const [name, value] = page.cookie.split(/=(.*)/s) as [string, string];
  const context = await browser.newContext({ ...MOBILE });
  try {
    await context.addCookies([{ name, value, url: url.origin, httpOnly: true, sameSite: 'Strict' }]);
    const tab = await context.newPage();
    const weight: Weight = {
      js: 0,
      css: 0,
      html: 0,
      api: 0,
      images: 0,
      fonts: 0,
      other: 0,
      total: 0,
      requests: 0,
      imageCount: 0,
      jsRaw: 0,
    };
    const failedApi: string[] = [];
    const pending: Promise<void>[] = [];
    tab.on('response', (response) => {
      pending.push(
        (async () => {
          const type = response.request().resourceType();
          const body = await response.body().catch(() => Buffer.alloc(0));
          const zipped = () => gzipSync(body).length;
          weight.requests++;
          let bytes: number;
          if (type === 'script') {
            bytes = zipped();
            weight.js += bytes;
            weight.jsRaw += body.length;
          } else if (type === 'stylesheet') weight.css += bytes = zipped();
          else if (type === 'document') weight.html += bytes = zipped();
          else if (type === 'fetch' || type === 'xhr') {
            weight.api += bytes = zipped();
            if (response.status() >= 400) failedApi.push(`${response.status()} ${new URL(response.url()).pathname}`);
          } else if (type === 'image') {
            weight.images += bytes = body.length;
            weight.imageCount++;
          } else if (type === 'font') weight.fonts += bytes = body.length;
          else weight.other += bytes = zipped();
          weight.total += bytes;
        })(),
      );
    });
    await tab.goto(page.url, { waitUntil: 'networkidle' });
    await tab.waitForSelector(page.ready, { timeout: 30_000 }).catch((e: Error) => {
      throw new Error(
        `${page.name} did not render ${page.ready}${failedApi.length ? ` (API: ${failedApi.join(', ')})` : ''}: ${e.message}`,
      );
    });
    await tab.waitForLoadState('networkidle');
    // A lost session would land on the sign-in page, which has headings and scripts too.
    if (tab.url() !== page.url) throw new Error(`${page.name}: ${page.url} ended on ${tab.url()}`);
    await Promise.all(pending);
    if (failedApi.length > 0) throw new Error(`${page.name}: API calls failed: ${failedApi.join(', ')}`);

    // evaluate() is not subject to the page's CSP (script-src 'self'), unlike an injected <script>.
    await tab.evaluate(axeSource);
    const axe = await tab.evaluate(async () => {
      const run = (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }
      ).axe.run;
      const { violations } = await run();
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        nodes: v.nodes.length,
        first: (v.nodes[0] as { target?: string[] } | undefined)?.target?.join(' ') ?? '',
      }));
    });
    return { weight, axe };
  } finally {
    await context.close();
  }
}

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failedAudits: string[];
  /** API calls of the audited load that failed. */
  failedApi: string[];
}

async function audit(port: number, page: PageDef): Promise<LighthouseFigures> {
  const result = await lighthouse(
    page.url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: { Cookie: page.cookie } },
    undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${page.name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  // On a busy machine the page's own API call may have failed (503 near the Lambda timeout).
  const requests = (lhr.audits['network-requests']?.details as { items?: { url: string; statusCode: number }[] } | undefined)?.items ?? [];
  const failedApi = requests
    .filter((r) => r.url.includes('/api/') && r.statusCode >= 400)
    .map((r) => `${r.statusCode} ${new URL(r.url).pathname}`);
  return {
    failedApi,
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    failedAudits: accessibilityFailures,
  };
}

async function main(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium)`);
  await ensureSiteBuilt();
  // Not the demo seed: its 24 pipeline runs cost a minute; seedBigGallery makes the demo studio itself.
  const stack = await startPorticoStack({ port: await freePort(), seed: false });
  let browser: Browser | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const seeded = Date.now();
    const gallery = await seedBigGallery(IMAGES);
    console.log(`pages: seeded ${IMAGES} images in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const portalUrl = stack.portalUrl(DEMO.studio.slug);
    const tokens = await issueSession('client', clientUsername(gallery.studioId, gallery.clientId));
    const clientCookie = `${SESSION_COOKIE}=${tokens.accessToken}`;
    const apiTimes = await warmGalleryApi(portalUrl, gallery.galleryId, clientCookie);
    const pages: PageDef[] = [
      { name: 'client portal home', url: portalUrl, cookie: clientCookie, ready: `a[href="/galleries/${gallery.galleryId}"]` },
      {
        name: `gallery of ${IMAGES.toLocaleString('en-US')} images`,
        url: new URL(`/galleries/${gallery.galleryId}`, portalUrl).href,
        cookie: clientCookie,
        ready: 'img[src*="thumb.webp"]',
      },
      { name: 'studio dashboard', url: stack.dashboardUrl, cookie: await studioCookie(stack.dashboardUrl), ready: 'main h1' },
    ];

    const axeSource = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    browser = await launchChromium();
    const weighed = [];
    for (const page of pages) weighed.push(await weigh(browser, page, axeSource));
    await browser.close();
    browser = undefined;

    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_FLAGS, '--headless=new'] });
    const audits: LighthouseFigures[] = [];
    for (const page of pages) {
      const started = Date.now();
      audits.push(await audit(chrome.port, page));
      console.log(`pages: Lighthouse on ${page.name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const results = report(pages, weighed, audits, gallery.thumbBytes);
    results.push({
      name: `gallery API (${IMAGES} images) before the page loads`,
      value: Math.round(apiTimes.at(-1) as number),
      unit: 'ms',
      note: `calls until 200: ${apiTimes.map((t) => `${Math.round(t)} ms`).join(', ')} (local server, DynamoDB Local)`,
    });
    return results;
  } finally {
    await browser?.close().catch(() => undefined);
    chrome?.kill();
    await stack.stop();
  }
}

function report(
  pages: PageDef[],
  weighed: { weight: Weight; axe: { id: string; impact: string; nodes: number; first: string }[] }[],
  audits: LighthouseFigures[],
  thumbBytes: number,
): BenchResult[] {
  const results: BenchResult[] = [];
  pages.forEach((page, i) => {
    const { weight: w, axe } = weighed[i] as (typeof weighed)[number];
    const lh = audits[i] as LighthouseFigures;
    results.push(
      { name: `${page.name}: JavaScript`, value: KiB(w.js), unit: 'KiB gzip', note: `${KiB(w.jsRaw)} KiB uncompressed` },
      {
        name: `${page.name}: total`,
        value: KiB(w.total),
        unit: 'KiB',
        note: `${w.requests} requests: HTML ${KiB(w.html)}, CSS ${KiB(w.css)}, API JSON ${KiB(w.api)}, ${w.imageCount} images ${KiB(w.images)}, fonts ${KiB(w.fonts)}, other ${KiB(w.other)}`,
      },
      {
        name: `${page.name}: Lighthouse performance`,
        value: lh.performance,
        unit: '/100',
        note:
          `LCP ${Math.round(lh.lcpMs)} ms, TBT ${Math.round(lh.tbtMs)} ms, CLS ${lh.cls.toFixed(3)}` +
          (lh.failedApi.length ? `; NB the audited load's API failed: ${lh.failedApi.join(', ')}` : ''),
      },
      {
        name: `${page.name}: Lighthouse accessibility`,
        value: lh.accessibility,
        unit: '/100',
        note: lh.failedAudits.length ? `failing: ${lh.failedAudits.join(', ')}` : 'no failing audit',
      },
      {
        name: `${page.name}: axe-core violations`,
        value: axe.length,
        unit: 'rules',
        note: axe.length
          ? axe.map((v) => `${v.id} (${v.impact}, ${v.nodes} node${v.nodes === 1 ? '' : 's'}, first: ${v.first})`).join(', ')
          : 'none',
      },
    );
  });
  const heaviest = pages
    .map((page, i) => ({ page, weight: (weighed[i] as (typeof weighed)[number]).weight }))
    .reduce((a, b) => (b.weight.total > a.weight.total ? b : a));
  results.push({
    name: `heaviest page: ${heaviest.page.name}`,
    value: KiB(heaviest.weight.total),
    unit: 'KiB',
    note:
      `images ${KiB(heaviest.weight.images)} KiB of it. Bytes as transferred with gzip: the local server does not compress, ` +
      `so HTML/CSS/JS/JSON are gzipped here (zlib default level); images and fonts count as served. ` +
      `Mobile viewport 412×823 @1.75x; thumbnails are real pipeline WebPs (mean ${KiB(thumbBytes)} KiB)`,
  });
  return results;
}

const results = await main();
await writeFile(resultFile, JSON.stringify(results));
process.exit(0);
