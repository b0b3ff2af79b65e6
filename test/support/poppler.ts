// poppler's text extraction and page rasterising on a PDF's bytes: an independent reader of what
// a renderer drew (pdf-lib would read back its own structures; poppler reads what a viewer shows).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function inTempDir<T>(bytes: Uint8Array, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-poppler-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, bytes);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of every page (form feeds between pages); `layout` keeps each row's columns on its line. */
export function pdftotext(bytes: Uint8Array, options: { layout?: boolean } = {}): Promise<string> {
  return inTempDir(bytes, async (file) => {
    const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

/** The text of each page on its own, in page order. */
export async function pdfPages(bytes: Uint8Array, options: { layout?: boolean } = {}): Promise<string[]> {
  const text = await pdftotext(bytes, options);
  return text.split('\f').slice(0, -1);
}

/** Page `page` (1-based) as a PNG at `dpi`. */
export function pdftoppm(bytes: Uint8Array, page = 1, dpi = 60): Promise<Uint8Array> {
  return inTempDir(bytes, async (file, dir) => {
    const out = join(dir, 'page');
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    return new Uint8Array(await readFile(`${out}.png`));
  });
}
