// User text, shown safely: never as HTML. Web addresses become links that open in a new tab
// without handing the page a window.opener or a referrer; @mentions of the people named are
// highlighted. Line breaks stay (CSS white-space: pre-wrap on .linked-text).
import type { JSX } from 'preact';

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
/** Trailing punctuation is the sentence's, not the address's: "see https://x.example/a." */
const TRAILING = /[.,;:!?)\]}'"]+$/;

interface Segment {
  kind: 'text' | 'link' | 'mention';
  text: string;
  href?: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `text` into plain text, links and mentions (exported for the unit test). */
export function segments(text: string, mentionNames: readonly string[] = []): Segment[] {
  const out: Segment[] = [];
  const names = [...new Set(mentionNames.filter((n) => n.trim()))].sort((a, b) => b.length - a.length);
  const mention = names.length ? new RegExp(`@(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const pushText = (chunk: string) => {
    if (!chunk) return;
    if (!mention) return void out.push({ kind: 'text', text: chunk });
    let last = 0;
    for (const m of chunk.matchAll(mention)) {
      if (m.index > last) out.push({ kind: 'text', text: chunk.slice(last, m.index) });
      out.push({ kind: 'mention', text: m[0] });
      last = m.index + m[0].length;
    }
    if (last < chunk.length) out.push({ kind: 'text', text: chunk.slice(last) });
  };
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = m[0].replace(TRAILING, '');
    if (!raw) continue;
    pushText(text.slice(last, m.index));
    const href = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw;
    let safe: string | undefined;
    try {
      const url = new URL(href);
      if (url.protocol === 'https:' || url.protocol === 'http:') safe = url.href;
    } catch {
      safe = undefined;
    }
    if (safe) out.push({ kind: 'link', text: raw, href: safe });
    else pushText(raw);
    last = m.index + raw.length;
  }
  pushText(text.slice(last));
  return out;
}

export function LinkedText({ text, mentions = [], class: className }: { text: string; mentions?: readonly string[]; class?: string }) {
  const parts: JSX.Element[] = segments(text, mentions).map((s, i) => {
    if (s.kind === 'link')
      return (
        <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
          {s.text}
        </a>
      );
    if (s.kind === 'mention')
      return (
        <span key={i} class="mention">
          {s.text}
        </span>
      );
    return <span key={i}>{s.text}</span>;
  });
  return <span class={`linked-text${className ? ` ${className}` : ''}`}>{parts}</span>;
}
