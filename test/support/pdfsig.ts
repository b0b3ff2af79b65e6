// poppler's pdfsig on a PDF's bytes: is its (first) signature valid, and does it cover the whole
// file? Tests of sealed releases use it as an independent verifier of what sealPdf wrote.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pdfsig(bytes: Uint8Array): Promise<{ valid: boolean; wholeFile: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-pdfsig-'));
  try {
    const file = join(dir, 'signed.pdf');
    await writeFile(file, bytes);
    // pdfsig exits non-zero for an invalid or missing signature and still prints its report.
    const output = await run('pdfsig', [file], { encoding: 'utf8' }).then(
      (r) => r.stdout + r.stderr,
      (error: { stdout?: string; stderr?: string; message: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message,
    );
    return {
      valid: /Signature Validation: Signature is Valid\./.test(output),
      wholeFile: /Total document signed/.test(output),
      output,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
