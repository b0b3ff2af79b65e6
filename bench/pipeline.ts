// Image pipeline benchmark: throughput (images/s) and peak memory on ONE core for 24-megapixel
// camera JPEGs (6000 × 4000, detailed scenes with sensor-like noise and EXIF, half of them portrait
// via orientation 6), beside ImageMagick's `convert` making the same four files one image at a time.
//
// Each engine runs pinned to CPU 0 (`taskset -c 0`, when available). sharp runs renderImage() (the
// whole pipeline but S3 and DynamoDB: decode, rotate, previews and thumbs as WebP and JPEG,
// ThumbHash) in a child process with sharp.concurrency(1) and a single libuv thread, so its maxRSS
// is the pipeline's alone (Node itself included). `convert` runs once per image with one thread,
// under /usr/bin/time for its peak RSS.
//   node bench/run.ts pipeline      (or: node bench/pipeline.ts)
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { type BenchResult, runWorker } from './lib.ts';

const IMAGES = 8;
const WIDTH = 6000;
const HEIGHT = 4000;
const FIXTURE_VERSION = 2;
const PREVIEW = 2048;
const WATERMARK = '© Northlight Studio';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'bench-results', 'fixtures');
const MiB = 1024 * 1024;

interface WorkerReport {
  ms: number;
  perImageMs: number[];
  maxRss: number;
  bytes: Record<string, number>;
}

export async function run(): Promise<BenchResult[]> {
  const files = await fixtures();
  const pin = hasTaskset() ? ['taskset', '-c', '0'] : [];
  const where = pin.length ? 'pinned to CPU 0' : 'NOT pinned (taskset missing)';
  const results: BenchResult[] = [];

  const plain = await sharpWorker(pin, files, null);
  const stamped = await sharpWorker(pin, files, WATERMARK);
  const perImage = (r: WorkerReport) => Math.round(r.ms / files.length);
  results.push(
    {
      name: 'sharp pipeline: 24 MP JPEG → thumb + preview (WebP + JPEG) + ThumbHash',
      value: round((files.length * 1000) / plain.ms, 2),
      unit: 'images/s',
      note: `1 core, ${where}; ${perImage(plain)} ms per image (${minMax(plain.perImageMs)})`,
    },
    {
      name: 'sharp pipeline: peak memory',
      value: round(plain.maxRss / MiB, 1),
      unit: 'MiB',
      note: 'maxRSS of the worker process, Node included',
    },
    {
      name: 'sharp pipeline with watermark on previews',
      value: round((files.length * 1000) / stamped.ms, 2),
      unit: 'images/s',
      note: `${perImage(stamped)} ms per image; maxRSS ${round(stamped.maxRss / MiB, 1)} MiB`,
    },
    {
      name: 'sharp output per image (preview.jpg / preview.webp / thumb.jpg / thumb.webp)',
      value: round(sizeOf(plain.bytes) / 1024 / files.length, 0),
      unit: 'KiB',
      note: sizes(plain.bytes, files.length),
    },
  );

  const magick = await findImageMagick();
  if (!magick) {
    console.log('\nImageMagick comparison skipped: no `convert` binary (install imagemagick to compare).');
    return results;
  }
  for (const hinted of [false, true]) {
    const im = await imageMagick(magick, pin, files, hinted);
    results.push({
      name: `ImageMagick convert${hinted ? ' + jpeg:size decode hint' : ''}: same four files`,
      value: round((files.length * 1000) / im.ms, 2),
      unit: 'images/s',
      note: `1 core, 1 thread, one process per image; ${perImage(im)} ms per image; peak RSS ${round(im.maxRss / MiB, 1)} MiB`,
    });
    if (!hinted) {
      results.push({
        name: 'ImageMagick output per image (preview.jpg / preview.webp / thumb.jpg / thumb.webp)',
        value: round(sizeOf(im.bytes) / 1024 / files.length, 0),
        unit: 'KiB',
        note: sizes(im.bytes, files.length),
      });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Fixtures: generated once, kept in bench-results/fixtures.

async function fixtures(): Promise<string[]> {
  await mkdir(FIXTURES, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < IMAGES; i++) {
    const file = join(FIXTURES, `photo-${WIDTH}x${HEIGHT}-v${FIXTURE_VERSION}-${i}.jpg`);
    if (!existsSync(file)) {
      const started = performance.now();
      await writeFile(file, await cameraJpeg(i));
      console.log(
        `  fixture ${i + 1}/${IMAGES}: ${((await stat(file)).size / MiB).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`,
      );
    }
    files.push(file);
  }
  return files;
}

/** A detailed 24 MP scene (sky, hills, foliage-like shapes, fine lines) with sensor noise, as a camera JPEG. */
async function cameraJpeg(seed: number): Promise<Buffer> {
  let state = seed * 7919 + 17;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const colour = () => `hsl(${Math.floor(random() * 360)},${30 + Math.floor(random() * 50)}%,${25 + Math.floor(random() * 50)}%)`;
  const shapes: string[] = [];
  for (let k = 0; k < 900; k++) {
    const x = Math.round(random() * WIDTH);
    const y = Math.round(HEIGHT * 0.35 + random() * HEIGHT * 0.65);
    const r = Math.round(8 + random() * 140);
    shapes.push(
      `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${Math.round(r * (0.4 + random()))}" fill="${colour()}" fill-opacity="${(0.4 + random() * 0.6).toFixed(2)}"/>`,
    );
  }
  for (let k = 0; k < 400; k++) {
    const x = Math.round(random() * WIDTH);
    const y = Math.round(random() * HEIGHT);
    shapes.push(
      `<line x1="${x}" y1="${y}" x2="${x + Math.round((random() - 0.5) * 400)}" y2="${y + Math.round(random() * 300)}" stroke="${colour()}" stroke-width="${(1 + random() * 3).toFixed(1)}"/>`,
    );
  }
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="#f4efe6"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${Math.round(WIDTH * (0.2 + random() * 0.6))}" cy="${Math.round(HEIGHT * 0.25)}" r="${Math.round(HEIGHT * 0.08)}" fill="#fff6e0"/>
  <path d="M0 ${HEIGHT * 0.55} Q ${WIDTH * 0.3} ${HEIGHT * 0.35} ${WIDTH * 0.6} ${HEIGHT * 0.5} T ${WIDTH} ${HEIGHT * 0.45} V ${HEIGHT} H 0 Z" fill="${colour()}"/>
  ${shapes.join('\n  ')}
</svg>`;
  // Sensor-like grain, added in JS (a fixed LCG, so fixtures are reproducible): about ±10 levels.
  const pixels = await sharp(Buffer.from(scene)).removeAlpha().raw().toBuffer();
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const grain = ((state >> 8) & 15) + ((state >> 16) & 15) - 15;
    pixels[i] = Math.min(255, Math.max(0, (pixels[i] as number) + grain));
  }
  const portrait = seed % 2 === 1;
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: portrait ? 6 : 1 })
    .withExifMerge({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R6m2' },
      IFD2: { DateTimeOriginal: `2026:10:17 14:${String(10 + seed).padStart(2, '0')}:00` },
    })
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------
// sharp: a child process per run, so its maxRSS is the pipeline's.

function sharpWorker(pin: string[], files: string[], watermark: string | null): Promise<WorkerReport> {
  const args = [...pin, process.execPath, fileURLToPath(import.meta.url), '--worker', JSON.stringify({ files, watermark })];
  return runWorker<WorkerReport>(args, 'sharp');
}

async function worker(spec: { files: string[]; watermark: string | null }): Promise<void> {
  const { renderImage } = await import('../shared/features/uploads/pipeline.ts');
  sharp.concurrency(1);
  // Warm up: libvips, the codecs and (with a watermark) fontconfig load once per process, as in a warm Lambda.
  const small = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#789' } })
    .jpeg()
    .toBuffer();
  await renderImage(small, { watermark: spec.watermark });

  const bytes: Record<string, number> = {};
  const perImageMs: number[] = [];
  const started = performance.now();
  for (const file of spec.files) {
    const t = performance.now();
    const rendered = await renderImage(await readFile(file), { watermark: spec.watermark });
    perImageMs.push(performance.now() - t);
    for (const f of rendered.files) bytes[`${f.variant}.${f.format}`] = (bytes[`${f.variant}.${f.format}`] ?? 0) + f.body.length;
  }
  const report: WorkerReport = { ms: performance.now() - started, perImageMs, maxRss: process.resourceUsage().maxRSS * 1024, bytes };
  console.log(JSON.stringify(report));
}

// ---------------------------------------------------------------------------------------------
// ImageMagick: one `convert` per image making the same four files from one decode.

async function imageMagick(convert: string, pin: string[], files: string[], hinted: boolean): Promise<WorkerReport> {
  const out = await mkdtemp(join(tmpdir(), 'portico-bench-im-'));
  // Debian's policy.xml caps ImageMagick at 256 MiB of pixel cache (then a memory map, then disk,
  // then "cache resources exhausted"); a 24 MP Q16 image alone is 192 MB. A policy file found
  // first on MAGICK_CONFIGURE_PATH lifts the caps, so ImageMagick works in memory like sharp.
  await writeFile(
    join(out, 'policy.xml'),
    '<policymap><policy domain="resource" name="memory" value="8GiB"/><policy domain="resource" name="map" value="16GiB"/>' +
      '<policy domain="resource" name="area" value="1GP"/><policy domain="resource" name="disk" value="16GiB"/></policymap>\n',
  );
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'maxrss=%M'] : [];
  const bytes: Record<string, number> = {};
  const perImageMs: number[] = [];
  let maxRss = 0;
  try {
    const started = performance.now();
    for (const file of files) {
      const o = (name: string) => join(out, name);
      const args = [
        // The hint lets libjpeg decode at the smallest 1/n scale that still covers the preview box
        // (here 1/2), as sharp's shrink-on-load does on its own. It must not exceed the image:
        // libjpeg-turbo would then scale *up* (e.g. 4096x4096 on a 6000 × 4000 photo).
        ...(hinted ? ['-define', `jpeg:size=${PREVIEW}x${Math.ceil((PREVIEW * HEIGHT) / WIDTH)}`] : []),
        file,
        '-limit',
        'thread',
        '1',
        '-auto-orient',
        '-strip',
        '-colorspace',
        'sRGB',
        '-resize',
        '2048x2048>',
        ...['(', '+clone', '-quality', '82', '-write', o('preview.jpg'), '+delete', ')'],
        ...['(', '+clone', '-quality', '80', '-define', 'webp:method=4', '-write', o('preview.webp'), '+delete', ')'],
        '-resize',
        '640x640>',
        ...['(', '+clone', '-quality', '80', '-write', o('thumb.jpg'), '+delete', ')'],
        ...['-quality', '76', '-define', 'webp:method=4', o('thumb.webp')],
      ];
      const command = [...pin, ...time, convert, ...args];
      const t = performance.now();
      const result = spawnSync(command[0] as string, command.slice(1), {
        env: { ...process.env, MAGICK_THREAD_LIMIT: '1', OMP_NUM_THREADS: '1', MAGICK_CONFIGURE_PATH: out },
        encoding: 'utf8',
      });
      perImageMs.push(performance.now() - t);
      if (result.status !== 0) throw new Error(`convert failed: ${result.stderr}`);
      const rss = /maxrss=(\d+)/.exec(result.stderr ?? '');
      if (rss) maxRss = Math.max(maxRss, Number(rss[1]) * 1024);
      for (const name of ['preview.jpg', 'preview.webp', 'thumb.jpg', 'thumb.webp'])
        bytes[name] = (bytes[name] ?? 0) + (await stat(o(name))).size;
    }
    return { ms: performance.now() - started, perImageMs, maxRss, bytes };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * A real ImageMagick binary: `magick` or `convert` on PATH that is an ELF executable (a wrapper
 * script would add its interpreter's start-up to every call). When there is none and we are root,
 * installs Debian's imagemagick package; otherwise undefined (the comparison is skipped).
 */
async function findImageMagick(): Promise<string | undefined> {
  const find = () => {
    for (const name of ['convert', 'magick']) {
      for (const dir of (process.env.PATH ?? '').split(delimiter)) {
        const candidate = join(dir, name);
        try {
          accessSync(candidate, constants.X_OK);
          const real = realpathSync(candidate);
          const magic = Buffer.alloc(4);
          const fd = openSync(real, 'r');
          readSync(fd, magic, 0, 4, 0);
          closeSync(fd);
          if (magic.toString('latin1') === '\x7fELF') return real;
        } catch {
          // not there, or not readable
        }
      }
    }
    return undefined;
  };
  const found = find();
  if (found || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return found;
  console.log('\nImageMagick not found: installing it with apt-get (running as root) …');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'imagemagick'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    console.log(`apt-get failed (${(error as Error).message}); skipping the comparison.`);
    return undefined;
  }
  return find();
}

function hasTaskset(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const minMax = (ms: number[]) => `${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} ms`;
const sizeOf = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);
const sizes = (bytes: Record<string, number>, n: number) => {
  const each = ['preview.jpg', 'preview.webp', 'thumb.jpg', 'thumb.webp'].map((k) => Math.round((bytes[k] ?? 0) / 1024 / n));
  return `${each.join(' / ')} KiB`;
};

if (import.meta.main) {
  if (process.argv[2] === '--worker') {
    await worker(JSON.parse(process.argv[3] as string) as { files: string[]; watermark: string | null });
  } else {
    const { printTable } = await import('./lib.ts');
    printTable(await run(), 'pipeline');
  }
}
