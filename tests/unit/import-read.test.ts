import { openSync, closeSync, ftruncateSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { LIMITS } from '../../core/import/read';
import { describe, expect, it } from 'vitest';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();

interface Preview {
  format: string;
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  renamedColumns: { column: string; original: string }[];
  sample: string[][];
  rows: number;
}

function preview(core: TestCore, path: string, extra: Record<string, unknown> = {}) {
  return core.ok<Preview>('previewImport', { path, shape: 'persons', ...extra });
}

/** Windows-1251 for the letters these tests use (Russian and Belarusian Cyrillic, ASCII). */
function encode1251(text: string): Uint8Array {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, Ў: 0xa1, ў: 0xa2, І: 0xb2, і: 0xb3 };
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (special[c] !== undefined) return special[c];
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no Windows-1251 byte for ${c}`);
    }),
  );
}

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

const TABLE = 'Name;Birth date;Notes\nЁжык Ўладзіслаў;1970;Іна\n';

describe('reading CSV', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    const core = await startCore();
    for (const bytes of [TABLE, `\ufeff${TABLE}`]) {
      const p = await preview(core, core.file('t.csv', bytes));
      expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
      expect(p.columns).toEqual(['Name', 'Birth date', 'Notes']);
      expect(p.sample).toEqual([['Ёжык Ўладзіслаў', '1970', 'Іна']]);
    }
  });

  it('reads UTF-16 little- and big-endian with their byte-order marks', async () => {
    const core = await startCore();
    for (const endian of ['le', 'be'] as const) {
      const p = await preview(core, core.file(`t-${endian}.csv`, utf16(TABLE, endian)));
      expect(p.encoding).toBe(`utf-16${endian}`);
      expect(p.sample).toEqual([['Ёжык Ўладзіслаў', '1970', 'Іна']]);
    }
  });

  it('falls back to Windows-1251 when the bytes are not UTF-8', async () => {
    const core = await startCore();
    const p = await preview(core, core.file('t.csv', encode1251(TABLE)));
    expect(p.encoding).toBe('windows-1251');
    expect(p.sample).toEqual([['Ёжык Ўладзіслаў', '1970', 'Іна']]);
  });

  it('finds comma, semicolon and tab separators', async () => {
    const core = await startCore();
    for (const sep of [',', ';', '\t']) {
      const text = `Name${sep}Notes\nA${sep}"x, y; z\tw"\n`;
      const p = await preview(core, core.file('t.csv', text));
      expect(p.delimiter).toBe(sep);
      expect(p.sample).toEqual([['A', 'x, y; z\tw']]);
    }
  });

  it('reads quoted fields with line breaks, quotes and CRLF line ends', async () => {
    const core = await startCore();
    const text = 'Name,Notes\r\n"Алесь ""Алік""","line 1\r\nline 2\nline 3"\r\nБ,\r\n';
    const p = await preview(core, core.file('t.csv', text));
    expect(p.sample).toEqual([
      ['Алесь "Алік"', 'line 1\r\nline 2\nline 3'],
      ['Б', ''],
    ]);
  });

  it('numbers rows as a spreadsheet does, blank rows skipped but counted', async () => {
    const core = await startCore();
    const file = core.file('t.csv', '\n\nName,Birth date\nA,1970\n,\nB,19xx\n');
    const p = await core.ok<{ rows: number; problems: { row: number }[] }>('previewImport', {
      path: file,
      shape: 'persons',
    });
    expect(p.rows).toBe(2);
    expect(p.problems.map((problem) => problem.row)).toEqual([6]);
  });

  it('makes duplicate and blank headers unique and says so', async () => {
    const core = await startCore();
    const p = await preview(core, core.file('t.csv', 'Name,Notes,,Notes,\nA,1,2,3\n'));
    expect(p.columns).toEqual(['Name', 'Notes', 'Column 3', 'Notes (2)']);
    expect(p.renamedColumns).toEqual([
      { column: 'Column 3', original: '' },
      { column: 'Notes (2)', original: 'Notes' },
    ]);
  });

  it('refuses empty, blank and header-only files with their own codes', async () => {
    const core = await startCore();
    const cases: [string | Uint8Array, string][] = [
      ['', 'IMPORT_EMPTY'],
      ['\ufeff', 'IMPORT_EMPTY'],
      ['\r\n \n', 'IMPORT_EMPTY'],
      [utf16('', 'le'), 'IMPORT_EMPTY'],
      ['Name,Notes\n', 'IMPORT_NO_ROWS'],
      ['Name,Notes\n,\n\n', 'IMPORT_NO_ROWS'],
    ];
    for (const [content, code] of cases) {
      expect(
        await core.fails('previewImport', { path: core.file('t.csv', content), shape: 'persons' }),
      ).toBe(code);
    }
  });

  it('refuses binary garbage, old .xls files and broken workbooks as unreadable', async () => {
    const core = await startCore();
    let seed = 7;
    const noise = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]);
    const cases: [string, string | Uint8Array][] = [
      ['noise.csv', noise],
      ['image.csv', png],
      ['old.xls', ole],
      ['broken.xlsx', brokenZip],
      ['text.xlsx', 'Name\nA\n'],
      ['badquote.csv', 'Name,Notes\nA,"never closed\n'],
      ['odd.csv', Uint8Array.from([0xff, 0xfe, 0x41])],
    ];
    for (const [name, content] of cases) {
      expect(
        await core.fails('previewImport', { path: core.file(name, content), shape: 'persons' }),
      ).toBe('IMPORT_UNREADABLE');
    }
    expect(
      await core.fails('previewImport', { path: '/nonexistent/vigil/file.csv', shape: 'persons' }),
    ).toBe('IMPORT_UNREADABLE');
  });

  it('refuses files over 200 MB without reading them', async () => {
    const core = await startCore();
    const file = core.file('big.csv', '');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, LIMITS.maxBytes + 1); // sparse: no disk space, no time
    closeSync(fd);
    expect(await core.fails('previewImport', { path: file, shape: 'persons' })).toBe(
      'IMPORT_TOO_LARGE',
    );
  });

  it('refuses more rows than the limit, and reads a file at the limit', async () => {
    expect(LIMITS.maxRows).toBe(2_000_000);
    // The same check at a smaller limit: two million rows would only make the test slow.
    const limit = LIMITS.maxRows;
    LIMITS.maxRows = 2000;
    try {
      const core = await startCore();
      const file = core.file('rows.csv', `Name\n${'A\n'.repeat(2001)}`);
      expect(await core.fails('previewImport', { path: file, shape: 'persons' })).toBe(
        'IMPORT_TOO_LARGE',
      );
      const atLimit = core.file('limit.csv', `Name\n${'A\n'.repeat(2000)}`);
      expect((await preview(core, atLimit)).rows).toBe(2000);
    } finally {
      LIMITS.maxRows = limit;
    }
  });
});

type TestCell = string | number | boolean | { date: number; format: string };

/**
 * A workbook as Excel writes one: strings in the shared-string table, numbers as numbers,
 * dates as serial numbers with a date format (style 1 is `dd.mm.yyyy`, style 2 a date-time).
 */
function workbook(sheets: Record<string, TestCell[][]>): Uint8Array {
  const strings: string[] = [];
  const cell = (value: TestCell, ref: string) => {
    if (typeof value === 'string') {
      strings.push(value);
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    }
    if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    return `<c r="${ref}" s="${value.format === 'date' ? 1 : 2}"><v>${value.date}</v></c>`;
  };
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {};
  names.forEach((name, i) => {
    const rows = sheets[name]!.map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => cell(v, `${String.fromCharCode(65 + c)}${r + 1}`)).join('')}</row>`,
    );
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
  });
  const rels = names.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const sheetList = names.map(
    (name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  Object.assign(files, {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList.join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${PKG}">${rels.join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst xmlns="${MAIN}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    ),
  });
  return zipSync(files);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

describe('reading XLSX', () => {
  it('reads the first sheet, or a named one, with every cell as text', async () => {
    const core = await startCore();
    const file = core.file(
      'book.xlsx',
      workbook({
        Persons: [
          ['Name', 'Birth date', 'Months', 'Flag'],
          ['Ганна', 1961, 24, true],
        ],
        Other: [['Name'], ['Б']],
      }),
    );
    expect((await preview(core, file)).sample).toEqual([['Ганна', '1961', '24', 'TRUE']]);
    expect((await preview(core, file, { sheet: 'Other' })).sample).toEqual([['Б']]);
    expect(await core.fails('previewImport', { path: file, shape: 'persons', sheet: 'Nope' })).toBe(
      'IMPORT_SHEET_NOT_FOUND',
    );
  });

  it('turns date cells into YYYY-MM-DD by arithmetic, in every time zone', async () => {
    const core = await startCore();
    // 44423 is Excel's serial number for 15 August 2021; 61 is 1 March 1900.
    const file = core.file(
      'dates.xlsx',
      workbook({
        S: [
          ['Name', 'Birth date', 'Arrest date'],
          ['A', { date: 44423, format: 'date' }, { date: 44423.99, format: 'datetime' }],
          ['B', { date: 61, format: 'date' }, { date: 2958465, format: 'date' }],
        ],
      }),
    );
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Europe/Minsk', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect((await preview(core, file)).sample).toEqual([
          ['A', '2021-08-15', '2021-08-15'],
          ['B', '1900-03-01', '9999-12-31'],
        ]);
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('refuses a sheet whose one far-away cell would make millions of empty ones', async () => {
    const core = await startCore();
    const sheet = (cells: string) =>
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
    const far = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        ),
      ),
    });
    expect(
      await core.fails('previewImport', { path: core.file('far.xlsx', far), shape: 'persons' }),
    ).toBe('IMPORT_TOO_LARGE');
  });
});
