// The submission CSV as a spreadsheet reads it: parsed back by a real CSV parser, every cell is what
// was stored (with formulas defused), and no cell, nor any line inside a cell, starts a formula.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../../shared/features/galleries/index.ts';
import { submissionCsv } from '../../../shared/features/proofing/domain/submissions.ts';

const submission = (clientName: string, fileNames: string[]): SubmissionRecord =>
  ({
    submissionId: 's',
    galleryId: 'g',
    clientId: 'c',
    clientName,
    clientEmail: 'bob@example.com',
    confirmedAt: '2026-12-01T10:00:00.000Z',
    count: fileNames.length,
    imageIds: fileNames.map((_, i) => `i${i}`),
    fileNames,
  }) as SubmissionRecord;

/** A formula's first character at the start of a cell or of any line inside it. */
const FORMULA_START = /(?:^|[\r\n])[=+\-@\t\r]/;
/** Strings dense in what breaks CSV and starts formulas, and any other code points. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ';', 'a', ' ', 'é'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const cells = (csv: string): string[][] => parse(csv, { bom: false });

describe('the submission CSV', () => {
  it('quotes a lone CR and defuses the formula after it', () => {
    const rows = cells(submissionCsv(submission('Bob\r=1+1', ['IMG_1.jpg'])));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['IMG_1.jpg', "Bob\r'=1+1", 'bob@example.com', '2026-12-01T10:00:00.000Z']);
    expect(submissionCsv(submission('Bob\r=1+1', ['IMG_1.jpg']))).toContain('"Bob\r\'=1+1"');
  });

  it('defuses formula prefixes at the start of a cell and after every line break', () => {
    const rows = cells(
      submissionCsv(submission('=HYPERLINK("x")', ['+1.jpg', '-2.jpg', '@3.jpg', '\t4.jpg', '\r5.jpg', 'a\n=6.jpg', 'b\r\n@7'])),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'+1.jpg", "'-2.jpg", "'@3.jpg", "'\t4.jpg", "'\r5.jpg", "a\n'=6.jpg", "b\r\n'@7"]);
    expect(rows[1]?.[1]).toBe('\'=HYPERLINK("x")');
  });

  it('reads back as the same cells, none starting a formula, for any names', () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 5 }), (name, fileNames) => {
        const rows = cells(submissionCsv(submission(name, fileNames)));
        expect(rows).toHaveLength(fileNames.length + 1);
        expect(rows[0]).toEqual(['file_name', 'client', 'email', 'confirmed_at']);
        fileNames.forEach((fileName, i) => {
          const row = rows[i + 1] as string[];
          expect(row).toHaveLength(4);
          expect(row.slice(2)).toEqual(['bob@example.com', '2026-12-01T10:00:00.000Z']);
          const pairs: [string, string][] = [
            [row[0] as string, fileName],
            [row[1] as string, name],
          ];
          for (const [cell, original] of pairs) {
            expect(cell).not.toMatch(FORMULA_START);
            // Defusing only inserts apostrophes, and only where a line would start a formula.
            expect(cell.replaceAll("'", '')).toBe(original.replaceAll("'", ''));
            if (!FORMULA_START.test(original)) expect(cell).toBe(original);
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});
