// /_dev/mail: the mail the local SES caught, for people (HTML) and tests (JSON). Local only.
import type { ServerResponse } from 'node:http';
import type { CaughtMail } from './services/index.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const linkify = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function renderMailbox(res: ServerResponse, path: string, mails: CaughtMail[]): void {
  if (path === '/_dev/mail.json') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(mails));
    return;
  }
  const single = /^\/_dev\/mail\/(\d+)$/.exec(path);
  if (single) {
    const mail = mails[Number(single[1])];
    if (!mail) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('No such mail');
      return;
    }
    // The mail's own HTML, as a mail client would show it (it carries inline styles only).
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(mail.html || `<pre>${escapeHtml(mail.text)}</pre>`);
    return;
  }
  const rows = mails
    .map(
      (m, i) => `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To ${escapeHtml(m.to.join(', '))} · from ${escapeHtml(m.from)} · ${escapeHtml(m.date)} · <a href="/_dev/mail/${i}">view as HTML</a></p>
  <pre>${linkify(m.text)}</pre>
</article>`,
    )
    .join('\n');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local mail · Portico</title>
<style>body{font-family:system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1d1d1f}article{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}.meta{color:#555;font-size:.9rem}</style>
</head><body><h1>Local mail</h1><p>Mail sent through the local SES, newest first. Refresh to see new mail. This page exists only on the local stack.</p>
${rows || '<p>No mail yet.</p>'}</body></html>`);
}
