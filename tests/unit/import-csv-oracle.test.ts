import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from '../../core/import/csv';

/**
 * Our CSV reader against csv-parse, a well-kept parser we did not write, as the oracle: any
 * table of awkward fields, written the way spreadsheets write CSV (quotes only where needed, or
 * everywhere), with either separator and line ending, a byte-order mark or not, reads back the
 * same through both.
 */
const field = fc.string({
  unit: fc.constantFrom('a', 'Б', 'ў', ' ', '"', ',', ';', '\t', '\n', '\r\n', '\r', '1', "'"),
  maxLength: 8,
});
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 8,
});

function write(rows: string[][], delimiter: string, eol: string, quoteAll: boolean): string {
  const quote = (value: string) =>
    quoteAll || value === '' || /["\r\n]/.test(value) || value.includes(delimiter)
      ? `"${value.replace(/"/g, '""')}"`
      : value;
  return rows.map((row) => row.map(quote).join(delimiter)).join(eol);
}

describe('the CSV reader, checked against csv-parse', () => {
  it('reads quoting, separators, line breaks inside fields and byte-order marks alike', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, eol, quoteAll, bom, trailingEol) => {
          const text = write(rows, delimiter, eol, quoteAll) + (trailingEol ? eol : '');
          const bytes = Buffer.concat([
            Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []),
            Buffer.from(text, 'utf8'),
          ]);
          const decoded = decodeText(bytes).text;
          const ours = parseCsv(decoded, delimiter, 1_000_000);
          const oracle = parse(bytes, {
            bom: true,
            delimiter,
            relax_column_count: true,
            skip_empty_lines: false,
          }) as string[][];
          expect(ours).toEqual(oracle);
          expect(ours).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the separator csv-parse is told, from the header line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zБў ]{1,6}$/), { minLength: 2, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        (header, delimiter) => {
          const text = `${header.join(delimiter)}\n${header.join(delimiter)}\n`;
          expect(detectDelimiter(text)).toBe(delimiter);
          expect(parseCsv(text, detectDelimiter(text), 10)).toEqual(
            parse(text, { delimiter }) as string[][],
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
