// `cdk synth` for bench/lambdas.ts: the bytes each Lambda really ships (its asset's index.mjs).
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface Shipped {
  /** index.mjs as synth wrote it. */
  bundleBytes: number;
  /** The whole asset folder (bundle, source map, node_modules, assets): what the zip holds. */
  assetBytes: number;
}

interface Template {
  Resources?: Record<string, { Type: string; Metadata?: Record<string, string> }>;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Runs `cdk synth` from `root` into `outDir` and returns, per function id of `ids`, what its asset holds. */
export async function synth(root: string, outDir: string, ids: ReadonlySet<string>): Promise<Map<string, Shipped>> {
  const started = performance.now();
  // cdk.json's app is `node infra/app.ts`: the pinned Node 24 must come first on PATH.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  const child = spawn(process.execPath, [join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk'), 'synth', '-q', '-o', outDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`cdk synth failed (${code}):\n${output.slice(-3000)}`);
  console.log(`lambdas: cdk synth took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return functionAssets(outDir, ids);
}

/**
 * Every function in the cloud assembly, by the id in its construct path (`…/<id>Function/Resource`),
 * from every template: the top-level stacks' and the nested stacks' (`*.nested.template.json`), so
 * it holds whichever stack a route's function lives in. Only `ids` count: CDK's own functions
 * (custom resources, bucket deployment) are not Portico's to measure. Asset paths are relative to
 * the assembly.
 */
export async function functionAssets(outDir: string, ids: ReadonlySet<string>): Promise<Map<string, Shipped>> {
  const shipped = new Map<string, Shipped>();
  const templates = (await readdir(outDir)).filter((f) => f.endsWith('.template.json')).sort();
  for (const file of templates) {
    const template = JSON.parse(await readFile(join(outDir, file), 'utf8')) as Template;
    for (const resource of Object.values(template.Resources ?? {})) {
      const id = resource.Metadata?.['aws:cdk:path']?.match(/\/(\w+)Function\/Resource$/)?.[1];
      const asset = resource.Metadata?.['aws:asset:path'];
      if (resource.Type !== 'AWS::Lambda::Function' || !id || !ids.has(id) || !asset) continue;
      const assetDir = resolve(outDir, asset);
      shipped.set(id, {
        bundleBytes: (await stat(join(assetDir, 'index.mjs'))).size,
        assetBytes: await folderBytes(assetDir),
      });
    }
  }
  return shipped;
}
