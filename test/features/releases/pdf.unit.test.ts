import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSealKey } from '../../../shared/features/releases/pdf/key.ts';
import {
  appendSignaturePage,
  type Party,
  PdfUnreadable,
  renderTemplate,
  unsupportedCharacters,
} from '../../../shared/features/releases/pdf/render.ts';
import { type SealInput, sealPdf } from '../../../shared/features/releases/pdf/seal.ts';
import { type Block, FieldMissing, fillTemplate, parseTemplate, templateFields } from '../../../shared/features/releases/pdf/template.ts';
import { pdfsig } from '../../support/pdfsig.ts';

const run = promisify(execFile);

async function pdftotext(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-pdftotext-'));
  try {
    await writeFile(join(dir, 'a.pdf'), pdf);
    const { stdout } = await run('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // pdftotext wraps right-to-left lines in bidi embedding marks and may give Arabic
    // presentation forms: compare the letters.
    return stdout.replace(/[\u202A-\u202E]/g, '').normalize('NFKC');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const PARTIES: Party[] = [
  { slot: '1', name: 'Ana Lima', email: 'ana@example.com' },
  { slot: '2', name: 'Bo Berg', email: 'bo@example.com' },
];

describe('parseTemplate', () => {
  it.each<[string, string, Block[]]>([
    ['a heading', '# Release', [{ kind: 'heading', level: 1, inlines: [{ text: 'Release' }] }]],
    ['a level 3 heading', '### Fees', [{ kind: 'heading', level: 3, inlines: [{ text: 'Fees' }] }]],
    [
      'paragraphs joined within, split on blank lines',
      'one\ntwo\n\nthree',
      [
        { kind: 'paragraph', inlines: [{ text: 'one two' }] },
        { kind: 'paragraph', inlines: [{ text: 'three' }] },
      ],
    ],
    [
      'bold and italic',
      'a **b** *c* ***d***',
      [
        {
          kind: 'paragraph',
          inlines: [
            { text: 'a ' },
            { text: 'b', bold: true },
            { text: ' ' },
            { text: 'c', italic: true },
            { text: ' ' },
            { text: 'd', bold: true, italic: true },
          ],
        },
      ],
    ],
    ['an unmatched marker stays text', 'a ** b', [{ kind: 'paragraph', inlines: [{ text: 'a ** b' }] }]],
    ['HTML stays text', '<b>x</b>', [{ kind: 'paragraph', inlines: [{ text: '<b>x</b>' }] }]],
    [
      'bullets and numbers',
      '- a\n- b\n\n1. c\n2. d',
      [
        { kind: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] },
        { kind: 'list', ordered: true, items: [[{ text: 'c' }], [{ text: 'd' }]] },
      ],
    ],
    [
      'marks on their own line',
      '[[sign:1]]\n[[initials:10]]\n[[date:studio]]',
      [
        { kind: 'mark', mark: 'sign', slot: '1' },
        { kind: 'mark', mark: 'initials', slot: '10' },
        { kind: 'mark', mark: 'date', slot: 'studio' },
      ],
    ],
    ['a mark inside text is text', 'sign here [[sign:1]]', [{ kind: 'paragraph', inlines: [{ text: 'sign here [[sign:1]]' }] }]],
    ['slot 11 is no mark', '[[sign:11]]', [{ kind: 'paragraph', inlines: [{ text: '[[sign:11]]' }] }]],
  ])('%s', (_, source, blocks) => {
    expect(parseTemplate(source)).toEqual(blocks);
  });

  it('lists the fields in order of first use', () => {
    expect(templateFields('# {{client.name}}\n\n**{{custom.fee}}** {{client.name}}\n\n- {{shoot.date}}')).toEqual([
      'client.name',
      'custom.fee',
      'shoot.date',
    ]);
  });
});

describe('fillTemplate', () => {
  const fill = (source: string, values: Record<string, string>) => fillTemplate(parseTemplate(source), values);

  it.each<[string, string, Record<string, string>, Block[]]>([
    ['a field in bold', '**{{client.name}}**', { 'client.name': 'Ana' }, [{ kind: 'paragraph', inlines: [{ text: 'Ana', bold: true }] }]],
    [
      'bold markers in a value stay literal',
      'Hi {{client.name}}',
      { 'client.name': '**x**' },
      [{ kind: 'paragraph', inlines: [{ text: 'Hi **x**' }] }],
    ],
    [
      'a mark in a value is no mark',
      '{{client.name}}',
      { 'client.name': '[[sign:1]]' },
      [{ kind: 'paragraph', inlines: [{ text: '[[sign:1]]' }] }],
    ],
    [
      'a field in a value is not expanded',
      '{{custom.note}}',
      { 'custom.note': '{{client.name}}', 'client.name': 'Ana' },
      [{ kind: 'paragraph', inlines: [{ text: '{{client.name}}' }] }],
    ],
    [
      'a heading marker in a value is text',
      '{{client.name}}',
      { 'client.name': '# Big' },
      [{ kind: 'paragraph', inlines: [{ text: '# Big' }] }],
    ],
    [
      'a value in a list item',
      '- {{project.title}}',
      { 'project.title': 'Shoot' },
      [{ kind: 'list', ordered: false, items: [[{ text: 'Shoot' }]] }],
    ],
  ])('%s', (_, source, values, blocks) => {
    expect(fill(source, values)).toEqual(blocks);
  });

  it.each<[string, string, Record<string, string>, string[]]>([
    ['a missing value', '{{client.name}} {{custom.fee}}', { 'client.name': 'Ana' }, ['custom.fee']],
    ['an unknown field, even with a value', '{{client.secret}}', { 'client.secret': 'x' }, ['client.secret']],
    ['a custom key too long', `{{custom.${'a'.repeat(33)}}}`, {}, [`custom.${'a'.repeat(33)}`]],
  ])('%s throws FieldMissing', (_, source, values, fields) => {
    expect(() => fill(source, values)).toThrow(FieldMissing);
    try {
      fill(source, values);
    } catch (error) {
      expect((error as FieldMissing).fields).toEqual(fields);
    }
  });
});

describe('unsupportedCharacters', () => {
  it.each<[string, string, string[]]>([
    ['Latin, Hebrew, Arabic, emoji are drawable', 'Café שלום مرحبا 😀 👍🏽 ❤️ 👨‍👩‍👧', []],
    ['control characters and uncovered scripts, distinct, in order', 'a\u0001b𓀀c\u0001𓀀', ['\u0001', '𓀀']],
    ['CJK has no font here', '漢字', ['漢', '字']],
  ])('%s', (_, text, expected) => {
    expect(unsupportedCharacters(text)).toEqual(expected);
  });
});

describe('renderTemplate', () => {
  it('draws HTML as text, Hebrew and Arabic in order, emoji, and wraps a 10,000-character paragraph across pages', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `w${i}`)
      .join(' ')
      .slice(0, 10_000);
    const source = `# Release\n\n<b>not bold</b>\n\nשלום עולם\n\nمرحبا بالعالم\n\nEmoji 😀 done\n\n${long}\n\n${'x'.repeat(400)}\n\n[[sign:1]]`;
    const doc = await renderTemplate({
      title: 'Model release',
      studioName: 'Studio North',
      blocks: parseTemplate(source),
      parties: PARTIES,
    });
    const text = await pdftotext(doc.pdf);
    expect(doc.pageCount).toBeGreaterThan(2);
    expect(text).toContain('<b>not bold</b>');
    expect(text).toContain('שלום עולם');
    expect(text).toContain('مرحبا بالعالم'.normalize('NFKC'));
    expect(text).toContain('😀');
    expect(long).toHaveLength(10_000);
    expect(text).toContain(long.slice(long.lastIndexOf(' ') + 1));
    expect(text).toContain(`Page ${doc.pageCount} of ${doc.pageCount}`);
    // The 400-character word is broken by width: no line holds all of it.
    expect(text).not.toContain('x'.repeat(400));
    expect(text.replace(/\s/g, '')).toContain('x'.repeat(400));
    // Slot 1 signs where the template says; slot 2 gets the appended signature block.
    expect(doc.spots.filter((s) => s.mark === 'sign').map((s) => s.slot)).toEqual(['1', '2']);
    expect(doc.spots.find((s) => s.slot === '2' && s.mark === 'date')).toMatchObject({ page: doc.pageCount - 1 });
    expect(text).toContain('bo@example.com');
  });
});

describe('appendSignaturePage', () => {
  it("appends a Signatures page to a studio's PDF", async () => {
    const own = await PDFDocument.create();
    own.addPage();
    own.addPage();
    const doc = await appendSignaturePage({ pdf: await own.save(), title: 'Contract', studioName: 'Studio North', parties: PARTIES });
    expect(doc.pageCount).toBe(3);
    expect(doc.spots.map((s) => `${s.slot}:${s.mark}:${s.page}`)).toEqual(['1:sign:2', '1:date:2', '2:sign:2', '2:date:2']);
    expect(await pdftotext(doc.pdf)).toContain('Signatures');
  });

  it('refuses bytes that are no PDF', async () => {
    await expect(
      appendSignaturePage({ pdf: new TextEncoder().encode('not a pdf'), title: 't', studioName: 's', parties: PARTIES }),
    ).rejects.toThrow(PdfUnreadable);
  });
});

describe('sealPdf', () => {
  let input: SealInput;

  beforeAll(async () => {
    const key = createSealKey('Portico test seal');
    const paragraph = 'The model grants the studio the right to use the images. '.repeat(50);
    const source = `# Model release\n\n${Array.from({ length: 2 }, () => paragraph).join('\n\n')}\n\n[[sign:1]]\n\n[[initials:1]]\n\n[[date:1]]`;
    const doc = await renderTemplate({
      title: 'Model release',
      studioName: 'Studio North',
      blocks: parseTemplate(source),
      parties: PARTIES,
    });
    expect(doc.pageCount).toBe(3);
    input = {
      document: doc.pdf,
      documentHash: createHash('sha256').update(doc.pdf).digest('hex'),
      spots: doc.spots,
      signatures: [
        { slot: '1', name: 'Ana Lima', signedAt: '2026-12-01T10:00:00.000Z', signature: { kind: 'typed', text: 'Ana Lima' } },
        {
          slot: '2',
          name: 'Bo Berg',
          signedAt: '2026-12-01T11:00:00.000Z',
          signature: {
            kind: 'drawn',
            strokes: [
              {
                points: [
                  [20, 150],
                  [120, 40],
                  [260, 170],
                  [580, 60],
                ],
              },
              { points: [[300, 100]] },
            ],
          },
        },
      ],
      certificates: PARTIES.map((p, i) => ({
        ...p,
        authentication: i ? 'Portal session (magic link)' : 'One-time signing link',
        ip: i ? '2001:db8::1' : '203.0.113.9',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
        sentAt: '2026-12-01T09:00:00.000Z',
        signedAt: `2026-12-01T1${i}:00:00.000Z`,
        consentVersion: '2026-11',
      })),
      release: {
        id: 'rel_1',
        sealId: 'seal_7f3a',
        title: 'Model release',
        studioName: 'Studio North',
        completedAt: '2026-12-01T11:00:05.000Z',
      },
      chainHead: { seq: 9, hash: 'c0ffee'.repeat(10).slice(0, 64) },
      key: { p12: Buffer.from(key.p12Base64, 'base64'), passphrase: key.passphrase },
    };
  });

  it('seals with a valid signature over the whole file, certificate pages and findable metadata', async () => {
    const sealed = await sealPdf(input);
    const check = await pdfsig(sealed);
    expect(check, check.output).toMatchObject({ valid: true, wholeFile: true });
    expect(check.output).toContain('ETSI.CAdES.detached');
    const bytes = Buffer.from(sealed).toString('latin1');
    expect(bytes).toContain('/PorticoSeal (seal_7f3a)');
    expect(bytes).toContain('portico-seal:seal_7f3a');
    const text = await pdftotext(sealed);
    expect(text).toContain('203.0.113.9');
    expect(text).toContain(input.documentHash);
    expect(text).toContain(`#9 ${input.chainHead.hash}`);
    expect(text).toContain('2026-12-01');
    expect((await PDFDocument.load(sealed)).getPageCount()).toBe(3 + 2); // a certificate page per signer, the seal's lines on the last
  });

  it('a byte changed inside the signed range breaks the seal', async () => {
    const sealed = Buffer.from(await sealPdf(input));
    // ByteRange [0 a b c]: the signature's hex (not signed) is bytes a..b.
    const [, gapStart = 0, gapEnd = 0] = (/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(sealed.toString('latin1')) ?? [])
      .slice(1)
      .map(Number);
    const at = sealed.indexOf('/PorticoSeal (seal_7f3a)') + '/PorticoSeal (seal_'.length;
    expect(at).toBeGreaterThan(0);
    expect(gapEnd).toBeGreaterThan(gapStart);
    expect(at < gapStart || at >= gapEnd).toBe(true);
    sealed[at] = 'x'.charCodeAt(0);
    expect(await pdfsig(sealed)).toMatchObject({ valid: false });
  });

  it('refuses a document whose hash is not the reviewed one', async () => {
    await expect(sealPdf({ ...input, documentHash: '0'.repeat(64) })).rejects.toThrow(/does not match/);
  });
});
