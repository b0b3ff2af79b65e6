// Rules of the house that a type checker cannot see: generated files are current, and key strings
// are written only by the key builders (shared/features/*/records.ts, shared/data/rate-limit.ts,
// shared/data/idempotency.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../../local/generate.ts';
import { featureRecords } from '../../shared/key-table.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('generated files', () => {
  it.each(Object.keys(GENERATED))('%s is what `npm run gen` writes', (file) => {
    expect(read(file), `${file} is stale: run npm run gen`).toBe(GENERATED[file as keyof typeof GENERATED]());
  });
});

/** Every key prefix the key table declares: `GALLERY#`, `PICK#`, … */
const prefixes = [
  ...new Set(
    featureRecords.flatMap((f) =>
      f.rows.flatMap((row) => [row.PK, row.SK, row.GSI1PK ?? '', row.GSI1SK ?? ''].flatMap((k) => k.match(/[A-Z][A-Z0-9]*#/g) ?? [])),
    ),
  ),
];
// A key prefix opening a string or template literal: 'PICK#…', `GALLERY#${id}`.
const rawKey = new RegExp(`['"\`](${prefixes.join('|')})`);
// A key attribute given a literal: { PK: 'X', … }.
const literalKeyAttribute = /\b(PK|SK|GSI1PK|GSI1SK)\s*:\s*['"`]/;
const KEY_BUILDERS = /(^|\/)(records\.ts|rate-limit\.ts|data\/idempotency\.ts)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => `${dir}/${f}`);
}

describe('keys', () => {
  it('are declared by the key table, a prefix each', () => {
    expect(prefixes.length).toBeGreaterThan(15);
    for (const p of ['STUDIO#', 'GALLERY#', 'PICK#', 'MAGIC#', 'RATE#', 'SHARE#']) expect(prefixes).toContain(p);
  });

  it('are written only by the key builders', () => {
    const offenders: string[] = [];
    for (const file of ['shared', 'functions', 'local', 'site/src', 'bench'].flatMap(sourceFiles)) {
      if (KEY_BUILDERS.test(file)) continue;
      read(file)
        .split('\n')
        .forEach((line, i) => {
          if (rawKey.test(line) || literalKeyAttribute.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders, 'build keys with the key builders of shared/features/<feature>/records.ts').toEqual([]);
  });

  it('catches a raw key (the check can fail)', () => {
    expect(rawKey.test("Key: { PK: `GALLERY#` + id, SK: 'PICK#x' }")).toBe(true);
    expect(literalKeyAttribute.test("{ PK: 'STUDIO#1' }")).toBe(true);
    expect(rawKey.test('keys.pick(galleryId, clientId, imageId)')).toBe(false);
  });
});
