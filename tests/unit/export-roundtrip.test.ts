import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { ImportPreview, ImportShape } from '../../core/api/import';
import { suggestMapping } from '../../core/import/headers';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

/** Text that spreadsheets and CSV get wrong: separators, quotes, line breaks, formulas. */
const AWKWARD = [
  'Коска, "двукоссе"; кропка з коскай',
  'радок 1\nрадок 2\r\nрадок 3\rканец',
  '=HYPERLINK("http://x","y")',
  "+1; -1; '=already quoted",
  "'=1+1",
  "''+2",
  '-минус',
  '@SUM(A1)',
  '\tз табуляцыяй',
  '\rз вяртаннем',
  '  прабелы па краях  ',
  '_x0041_ and a bell \u0007',
  'Ёжык ў і ё',
].join(' | ');

const FACILITY = {
  thesaurus: 'facility',
  code: 'ik-4',
  labelEn: 'Penal colony 4, Gomel',
  labelBe: 'ПК-4, Гомель',
  labelRu: 'ИК-4, Гомель',
  address: 'ул. Антошкина, 3',
};

async function fillVault(core: TestCore): Promise<void> {
  await core.ok('createRecord', { kind: 'thesaurusTerm', fields: FACILITY });
  const people = [
    {
      name: 'Ганна Іванаўна Ёжык',
      nameLatin: 'Hanna Jozhyk',
      nameVariants: ['Анна Ивановна Ёжик', 'Hanna Yozhyk'],
      sex: 'female',
      birthDate: '1961',
      citizenship: ['BY', 'UA'],
      region: 'gomel',
      occupation: 'настаўніца, "пенсіянерка"',
      notes: AWKWARD,
      consent: 'publish',
    },
    { name: '=Formula Name', birthDate: '1990-02', consent: 'never_publish', sex: 'other' },
    { name: '@Алесь', birthDate: '2001-12-31', notes: '-', occupation: '+' },
    { name: 'Без даты', occupation: 'constructor', notes: '__proto__' },
  ];
  for (const fields of people) {
    const { id } = await core.ok<{ id: string }>('createPerson', fields);
    if (fields.notes !== AWKWARD) continue;
    const events = [
      { type: 'detention', date: '2020-08-09', detentionType: 'administrative_detention' },
      { type: 'arrest', date: '2020-09', detentionType: 'pre_trial_detention', notes: AWKWARD },
      { type: 'transfer', date: '2021', facility: 'ik-4' },
      { type: 'release', date: '2024-09-16', releaseType: 'pardon', notes: "'=x" },
      { type: 'rearrest', date: null },
      { type: 'death_in_custody', date: '2025-01-01', facility: 'ik-4' },
    ];
    for (const event of events) {
      await core.ok('createRecord', { kind: 'custodyEvent', fields: { personId: id, ...event } });
    }
    const risks = [
      { category: 'over_60', startDate: '2021-03', endDate: null, notes: '' },
      { category: 'serious_health', startDate: '2022', endDate: '2023-01-31', notes: AWKWARD },
    ];
    for (const risk of risks) {
      await core.ok('createRecord', { kind: 'riskAssignment', fields: { personId: id, ...risk } });
    }
  }
}

const STORED = new Set(['id', 'createdAt', 'updatedAt', 'personId', 'proceedingId']);

function withoutIds(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !STORED.has(field)));
}

/** Everything the vault records about persons and their events, without ids and times. */
async function contents(core: TestCore) {
  const { items } = await core.ok<{ items: { id: string }[] }>('listPersons', { limit: 1000 });
  const files = await Promise.all(
    items.map((item) =>
      core.ok<Record<string, Record<string, unknown>[]>>('getPersonFile', { id: item.id }),
    ),
  );
  return files
    .map((file) => ({
      person: withoutIds(file.person as unknown as Record<string, unknown>),
      custodyEvents: file.custodyEvents!.map(withoutIds),
      riskAssignments: file.riskAssignments!.map(withoutIds),
    }))
    .sort((a, b) => String(a.person.name).localeCompare(String(b.person.name)));
}

/**
 * An internal export: every person as recorded, which is what a lossless round trip needs (a
 * file for publication leaves cases out on purpose: tests/unit/disclosure.test.ts).
 */
async function exportTo(core: TestCore, format: string, shape: string, name: string) {
  const file = path.join(core.dataDir, `${name}.${format}`);
  await core.ok('exportRecords', {
    path: file,
    format,
    shape,
    audience: 'internal',
    confirmPlaintext: true,
  });
  return file;
}

async function importFile(core: TestCore, file: string, shape: string) {
  const preview = await core.ok<ImportPreview>('previewImport', { path: file, shape });
  expect(preview.problems).toEqual([]);
  return core.ok('runImport', { path: file, shape, mapping: preview.mapping, mode: 'all' });
}

describe('export then import', () => {
  for (const format of ['csv', 'xlsx']) {
    it(`is lossless in ${format.toUpperCase()}, in every time zone`, async () => {
      const source = await startCore();
      await fillVault(source);
      const expected = await contents(source);
      const hanna = (all: typeof expected) =>
        all.find((f) => f.person.nameLatin === 'Hanna Jozhyk')!;
      expect(hanna(expected).custodyEvents).toHaveLength(6);
      const offsets: number[] = [];
      for (const tz of ['UTC', 'Europe/Minsk', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        offsets.push(new Date(2021, 7, 15).getTimezoneOffset());
        const persons = await exportTo(
          source,
          format,
          'persons',
          `persons-${tz.replace('/', '-')}`,
        );
        const events = await exportTo(source, format, 'events', `events-${tz.replace('/', '-')}`);
        const target = await startCore();
        await target.ok('createRecord', { kind: 'thesaurusTerm', fields: FACILITY });
        expect(await importFile(target, persons, 'persons')).toMatchObject({ personsCreated: 4 });
        expect(await importFile(target, events, 'events')).toMatchObject({ eventsCreated: 8 });
        const actual = await contents(target);
        expect(actual).toEqual(expected);
        expect(hanna(actual).custodyEvents[0]).toMatchObject({
          type: 'detention',
          date: '2020-08-09',
        });
      }
      // The zone really changed: UTC, Minsk (+3), Los Angeles (-7 in August), Kiritimati (+14).
      expect(offsets).toEqual([0, -180, 420, -840]);
    });
  }
});

describe('exported files', () => {
  it('write CSV as UTF-8 with a BOM, codes and partial dates as stored, formulas neutralised', async () => {
    const core = await startCore();
    await fillVault(core);
    const text = readFileSync(await exportTo(core, 'csv', 'persons', 'p'), 'utf8');
    expect(text.startsWith('\ufeffVigil ID,Name,Name (Latin),Name variants,Sex,Birth date,')).toBe(
      true,
    );
    expect(text).toContain(
      ',Hanna Jozhyk,"Анна Ивановна Ёжик; Hanna Yozhyk",female,1961,"BY; UA",gomel,',
    );
    expect(text).toContain(",'=Formula Name,,,other,1990-02,");
    expect(text).toContain(",'@Алесь,,,,2001-12-31,,,'+,'-,withhold_name");
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('write XLSX text cells, formulas neutralised, labels on request', async () => {
    const core = await startCore();
    await fillVault(core);
    const file = path.join(core.dataDir, 'events.xlsx');
    await core.ok('exportRecords', {
      path: file,
      format: 'xlsx',
      shape: 'events',
      audience: 'internal',
      confirmPlaintext: true,
      labels: 'be',
    });
    const rows = await readSheet(readFileSync(file));
    expect(rows[0]).toContain('Release type label');
    const release = rows.find((row) => row.includes('release'))!;
    expect(release).toEqual(
      expect.arrayContaining(['2024-09-16', 'pardon', 'Памілаванне', "''=x"]),
    );
    for (const row of rows)
      for (const cell of row) expect(typeof cell === 'string' || cell === null).toBe(true);
  });

  it('export only the persons asked for', async () => {
    const core = await startCore();
    await fillVault(core);
    const { items } = await core.ok<{ items: { id: string; name: string }[] }>('listPersons', {});
    const chosen = items.filter((p) => p.name !== 'Без даты').map((p) => p.id);
    const file = path.join(core.dataDir, 'some.csv');
    expect(
      await core.ok('exportRecords', {
        path: file,
        format: 'csv',
        shape: 'persons',
        personIds: chosen,
        audience: 'internal',
        confirmPlaintext: true,
      }),
    ).toMatchObject({ rows: 3 });
    expect(readFileSync(file, 'utf8')).not.toContain('Без даты');
  });
});

describe('court cases and status history', () => {
  it('export with headers the import maps by itself, a label beside each code', async () => {
    const core = await startCore();
    const { id } = await core.ok<{ id: string }>('createPerson', {
      name: 'Алесь Прыкладны',
      birthDate: '1980-05-06',
      consent: 'publish',
    });
    await core.ok('createRecord', {
      kind: 'proceeding',
      fields: {
        personId: id,
        kind: 'criminal',
        articles: ['cc-130', 'cc-293'],
        caseNumber: '1-23/2021',
        verdictDate: '2021-11-02',
        sentenceType: 'imprisonment',
        sentenceMonths: 48,
      },
    });
    await core.ok('createRecord', {
      kind: 'statusEvent',
      fields: { personId: id, status: 'recognised', date: '2021-04', recognisedBy: 'Вясна' },
    });
    const tables: Record<string, string[][]> = {};
    for (const shape of ['proceedings', 'statuses']) {
      const file = path.join(core.dataDir, `${shape}.csv`);
      await core.ok('exportRecords', {
        path: file,
        format: 'csv',
        shape,
        labels: 'en',
        confirmPlaintext: true,
      });
      tables[shape] = parse(readFileSync(file), { bom: true });
      const mapping = suggestMapping(shape as ImportShape, tables[shape][0]!);
      const mapped = Object.entries(mapping).filter(([, target]) => target !== 'ignore');
      // Every column but the labels fills a field.
      expect(mapped.map(([column]) => column)).toEqual(
        tables[shape][0]!.filter((column) => !column.endsWith(' label')),
      );
    }
    expect(tables.proceedings![1]).toEqual([
      id,
      'Алесь Прыкладны',
      '1980-05-06',
      'criminal',
      'cc-130; cc-293',
      'Criminal Code 130: incitement of hatred; Criminal Code 293: mass riots',
      '',
      '',
      '1-23/2021',
      '',
      '2021-11-02',
      'imprisonment',
      'Imprisonment',
      '48',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(tables.statuses![1]).toEqual([
      id,
      'Алесь Прыкладны',
      '1980-05-06',
      'recognised',
      '2021-04',
      'Вясна',
      '',
    ]);
  });
});

describe('export refuses', () => {
  it('without the plaintext confirmation', async () => {
    const core = await startCore();
    const file = path.join(core.dataDir, 'x.csv');
    for (const confirmPlaintext of [undefined, false, 'yes']) {
      expect(
        await core.fails('exportRecords', {
          path: file,
          format: 'csv',
          shape: 'persons',
          confirmPlaintext,
        }),
      ).toBe('INVALID_INPUT');
    }
    expect(existsSync(file)).toBe(false);
  });

  it('to replace a file unless asked, and to write into a missing folder', async () => {
    const core = await startCore();
    await core.ok('createPerson', { name: 'A' });
    const file = core.file('taken.csv', 'keep me');
    const args = {
      path: file,
      format: 'csv',
      shape: 'persons',
      audience: 'internal',
      confirmPlaintext: true,
    };
    expect(await core.fails('exportRecords', args)).toBe('EXPORT_FILE_EXISTS');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    await core.ok('exportRecords', { ...args, overwrite: true });
    expect(readFileSync(file, 'utf8')).toContain(',A,');
    expect(
      await core.fails('exportRecords', {
        ...args,
        path: path.join(core.dataDir, 'no', 'such', 'x.csv'),
      }),
    ).toBe('FOLDER_NOT_WRITABLE');
  });
});
