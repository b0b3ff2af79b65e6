// A studio's release template: a small plain-text markup (never HTML) parsed into blocks, then
// filled with the release's values. Parsing comes first and filling only replaces field tokens with
// literal text, so a value can never inject markup, marks or further fields.

export type Inline = { text: string; bold?: boolean; italic?: boolean };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'mark'; mark: 'sign' | 'initials' | 'date'; slot: string /* '1'..'10' | 'studio' */ };

/** Thrown by fillTemplate when the template names fields that have no value. */
export class FieldMissing extends Error {
  readonly fields: string[];
  constructor(fields: string[]) {
    super(`No value for ${fields.map((f) => `{{${f}}}`).join(', ')}`);
    this.name = 'FieldMissing';
    this.fields = fields;
  }
}

const STANDARD_FIELDS = ['client.name', 'project.title', 'shoot.date', 'studio.name', 'release.date'];
const FIELD = /\{\{\s*([a-z][a-z0-9_.]*)\s*\}\}/g;
const CUSTOM = /^custom\.[a-z][a-z0-9_]{0,31}$/;
const MARK = /^\[\[(sign|initials|date):(10|[1-9]|studio)\]\]$/;
const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;

/** A field name the markup accepts: the standard ones and `custom.<key>`. */
export function isKnownField(name: string): boolean {
  return STANDARD_FIELDS.includes(name) || CUSTOM.test(name);
}

// Field tokens survive parsing as private-use sentinels around the field name, so that emphasis
// markers around them (`**{{client.name}}**`) still apply and the filled value is never re-parsed.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINEL = /\uE000([^\uE001]*)\uE001/g;

function protectFields(line: string): string {
  return line.replace(FIELD, (_, name: string) => `${OPEN}${name}${CLOSE}`);
}

/** `**bold**`, `*italic*` and `***both***`; unmatched markers stay literal. */
function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (piece: string, bold: boolean, italic: boolean) => {
    if (!piece) return;
    const last = out[out.length - 1];
    if (last && !!last.bold === bold && !!last.italic === italic) {
      last.text += piece;
      return;
    }
    out.push({ text: piece, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
  };
  const EMPHASIS = /(\*\*\*|\*\*|\*)(?=\S)([\s\S]*?\S)\1/g;
  let at = 0;
  for (const m of text.matchAll(EMPHASIS)) {
    push(text.slice(at, m.index), false, false);
    const marker = m[1] as string;
    const inner = m[2] as string;
    if (marker === '*') {
      // Bold inside italic is rare; an italic span keeps any inner bold markers as text.
      push(inner, false, true);
    } else if (marker === '***') {
      push(inner, true, true);
    } else {
      for (const part of parseInlines(inner)) push(part.text, true, !!part.italic);
    }
    at = m.index + m[0].length;
  }
  push(text.slice(at), false, false);
  return out;
}

export function parseTemplate(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInlines(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    list = undefined;
  };
  // Our own sentinels cannot come from the source.
  const clean = source.replace(/[\uE000\uE001]/g, '').replace(/\r\n?/g, '\n');
  for (const raw of clean.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const mark = MARK.exec(line);
    if (mark) {
      flush();
      blocks.push({ kind: 'mark', mark: mark[1] as 'sign' | 'initials' | 'date', slot: mark[2] as string });
      continue;
    }
    const text = protectFields(line);
    const heading = HEADING.exec(text);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length as 1 | 2 | 3, inlines: parseInlines(heading[2] as string) });
      continue;
    }
    const bullet = BULLET.exec(text);
    const numbered = bullet ? null : NUMBERED.exec(text);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = !!numbered;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInlines(item[1] as string));
      continue;
    }
    if (list) flush();
    paragraph.push(text);
  }
  flush();
  return blocks;
}

function inlinesOf(block: Block): Inline[][] {
  if (block.kind === 'list') return block.items;
  if (block.kind === 'mark') return [];
  return [block.inlines];
}

export function templateFields(source: string): string[] {
  const seen: string[] = [];
  for (const block of parseTemplate(source)) {
    for (const inlines of inlinesOf(block)) {
      for (const inline of inlines) {
        for (const m of inline.text.matchAll(SENTINEL)) {
          const name = m[1] as string;
          if (!seen.includes(name)) seen.push(name);
        }
      }
    }
  }
  return seen;
}

export function fillTemplate(blocks: Block[], values: Record<string, string>): Block[] {
  const missing: string[] = [];
  const fill = (inlines: Inline[]): Inline[] =>
    inlines.map((inline) => ({
      ...inline,
      text: inline.text.replace(SENTINEL, (_, name: string) => {
        const value = Object.hasOwn(values, name) && isKnownField(name) ? values[name] : undefined;
        if (value === undefined) {
          if (!missing.includes(name)) missing.push(name);
          return '';
        }
        // A value is one piece of text: its own private-use sentinels could not be told from ours.
        return value.replace(/[\uE000\uE001]/g, '');
      }),
    }));
  const filled = blocks.map((block): Block => {
    switch (block.kind) {
      case 'list':
        return { ...block, items: block.items.map(fill) };
      case 'mark':
        return block;
      default:
        return { ...block, inlines: fill(block.inlines) };
    }
  });
  if (missing.length) throw new FieldMissing(missing);
  return filled;
}
