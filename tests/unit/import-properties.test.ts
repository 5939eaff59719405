import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../core/export/csv';
import { neutraliseFormula, restoreFormula } from '../../core/export/formula';
import { toXlsx } from '../../core/export/xlsx';
import { decodeText, detectDelimiter, parseCsv } from '../../core/import/csv';
import { parseDateCell } from '../../core/import/dates';
import { isoFromDay } from '../../core/api/dates';
import { LIMITS } from '../../core/import/read';
import { readXlsx } from '../../core/import/xlsx';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Any text, with the characters that CSV, spreadsheets and formulas care about made common. */
const awkwardText = fc.string({
  unit: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...TRIGGERS,
        "'",
        ',',
        ';',
        '"',
        '\n',
        ' ',
        '_x0041_',
        'constructor',
        '__proto__',
      ),
    },
    { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 30,
});

/** Text a CSV file can carry: no control characters but tab and line breaks. */
const csvText = awkwardText.map((text) =>
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ''),
);

describe('formula neutralisation', () => {
  it('round-trips every string, and no neutralised cell starts a formula', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const cell = neutraliseFormula(text);
        expect(restoreFormula(cell)).toBe(text);
        expect(TRIGGERS).not.toContain(cell[0]);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds exactly one apostrophe, only where needed', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula("'=1+1")).toBe("''=1+1");
    expect(neutraliseFormula("'quoted")).toBe("'quoted");
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect(restoreFormula("'quoted")).toBe("'quoted");
  });
});

describe('CSV fields', () => {
  const table = fc.array(fc.array(csvText, { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 8,
  });

  for (const delimiter of [',', ';']) {
    it(`survive writing and reading with "${delimiter}"`, () => {
      fc.assert(
        fc.property(table, (rows) => {
          const { text, encoding } = decodeText(toCsv(rows, delimiter));
          expect(encoding).toBe('utf-8');
          expect(parseCsv(text, delimiter, 100)).toEqual(rows);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('keep the separator findable from the header', () => {
    fc.assert(
      fc.property(fc.array(csvText, { minLength: 2, maxLength: 6 }), (header) => {
        for (const delimiter of [',', ';']) {
          expect(detectDelimiter(decodeText(toCsv([header], delimiter)).text)).toBe(delimiter);
        }
      }),
    );
  });
});

describe('XLSX text cells', () => {
  it('survive writing and reading, escapes and control characters included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(
            awkwardText.filter((t) => t !== ''),
            { minLength: 1, maxLength: 4 },
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        async (rows) => {
          const width = Math.max(...rows.map((r) => r.length));
          const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')]);
          expect(await readXlsx(await toXlsx(padded, 'S'), undefined, LIMITS)).toEqual(padded);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('dates', () => {
  it('turns day counts into calendar dates as UTC does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 2_900_000 }), (days) => {
        const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
        expect(isoFromDay(days)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('keep stored partial dates as they are and read DD.MM.YYYY', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1850 * 12, max: 2200 * 12 - 1 }),
        fc.integer({ min: 1, max: 28 }),
        (month, day) => {
          const y = String(Math.floor(month / 12));
          const m = String((month % 12) + 1).padStart(2, '0');
          const d = String(day).padStart(2, '0');
          for (const stored of [y, `${y}-${m}`, `${y}-${m}-${d}`])
            expect(parseDateCell(stored)).toBe(stored);
          expect(parseDateCell(`${d}.${m}.${y}`)).toBe(`${y}-${m}-${d}`);
          expect(parseDateCell(`${m}.${y}`)).toBe(`${y}-${m}`);
        },
      ),
    );
    for (const bad of ['2021-02-30', '1700', '15/08/2021', '2021-13', 'вчера', '2021-8-']) {
      expect(parseDateCell(bad)).toBeUndefined();
    }
    expect(parseDateCell('  ')).toBeNull();
    expect(parseDateCell('2021-08-15T23:30:00Z')).toBe('2021-08-15');
  });
});
