// The OpenAPI document the API serves, linted by Redocly CLI with its recommended rules. Clients
// and doc tools read this document; a route whose schema makes it invalid fails here, with each
// problem Redocly found in the failure message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { openApiDocument } from '../../shared/openapi.ts';

// Rule exceptions go here, each with its reason: a new warning fails too and gets decided (fixed,
// or turned off here with why). Ignored for one operation only (Redocly's lint-ignore file):
// - getPortalLogo has no 2XX: it is a redirect by design (emails link to it, and it sends them on
//   to a fresh presigned link, which a link written into a mail could not stay).
// `telemetry: off` and the environment below keep the lint offline: no usage report, no check for
// a newer CLI on the npm registry.
const REDOCLY_CONFIG = ['extends:', '  - recommended', 'telemetry: off', ''].join('\n');
const REDOCLY_IGNORE = ['openapi.json:', '  operation-2xx-response:', "    - '#/paths/~1api~1portal~1logo/get/responses'", ''].join('\n');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[]; reference?: string }[];
}

it("passes Redocly's recommended rules with no errors and no warnings", () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(openApiDocument(), null, 2));
    writeFileSync(join(dir, 'redocly.yaml'), REDOCLY_CONFIG);
    writeFileSync(join(dir, '.redocly.lint-ignore.yaml'), REDOCLY_IGNORE);
    // The package's own entry, run by this Node (24): the .bin shim would take whatever `node` is on PATH.
    const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'lint', '--config', 'redocly.yaml', '--format', 'json', 'openapi.json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    let report: LintReport;
    try {
      report = JSON.parse(run.stdout) as LintReport;
    } catch {
      throw new Error(`redocly lint printed no report (exit ${run.status}):\n${run.stderr}${run.error ?? ''}`);
    }
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}${p.reference ? ` (${p.reference})` : ''}`,
    );
    expect(problems).toEqual([]);
    expect(run.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
