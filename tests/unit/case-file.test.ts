import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../core/api/errors';
import type { CaseFileResult } from '../../core/api/export';
import type { ImportResult, ImportRun } from '../../core/api/importRuns';
import { loadDemoData } from '../../core/demo/load';
import { pseudonymCode } from '../../core/disclosure';
import { toWorkbook } from '../../core/export/xlsx';
import { setFsStepHook } from '../../core/vault/fsSteps';
import { useCores, type TestCore } from './import-core';

/**
 * The whole case file: export, then import into an empty vault. The files are read back with
 * tools this project did not write: `unzip` for the workbook's XML, csv-parse for the folder.
 */

const startCore = useCores();

/** The tables a case file holds, and the thesaurus, which it carries the used terms of. */
const CASE_TABLES = [
  'persons',
  'proceedings',
  'custody_events',
  'risk_assignments',
  'status_events',
  'sources',
  'citations',
  'thesaurus_terms',
];

/**
 * Columns left out of the dump: when a record was created and changed and the field clocks
 * are the times of the change sets that wrote it, which an import writes anew (the file holds
 * no times). `deleted` is 0 for every row the dump reads. The audit log, the change log and the
 * import run are this vault's own history, not records of the case file.
 */
const NOT_COMPARED = new Set([
  'created_at',
  'updated_at',
  'clock',
  'clock_base',
  'bases',
  'deleted',
]);

type Dump = Record<string, unknown[][]>;

/** Every live record of every case table, every field, sorted by id: read by plain SQL. */
async function dump(core: TestCore): Promise<Dump> {
  const db = (await core.session.readVault()).db;
  const out: Dump = {};
  for (const table of CASE_TABLES) {
    const columns = db
      .exec(`PRAGMA table_info(${table})`)[0]!
      .values.map((row) => String(row[1]))
      .filter((column) => !NOT_COMPARED.has(column));
    const result = db.exec(
      `SELECT ${columns.join(', ')} FROM ${table} WHERE deleted = 0 ORDER BY id`,
    )[0];
    out[table] = [columns, ...(result?.values ?? [])];
  }
  return out;
}

/** Table by table, so a difference shows as one record, not a diff of 160,000. */
function expectSameDump(actual: Dump, expected: Dump): void {
  for (const table of CASE_TABLES) {
    const a = actual[table]!;
    const e = expected[table]!;
    expect([table, a.length]).toEqual([table, e.length]);
    const first = e.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(a[i]));
    if (first >= 0) expect([table, a[first]]).toEqual([table, e[first]]);
  }
}

async function exportCase(core: TestCore, args: Record<string, unknown>) {
  return core.ok<CaseFileResult>('exportCaseFile', { confirmPlaintext: true, ...args });
}

async function refusal(core: TestCore, file: string): Promise<ApiErrorBody> {
  const result = await core.call('importCaseFile', { path: file });
  if (result.ok) throw new Error('importCaseFile succeeded');
  return result.error;
}

/** The rows of one sheet of a workbook, read from its XML as `unzip` gives it. */
function sheetRows(file: string, sheet: string): string[][] {
  const workbook = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
  const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
  const xml = execFileSync(
    'unzip',
    ['-p', file, `xl/worksheets/sheet${names.indexOf(sheet) + 1}.xml`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  return [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map(([, row]) => {
    const cells: string[] = [];
    for (const [, ref, text] of row!.matchAll(
      /<c r="([A-Z]+)\d+"[^>]*><is><t[^>]*>([\s\S]*?)<\/t><\/is><\/c>/g,
    )) {
      const column = [...ref!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
      // ST_Xstring: `_xHHHH_` is the character HHHH (and `_x005F_` an underscore).
      cells[column] = text!
        .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    }
    return Array.from(cells, (cell) => cell ?? '');
  });
}

function csvRows(folder: string, file: string): string[][] {
  return parse(readFileSync(path.join(folder, file)), { bom: true, relax_column_count: true });
}

/** Text that spreadsheets and CSV get wrong: separators, quotes, line breaks, formulas. */
const AWKWARD = [
  'Коска, "двукоссе"; кропка з коскай',
  'радок 1\nрадок 2\r\nрадок 3\rканец',
  '=HYPERLINK("http://x","y")',
  "'=1+1",
  '@SUM(A1)',
  '\tз табуляцыяй',
  '  прабелы па краях  ',
  '_x0041_ and a bell \u0007',
  'back\\slash \\; and ;',
].join(' | ');

const FACILITY = {
  thesaurus: 'facility',
  code: 'ik-4',
  labelEn: 'Penal colony 4, Gomel',
  labelBe: 'ПК-4, Гомель',
  labelRu: 'ИК-4, Гомель',
  address: 'ул. Антошкина, 3',
};

/** A withheld name and everything that would give it away. */
const WITHHELD = {
  name: 'Зміцер Кветачка',
  nameLatin: 'Zmicier Kvietacka',
  nameVariants: ['Дмитрий Кветочка'],
  externalIds: ['list:2077'],
  birthDate: '1975-04-12',
  occupation: 'кветкар',
  notes: 'Жыве на вуліцы Ліловай, 5',
  consent: 'withhold_name',
  region: 'minsk_city',
};

const NEVER = { name: 'Ніхто Нідзевіч', nameLatin: 'Nichto Nidzevic', consent: 'never_publish' };

interface Register {
  named: string;
  withheld: string;
  never: string;
  /** Ids of the never-publish person's records. */
  neverRecords: string[];
  confidentialTitle: string;
  /** A public source's title that names the withheld person, cited for them. */
  namingTitle: string;
  neverSourceTitle: string;
}

async function create(core: TestCore, kind: string, fields: Record<string, unknown>) {
  return (await core.ok<{ id: string }>('createRecord', { kind, fields })).id;
}

/** Three persons, one of each consent, with every kind of record and awkward text. */
async function fillRegister(core: TestCore): Promise<Register> {
  await create(core, 'thesaurusTerm', FACILITY);
  const named = (
    await core.ok<{ id: string }>('createPerson', {
      name: 'Ганна Іванаўна Ёжык',
      nameLatin: 'Hanna Jozhyk',
      nameVariants: ['Анна; Ёжик', 'Hanna \\ Yozhyk'],
      externalIds: ['list:1042', 'viasna:B-17'],
      sex: 'female',
      birthDate: '1961-03',
      citizenship: ['BY', 'UA'],
      region: 'gomel',
      occupation: '=cmd|"/c calc"!A0',
      notes: AWKWARD,
      consent: 'publish',
    })
  ).id;
  const withheld = (await core.ok<{ id: string }>('createPerson', WITHHELD)).id;
  const never = (await core.ok<{ id: string }>('createPerson', NEVER)).id;
  const neverRecords: string[] = [];
  for (const personId of [named, withheld, never]) {
    const ids: string[] = [];
    const proceeding = await create(core, 'proceeding', {
      personId,
      kind: 'criminal',
      articles: ['cc-130', 'cc-293'],
      court: 'Савецкі раённы суд',
      judge: personId === withheld ? 'Суддзя Прыкладны' : 'Суддзя Іншы',
      caseNumber: `1-${personId.slice(0, 4)}/2021`,
      verdictDate: '2021-11',
      sentenceType: 'imprisonment',
      sentenceMonths: 36,
      notes: AWKWARD,
    });
    ids.push(proceeding);
    ids.push(
      await create(core, 'custodyEvent', {
        personId,
        type: 'arrest',
        date: '2021-03-12',
        detentionType: 'pre_trial_detention',
        notes: AWKWARD,
      }),
      await create(core, 'custodyEvent', {
        personId,
        type: 'transfer',
        date: '2022',
        facility: 'ik-4',
        proceedingId: proceeding,
      }),
      await create(core, 'custodyEvent', { personId, type: 'release', releaseType: 'pardon' }),
      await create(core, 'riskAssignment', { personId, category: 'over_60', startDate: '2021' }),
      await create(core, 'statusEvent', {
        personId,
        status: 'recognised',
        date: '2021-04-01',
        recognisedBy: 'Праваабаронцы',
      }),
    );
    if (personId === never) neverRecords.push(...ids);
  }
  const source = (title: string, confidentiality: string) =>
    create(core, 'source', {
      title,
      kind: 'court_record',
      reliability: 'high',
      confidentiality,
      reference: `archive ${title.length}`,
      date: '2021-12',
      notes: 'taken from the court',
    });
  const cite = (sourceId: string, entity: string, entityId: string, field: string | null = null) =>
    create(core, 'citation', { sourceId, entity, entityId, field, notes: 'as the court said' });
  const confidentialTitle = 'Letter from a cellmate';
  const namingTitle = `Verdict of ${WITHHELD.name}`;
  const neverSourceTitle = 'Interview with the neighbours';
  const open = await source('Court list of 2021', 'public');
  const confidential = await source(confidentialTitle, 'confidential');
  const naming = await source(namingTitle, 'public');
  const neverSource = await source(neverSourceTitle, 'restricted');
  const newspaper = await source('Newspaper report of 2021', 'public');
  await source('A report nobody cites', 'public');
  await cite(open, 'person', named, 'birthDate');
  await cite(newspaper, 'person', named);
  await cite(confidential, 'person', named);
  await cite(naming, 'person', withheld);
  await cite(open, 'person', withheld);
  neverRecords.push(await cite(neverSource, 'person', never), await cite(open, 'person', never));
  return { named, withheld, never, neverRecords, confidentialTitle, namingTitle, neverSourceTitle };
}

/** A copy of a case file folder with one file changed, for the tampering tests. */
function edited(folder: string, file: string, edit: (text: string) => string): string {
  const copy = `${folder}-${file.replace('.csv', '')}-${editCount++}`;
  cpSync(folder, copy, { recursive: true });
  const target = path.join(copy, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(target, after);
  return copy;
}
let editCount = 0;

describe('a case file', () => {
  it('of 10,000 demo persons imports into an empty vault as every record it holds, as XLSX and as CSV', async () => {
    const source = await startCore();
    await loadDemoData(source.session, 10_000, 1);
    const expected = await dump(source);
    expect(expected.persons).toHaveLength(10_001);
    for (const table of CASE_TABLES)
      expect([table, expected[table]!.length > 1]).toEqual([table, true]);
    for (const format of ['xlsx', 'csv']) {
      const file = path.join(source.dataDir, format === 'xlsx' ? 'register.xlsx' : 'register');
      const written = await exportCase(source, {
        path: file,
        format,
        audience: 'internal',
        labels: 'be',
      });
      expect(written.tables.find((t) => t.name === 'Persons')).toEqual({
        name: 'Persons',
        rows: 10_000,
      });
      const target = await startCore();
      const result = await target.ok<ImportResult>('importCaseFile', { path: file });
      expect(result).toMatchObject({ personsCreated: 10_000, cancelled: false });
      expectSameDump(await dump(target), expected);
    }
  }, 1_800_000);
});

describe('an internal case file', () => {
  it('gives back awkward text, lists holding semicolons and the user’s own terms, as XLSX and as CSV', async () => {
    const source = await startCore();
    await fillRegister(source);
    const expected = await dump(source);
    for (const format of ['xlsx', 'csv']) {
      const file = path.join(source.dataDir, `internal-${format}`);
      const target = await startCore();
      await exportCase(source, { path: file, format, audience: 'internal', delimiter: ';' });
      const result = await target.ok<ImportResult>('importCaseFile', { path: file });
      expect(result).toMatchObject({
        personsCreated: 3,
        proceedingsCreated: 3,
        eventsCreated: 12,
        statusesCreated: 3,
        termsCreated: 1,
      });
      expectSameDump(await dump(target), expected);
    }
  });

  it('reads in tools we did not write: sheets and rows of the workbook, files and rows of the folder', async () => {
    const core = await startCore();
    const { named } = await fillRegister(core);
    const workbook = path.join(core.dataDir, 'case.xlsx');
    const folder = path.join(core.dataDir, 'case');
    const args = { audience: 'internal', labels: 'be' };
    await exportCase(core, { ...args, path: workbook, format: 'xlsx' });
    await exportCase(core, { ...args, path: folder, format: 'csv' });

    const names = execFileSync('unzip', ['-p', workbook, 'xl/workbook.xml'], { encoding: 'utf8' });
    expect([...names.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Persons',
      'Proceedings',
      'Custody events',
      'Risk categories',
      'Status history',
      'Sources',
      'Citations',
      'Terms',
    ]);
    const persons = sheetRows(workbook, 'Persons');
    expect(persons[0]).toEqual([
      'Vigil ID',
      'External ids',
      'Name',
      'Name (Latin)',
      'Name variants',
      'Sex',
      'Birth date',
      'Citizenship',
      'Region',
      'Region label',
      'Occupation',
      'Notes',
      'Consent',
    ]);
    const hanna = persons.find((row) => row[0] === named)!;
    expect(hanna.slice(0, 11)).toEqual([
      named,
      'list:1042; viasna:B-17',
      'Ганна Іванаўна Ёжык',
      'Hanna Jozhyk',
      'Анна\\; Ёжик; Hanna \\\\ Yozhyk',
      'female',
      '1961-03',
      'BY; UA',
      'gomel',
      'Гомельская вобласць',
      // A formula is written as text, behind an apostrophe.
      `'=cmd|"/c calc"!A0`,
    ]);

    expect(readdirSync(folder).sort()).toEqual([
      'citations.csv',
      'custody-events.csv',
      'persons.csv',
      'proceedings.csv',
      'risk-categories.csv',
      'sources.csv',
      'status-history.csv',
      'terms.csv',
    ]);
    const events = csvRows(folder, 'custody-events.csv');
    expect(events[0]).toEqual([
      'Vigil ID',
      'Person Vigil ID',
      'Type',
      'Date',
      'Facility',
      'Facility label',
      'Release type',
      'Release type label',
      'Detention type',
      'Detention type label',
      'Proceeding Vigil ID',
      'Notes',
    ]);
    const transfer = events.find((row) => row[1] === named && row[2] === 'transfer')!;
    expect(transfer.slice(3, 6)).toEqual(['2022', 'ik-4', 'ПК-4, Гомель']);
    const proceedings = csvRows(folder, 'proceedings.csv');
    const proceeding = proceedings.find((row) => row[1] === named)!;
    expect(transfer[10]).toBe(proceeding[0]);
    expect(proceedings[0]!.slice(2, 5)).toEqual(['Kind', 'Articles', 'Articles label']);
    expect(proceeding.slice(2, 5)).toEqual([
      'criminal',
      'cc-130; cc-293',
      'КК 130: распальванне варожасці; КК 293: масавыя беспарадкі',
    ]);
    // The same rows in both: the workbook's proceedings sheet is the folder's file.
    expect(sheetRows(workbook, 'Proceedings')).toEqual(proceedings);
  });
});

describe('a case file for publication', () => {
  it('leaves out never-publish cases with everything of theirs, and no byte of a withheld name', async () => {
    const core = await startCore();
    const register = await fillRegister(core);
    const workbook = path.join(core.dataDir, 'public.xlsx');
    const folder = path.join(core.dataDir, 'public');
    await exportCase(core, { path: workbook, format: 'xlsx', labels: 'en' });
    await exportCase(core, { path: folder, format: 'csv', labels: 'en' });
    const contents = [
      execFileSync('unzip', ['-p', workbook], { maxBuffer: 1 << 30 }),
      Buffer.concat(readdirSync(folder).map((file) => readFileSync(path.join(folder, file)))),
    ];
    const secrets = [
      WITHHELD.name,
      ...WITHHELD.name.split(' '),
      WITHHELD.nameLatin,
      ...WITHHELD.nameVariants,
      '2077',
      WITHHELD.birthDate,
      WITHHELD.occupation,
      WITHHELD.notes,
      `1-${register.withheld.slice(0, 4)}/2021`,
      'Суддзя Прыкладны',
      register.namingTitle,
      NEVER.name,
      NEVER.nameLatin,
      register.never,
      ...register.neverRecords,
      `1-${register.never.slice(0, 4)}/2021`,
      register.neverSourceTitle,
      register.confidentialTitle,
    ];
    for (const bytes of contents) {
      for (const secret of secrets)
        expect([secret, bytes.includes(secret)]).toEqual([secret, false]);
      expect(bytes.includes(`Case ${pseudonymCode(register.withheld)}`)).toBe(true);
      expect(bytes.includes('Ганна Іванаўна Ёжык')).toBe(true);
      expect(bytes.includes('Newspaper report of 2021')).toBe(true);
      // Cited for the withheld person too, so shown as for them: no title, no reference.
      expect(bytes.includes('Court list of 2021')).toBe(false);
    }
    const persons = csvRows(folder, 'persons.csv');
    expect(persons.map((row) => row[0])).toEqual(['Vigil ID', register.named, register.withheld]);
    const pseudonymised = persons[2]!;
    expect(pseudonymised.slice(1, 7)).toEqual([
      '',
      `Case ${pseudonymCode(register.withheld)}`,
      '',
      '',
      '',
      '1975',
    ]);
    // The withheld person's records are there, without what identifies them.
    const events = csvRows(folder, 'custody-events.csv').filter((r) => r[1] === register.withheld);
    expect(events).toHaveLength(3);
    for (const event of events) expect(event.at(-1)).toBe('');
    // A confidential source is left out with its citation, and nothing cites what is not there.
    const citations = csvRows(folder, 'citations.csv').slice(1);
    const sources = new Set(csvRows(folder, 'sources.csv').map((row) => row[0]));
    expect(citations).toHaveLength(4);
    for (const citation of citations) expect(sources.has(citation[2])).toBe(true);
  });
});

describe('importing a case file refuses, and writes nothing', () => {
  async function setUp() {
    const source = await startCore();
    const register = await fillRegister(source);
    const folder = path.join(source.dataDir, 'case');
    await exportCase(source, { path: folder, format: 'csv', audience: 'internal' });
    const target = await startCore();
    return { source, register, folder, target, audit: await target.auditEntries() };
  }

  async function expectNothingWritten(target: TestCore, audit: number) {
    expect(await target.auditEntries()).toBe(audit);
    expect(await target.ok('listPersons', {})).toMatchObject({ items: [] });
  }

  it('a tampered id, naming the file, row and column', async () => {
    const { register, folder, target, audit } = await setUp();
    const events = csvRows(folder, 'custody-events.csv');
    const id = events[1]![0]!;
    const tampered = edited(folder, 'custody-events.csv', (text) =>
      text.replace(id, `${id.slice(0, 31)}g`),
    );
    expect(await refusal(target, tampered)).toMatchObject({
      code: 'CASE_FILE_BAD_CELL',
      place: { table: 'custody-events.csv', row: 2, column: 'Vigil ID' },
    });
    // The same id on two rows.
    const twice = edited(folder, 'status-history.csv', (text) =>
      text.replace(
        csvRows(folder, 'status-history.csv')[2]![0]!,
        csvRows(folder, 'status-history.csv')[1]![0]!,
      ),
    );
    expect(await refusal(target, twice)).toMatchObject({
      code: 'CASE_FILE_BAD_CELL',
      place: { table: 'status-history.csv', row: 3, column: 'Vigil ID' },
    });
    expect(register.named).toBeTruthy();
    await expectNothingWritten(target, audit);
  });

  it('a missing sheet of a workbook, or a missing file of a folder', async () => {
    const { folder, target, audit } = await setUp();
    const files = [
      'persons',
      'proceedings',
      'custody-events',
      'risk-categories',
      'status-history',
      'sources',
      'terms',
    ];
    const sheets = [
      'Persons',
      'Proceedings',
      'Custody events',
      'Risk categories',
      'Status history',
      'Sources',
      'Terms',
    ];
    // A workbook of the folder's tables, as another program might save them, without Citations.
    const workbook = target.file(
      'no-citations.xlsx',
      toWorkbook(
        files.map((file, i) => ({ name: sheets[i]!, rows: csvRows(folder, `${file}.csv`) })),
      ),
    );
    expect(await refusal(target, workbook)).toMatchObject({
      code: 'CASE_FILE_MISSING_TABLE',
      place: { table: 'Citations' },
    });
    const copy = `${folder}-no-terms`;
    cpSync(folder, copy, { recursive: true });
    rmSync(path.join(copy, 'terms.csv'));
    expect(await refusal(target, copy)).toMatchObject({
      code: 'CASE_FILE_MISSING_TABLE',
      place: { table: 'terms.csv' },
    });
    await expectNothingWritten(target, audit);
  });

  it('a row linking to a person the file does not hold', async () => {
    const { register, folder, target, audit } = await setUp();
    const stranger = 'ab'.repeat(16);
    const unlinked = edited(folder, 'proceedings.csv', (text) =>
      text.replace(`,${register.named},`, `,${stranger},`),
    );
    expect(await refusal(target, unlinked)).toMatchObject({
      code: 'CASE_FILE_MISSING_LINK',
      place: { table: 'proceedings.csv', column: 'Person Vigil ID' },
    });
    const citing = edited(folder, 'citations.csv', (text) =>
      text.replaceAll(register.withheld, stranger),
    );
    expect(await refusal(target, citing)).toMatchObject({
      code: 'CASE_FILE_MISSING_LINK',
      place: { table: 'citations.csv', column: 'Cited record Vigil ID' },
    });
    await expectNothingWritten(target, audit);
  });

  it('a cell its field does not take, a column it does not know, a code no term has', async () => {
    const { folder, target, audit } = await setUp();
    const badDate = edited(folder, 'persons.csv', (text) =>
      text.replace(',1961-03,', ',1961-02-30,'),
    );
    expect(await refusal(target, badDate)).toMatchObject({
      code: 'CASE_FILE_BAD_CELL',
      place: { table: 'persons.csv', column: 'Birth date' },
    });
    const badNumber = edited(folder, 'proceedings.csv', (text) =>
      text.replace(',36,', ',three years,'),
    );
    expect(await refusal(target, badNumber)).toMatchObject({
      code: 'CASE_FILE_BAD_CELL',
      place: { table: 'proceedings.csv', column: 'Sentence (months)' },
    });
    const renamed = edited(folder, 'sources.csv', (text) => text.replace(',Notes', ',Remarks'));
    expect(await refusal(target, renamed)).toMatchObject({
      code: 'CASE_FILE_BAD_COLUMNS',
      place: { table: 'sources.csv', column: 'Remarks' },
    });
    const noTerm = edited(folder, 'terms.csv', (text) =>
      text
        .split('\r\n')
        .filter((line) => !line.includes(',ik-4,'))
        .join('\r\n'),
    );
    expect(await refusal(target, noTerm)).toMatchObject({
      code: 'CASE_FILE_BAD_CELL',
      place: { table: 'custody-events.csv', column: 'Facility' },
    });
    await expectNothingWritten(target, audit);
  });

  it('a record already in the vault with other contents; one just as the file has it is left as it is', async () => {
    const { register, folder, target } = await setUp();
    const first = await target.ok<ImportResult>('importCaseFile', { path: folder });
    expect(first.personsCreated).toBe(3);
    const before = await dump(target);
    const audit = await target.auditEntries();
    const changed = edited(folder, 'persons.csv', (text) =>
      text.replace('Hanna Jozhyk', 'Hanna Yozhyk'),
    );
    expect(await refusal(target, changed)).toMatchObject({
      code: 'CASE_FILE_ID_EXISTS',
      place: {
        table: 'persons.csv',
        row: csvRows(folder, 'persons.csv').findIndex((r) => r[0] === register.named) + 1,
      },
    });
    expect(await target.auditEntries()).toBe(audit);
    const again = await target.ok<ImportResult>('importCaseFile', { path: folder });
    const rows = readdirSync(folder).reduce((n, file) => n + csvRows(folder, file).length - 1, 0);
    expect(again).toMatchObject({ imported: 0, personsCreated: 0, unchanged: rows });
    expectSameDump(await dump(target), before);
  });
});

describe('a case file import', () => {
  it('is one import run, which Undo this import takes back; imported again, its records come back', async () => {
    const source = await startCore();
    await fillRegister(source);
    const expected = await dump(source);
    const folder = path.join(source.dataDir, 'case');
    await exportCase(source, { path: folder, format: 'csv', audience: 'internal' });
    const target = await startCore();
    await target.ok('createPerson', { name: 'Ужо Тут' });
    const before = await dump(target);
    const result = await target.ok<ImportResult>('importCaseFile', { path: folder });
    expect(await target.ok<ImportRun[]>('listImportRuns', {})).toMatchObject([
      { id: result.runId, fileName: 'case', shape: 'caseFile', state: 'complete' },
    ]);
    await target.ok('undoImport', { id: result.runId });
    expectSameDump(await dump(target), before);
    // The undone records are deleted here, so the same file brings them back.
    const again = await target.ok<ImportResult>('importCaseFile', { path: folder });
    expect(again).toMatchObject({ personsCreated: 3, termsCreated: 1 });
    const after = await dump(target);
    expect(after.persons).toHaveLength(expected.persons!.length + 1);
    for (const table of CASE_TABLES.filter((t) => t !== 'persons')) {
      expect([table, after[table]]).toEqual([table, expected[table]]);
    }
  });
});

describe('exporting a case file as CSV', () => {
  it('writes a new folder whole or not at all, and replaces only a case file folder, when asked', async () => {
    const core = await startCore();
    await fillRegister(core);
    const parent = path.dirname(core.file('x', ''));
    const folder = path.join(parent, 'case');
    const args = { path: folder, format: 'csv', audience: 'internal' };
    setFsStepHook((step, file) => {
      if (step === 'rename' && path.basename(file) === 'sources.csv') throw new Error('disk gone');
    });
    try {
      expect(await core.fails('exportCaseFile', { ...args, confirmPlaintext: true })).toBe(
        'STORAGE_FAILED',
      );
    } finally {
      setFsStepHook(null);
    }
    expect(readdirSync(parent)).toEqual(['x']);

    await exportCase(core, args);
    expect(await core.fails('exportCaseFile', { ...args, confirmPlaintext: true })).toBe(
      'EXPORT_FOLDER_EXISTS',
    );
    writeFileSync(path.join(folder, 'persons.csv'), 'stale');
    await exportCase(core, { ...args, overwrite: true });
    expect(readFileSync(path.join(folder, 'persons.csv'), 'utf8')).toContain('Vigil ID');
    expect(readdirSync(parent).sort()).toEqual(['case', 'x']);

    const mine = path.join(parent, 'mine');
    cpSync(folder, mine, { recursive: true });
    writeFileSync(path.join(mine, 'thesis.docx'), 'my own work');
    for (const overwrite of [false, true]) {
      expect(
        await core.fails('exportCaseFile', {
          ...args,
          path: mine,
          overwrite,
          confirmPlaintext: true,
        }),
      ).toBe('EXPORT_FOLDER_FOREIGN');
    }
    expect(readFileSync(path.join(mine, 'thesis.docx'), 'utf8')).toBe('my own work');
    expect(existsSync(path.join(mine, 'persons.csv'))).toBe(true);
  });
});
