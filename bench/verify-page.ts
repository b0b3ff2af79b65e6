// The public verify page's time to a result for a 20 MB PDF in Debian's Chromium: from the file set
// on the input to the result on screen, which is the page's whole work — the SHA-256 with
// crypto.subtle, the scan for the seal id, and the API call. Two 20 MB files: a sealed release
// padded after its end (the seal id is found, the hash is not: "altered"), and a PDF with no seal
// (a big embedded stream: the whole file is scanned for nothing, "unknown"); the small sealed PDF
// itself for reference. Median of 5 after a warm-up, each on a freshly loaded page. The file is set
// by path, so Playwright's own transfer of 20 MB is not in the timing.
//   npm run bench -- verify-page
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, median, runIsolated } from './lib.ts';

const MB = 1024 * 1024;
const SIZE = 20 * MB;
const RUNS = 5;
const root = fileURLToPath(new URL('..', import.meta.url));

export function run(): Promise<BenchResult[]> {
  return runIsolated(fileURLToPath(import.meta.url), ['--measure']);
}

async function ensureSiteBuilt(): Promise<void> {
  if (existsSync(join(root, 'site', 'dist', 'app', 'verify', 'index.html'))) return;
  console.log('verify-page: building the site (npm run build:site)');
  const child = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', 'site', '--silent'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`The site build failed (${code})`);
}

/** A studio, a client and a model release the client signed: sealed, through the domain code the API runs. */
async function sealedRelease(): Promise<Uint8Array> {
  const { createUser } = await import('../shared/adapters/identity.ts');
  const { createClient } = await import('../shared/features/clients/domain/clients.ts');
  const { CONSENT } = await import('../shared/features/releases/constants.ts');
  const { createRelease } = await import('../shared/features/releases/domain/create.ts');
  const { sealedDownload } = await import('../shared/features/releases/domain/downloads.ts');
  const { studioRelease } = await import('../shared/features/releases/domain/releases.ts');
  const { sendRelease, userActor } = await import('../shared/features/releases/domain/send.ts');
  const { clientContext, recordStep, signRelease } = await import('../shared/features/releases/domain/sign.ts');
  const { createStudio } = await import('../shared/features/studios/domain/studios.ts');
  const here = { auth: 'studio_session', ip: '127.0.0.1', userAgent: 'Portico verify-page bench' } as const;
  const email = 'owner@verify-bench.example';
  const userId = await createUser('studio', email, email, 'Verify-Bench-2026');
  const { studio, user } = await createStudio({
    name: 'Verify Bench Studio',
    slug: 'verify-bench',
    owner: { userId, email, name: 'Vera Bench' },
    branding: { plan: 'growth' },
  });
  const client = await createClient(studio.studioId, { email: 'model@verify-bench.example', name: 'Mo Model' });
  const draft = await createRelease(
    studio,
    user,
    {
      templateId: 'starter-model-release',
      title: 'Model release — bench',
      signers: [{ clientId: client.clientId }],
      order: 'parallel',
      remindEveryDays: 0,
      requiredForDownloads: false,
      shootDate: '2026-11-14',
      fields: { 'custom.compensation': 'Ten edited prints.' },
      send: true,
    },
    here,
  );
  await sendRelease(studio, user, draft.releaseId, here);
  const ctx = await clientContext(studio, client, draft.releaseId, { ...here, auth: 'portal_session' });
  const { release } = await recordStep(ctx, { step: 'consent_accepted', consentVersion: CONSENT.version });
  await recordStep(ctx, { step: 'viewed', documentHash: release.document.hash });
  await signRelease(ctx, { documentHash: release.document.hash, signature: { kind: 'typed', text: client.name } });
  const { url } = await sealedDownload(await studioRelease(studio, draft.releaseId), userActor(user), here);
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`The sealed PDF did not download: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The sealed PDF with PDF comment lines after its end, to `size` bytes: still a PDF, but not the sealed one. */
function padded(sealed: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(sealed);
  const line = new TextEncoder().encode(`\n%${'x'.repeat(78)}`);
  for (let at = sealed.length; at < size; at += line.length) out.set(line.subarray(0, Math.min(line.length, size - at)), at);
  return out;
}

/** A PDF of one page with a `size`-byte embedded stream of random bytes: no seal id anywhere. */
async function unsealed(size: number): Promise<Uint8Array> {
  const { randomBytes } = await import('node:crypto');
  const { PDFDocument, PDFName } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('A 20 MB PDF with an attachment.', { x: 50, y: 780, size: 14 });
  const stream = doc.context.stream(randomBytes(size - 2048), { Type: PDFName.of('EmbeddedFile') });
  doc.context.register(stream);
  return doc.save({ useObjectStreams: false });
}

async function measure(resultFile: string): Promise<void> {
  const { freePort } = await import('../local/services/ports.ts');
  const { startPorticoStack } = await import('../local/stack.ts');
  const { CHROMIUM, launchChromium } = await import('../test/support/browser.ts');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium)`);
  await ensureSiteBuilt();
  const stack = await startPorticoStack({ port: await freePort(), seed: false });
  const dir = await mkdtemp(join(tmpdir(), 'portico-verify-bench-'));
  const browser = await launchChromium();
  try {
    const sealed = await sealedRelease();
    const files = [
      { name: `sealed release (${Math.round(sealed.length / 1024)} KiB)`, bytes: sealed, expect: 'sealed' },
      { name: 'sealed release padded to 20 MB', bytes: padded(sealed, SIZE), expect: 'altered' },
      { name: '20 MB PDF without a seal', bytes: await unsealed(SIZE), expect: 'unknown' },
    ];
    const results: BenchResult[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const [i, f] of files.entries()) {
      const path = join(dir, `file-${i}.pdf`);
      await writeFile(path, f.bytes);
      const times: number[] = [];
      for (let n = 0; n <= RUNS; n++) {
        await page.goto(new URL('/verify', stack.dashboardUrl).href);
        const input = page.getByLabel('Choose or drop the PDF');
        await input.waitFor({ state: 'attached' });
        const result = page.locator(`[data-testid="verify-result"][data-result="${f.expect}"]`);
        const started = performance.now();
        await input.setInputFiles(path);
        await result.waitFor({ timeout: 60_000 });
        // The first run warms the page's code, the API's Lambda and DynamoDB Local.
        if (n > 0) times.push(performance.now() - started);
      }
      console.log(`verify-page: ${f.name}: ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
      results.push({
        name: `verify page, ${f.name}: time to result`,
        value: Math.round(median(times)),
        unit: 'ms',
        note: `"${f.expect}"; median of ${RUNS} (range ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms); Chromium headless`,
      });
    }
    await context.close();
    await writeFile(resultFile, JSON.stringify(results));
  } finally {
    await browser.close().catch(() => undefined);
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[3] === '--measure') {
  await measure(process.argv[2] as string);
  // The SDK's socket pools must not keep the process alive.
  process.exit(0);
}
