#!/usr/bin/env node
// The site is served with `script-src 'self'`: any inline script in the built HTML would be
// blocked by the browser (and would be a hole if the policy were ever loosened). This check scans
// site/dist/**/*.html and fails, listing each finding, on:
//   - a <script> element without a src attribute (JSON data blocks included: keep data out of HTML),
//   - an inline event handler attribute (onclick=, onload=, ...),
//   - a javascript: URL in href/src/action/formaction.
// Usage: node site/scripts/check-no-inline-scripts.mjs [distDir]   (default: site/dist next to this file)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '..', 'dist'));

function* htmlFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith('.html')) yield path;
  }
}

/** 1-based line of an offset, for readable reports. */
const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;

/** Drops comments, and the text of <style> elements (CSS may legitimately mention "onload="). */
function blankOut(html) {
  const blank = (m) => m.replace(/[^\n]/g, ' ');
  return html
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi, (_, open, body, close) => open + blank(body) + close);
}

/** Attributes of a start tag, as [name, value] pairs (value null when absent). */
function attributes(tag) {
  const attrs = [];
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inner = tag.replace(/^<[^\s>/]+/, '').replace(/\/?>$/, '');
  for (let m = re.exec(inner); m; m = re.exec(inner)) attrs.push([m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? null]);
  return attrs;
}

if (!existsSync(dist)) {
  console.error(`check-no-inline-scripts: ${dist} does not exist; build the site first.`);
  process.exit(2);
}

const findings = [];
let files = 0;
for (const file of htmlFiles(dist)) {
  files++;
  const html = blankOut(readFileSync(file, 'utf8'));
  const where = (offset) => `${relative(process.cwd(), file)}:${lineOf(html, offset)}`;
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const tag = m[0];
    const element = m[1].toLowerCase();
    const attrs = attributes(tag);
    if (element === 'script' && !attrs.some(([name, value]) => name === 'src' && value)) {
      const end = html.indexOf('</script', m.index);
      const body = html.slice(m.index + tag.length, end === -1 ? undefined : end).trim();
      findings.push(`${where(m.index)}  inline <script>: ${tag} ${body.slice(0, 80)}${body.length > 80 ? '…' : ''}`);
    }
    for (const [name, value] of attrs) {
      if (/^on[a-z]+$/.test(name)) findings.push(`${where(m.index)}  inline event handler ${name}= on <${element}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && value && /^\s*javascript:/i.test(value)) {
        findings.push(`${where(m.index)}  javascript: URL in ${name}= on <${element}>`);
      }
    }
  }
}

if (files === 0) {
  console.error(`check-no-inline-scripts: no HTML files under ${dist}.`);
  process.exit(2);
}
if (findings.length) {
  console.error(`check-no-inline-scripts: ${findings.length} inline script(s) in ${files} HTML file(s) under ${dist}:`);
  for (const f of findings) console.error(`  ${f}`);
  process.exit(1);
}
console.log(
  `check-no-inline-scripts: ${files} HTML file(s) under ${relative(process.cwd(), dist) || '.'}: no inline scripts or event handlers.`,
);
