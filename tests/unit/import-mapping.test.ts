import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../core/import/headers';
import type { ImportPreview } from '../../core/api/import';
import type { ImportResult } from '../../core/api/importRuns';
import { folderDigest } from '../helpers/vault';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();

async function previewOf(core: TestCore, csv: string, shape = 'persons', mapping?: object) {
  return core.ok<ImportPreview>('previewImport', {
    path: core.file(`${shape}.csv`, csv),
    shape,
    ...(mapping ? { mapping } : {}),
  });
}

async function importCsv(core: TestCore, csv: string, shape = 'persons', mode = 'validOnly') {
  const file = core.file(`${shape}.csv`, csv);
  const { mapping } = await core.ok<ImportPreview>('previewImport', { path: file, shape });
  return core.ok<ImportResult>('runImport', { path: file, shape, mapping, mode });
}

interface PersonFileView {
  person: Record<string, unknown>;
  custodyEvents: Record<string, unknown>[];
  proceedings: Record<string, unknown>[];
  riskAssignments: Record<string, unknown>[];
}

async function personsIn(core: TestCore): Promise<PersonFileView[]> {
  const list = await core.ok<{ items: { id: string }[] }>('listPersons', { limit: 1000 });
  return Promise.all(
    list.items.map((item) => core.ok<PersonFileView>('getPersonFile', { id: item.id })),
  );
}

describe('column mapping', () => {
  it('suggests targets for English, Russian and Belarusian headers, whatever the case', () => {
    const persons = suggestMapping('persons', [
      'Ф.И.О.',
      'ДАТА  РОЖДЕНИЯ',
      'Тип освобождения',
      'Birth date',
      'тып вызвалення',
      'Грамадзянства',
      'Categories',
    ]);
    expect(persons).toEqual({
      'Ф.И.О.': 'name',
      'ДАТА  РОЖДЕНИЯ': 'birthDate',
      'Тип освобождения': 'releaseType',
      'Birth date': 'ignore', // a second birth date column is left for the user to choose
      'тып вызвалення': 'ignore',
      Грамадзянства: 'citizenship',
      Categories: 'ignore',
    });
    expect(suggestMapping('persons', ['Імя', 'name (latin)', 'Дата нараджэння'])).toEqual({
      Імя: 'name',
      'name (latin)': 'nameLatin',
      'Дата нараджэння': 'birthDate',
    });
    expect(suggestMapping('events', ['ФИО', 'Дата рождения', 'Тип', 'Дата', 'Учреждение'])).toEqual(
      {
        ФИО: 'personName',
        'Дата рождения': 'personBirthDate',
        Тип: 'type',
        Дата: 'date',
        Учреждение: 'facility',
      },
    );
  });

  it('refuses a mapping that fills one target twice or uses the other shape’s targets', async () => {
    const core = await startCore();
    const file = core.file('p.csv', 'A,B\nx,y\n');
    for (const mapping of [
      { A: 'name', B: 'name' },
      { A: 'name', B: 'facility' },
    ]) {
      expect(await core.fails('previewImport', { path: file, shape: 'persons', mapping })).toBe(
        'INVALID_INPUT',
      );
    }
    expect(
      await core.fails('previewImport', { path: file, shape: 'persons', mapping: { A: 'drop' } }),
    ).toBe('INVALID_INPUT');
  });

  it('says which required columns are missing, and the import refuses until they are mapped', async () => {
    const core = await startCore();
    const p = await previewOf(core, 'Who,Born\nA,1970\n');
    expect(p).toMatchObject({ unmappedRequired: ['name'], validRows: 0, invalidRows: 1 });
    const file = core.file('p.csv', 'Who,Born\nA,1970\n');
    const mapping = { Who: 'ignore', Born: 'birthDate' };
    expect(
      await core.fails('runImport', { path: file, shape: 'persons', mapping, mode: 'validOnly' }),
    ).toBe('INVALID_INPUT');
    const stale = { Who: 'name', Born: 'birthDate', Gone: 'notes' };
    expect((await previewOf(core, 'Who,Born\nA,1970\n', 'persons', stale)).missingColumns).toEqual([
      'Gone',
    ]);
  });
});

describe('dry run', () => {
  const CSV = [
    'Name,Birth date,Release type,Release date,Notes',
    'Алесь,1970,помилование,2024-09,ok',
    'Bad Date,1970-02-30,,,',
    'Bad Type,1980,unknown release,2024,',
    ',1990,,,nameless',
    'Алесь,1970-05,,,same person again?',
  ].join('\n');

  it('reports each row’s problems with their column, and counts', async () => {
    const core = await startCore();
    const p = await previewOf(core, CSV);
    expect(p).toMatchObject({ rows: 5, validRows: 2, invalidRows: 3, rowsWithWarnings: 1 });
    expect(p.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Birth date',
        code: 'BAD_DATE',
        severity: 'error',
        value: '1970-02-30',
      }),
      expect.objectContaining({
        row: 4,
        column: 'Release type',
        code: 'UNKNOWN_VALUE',
        severity: 'error',
        value: 'unknown release',
      }),
      expect.objectContaining({ row: 5, column: 'Name', code: 'REQUIRED', severity: 'error' }),
      expect.objectContaining({
        row: 6,
        column: 'Name',
        code: 'DUPLICATE_IN_FILE',
        severity: 'warning',
        otherRow: 2,
      }),
    ]);
    expect(p.problemCounts).toEqual({
      BAD_DATE: 1,
      UNKNOWN_VALUE: 1,
      REQUIRED: 1,
      DUPLICATE_IN_FILE: 1,
    });
  });

  it('writes nothing', async () => {
    const core = await startCore();
    await core.ok('createPerson', { name: 'Already here' });
    const entries = await core.auditEntries();
    // The commit state of that edit is written beside the next flush: wait until it is on disk.
    await (await core.session.readVault()).quiet();
    const digest = folderDigest(core.folder);
    await previewOf(core, CSV);
    await previewOf(core, 'Name,Type,Date\nAlready here,arrest,2020\n', 'events');
    expect(await core.auditEntries()).toBe(entries);
    expect(folderDigest(core.folder)).toBe(digest);
  });

  it('warns about likely duplicates of persons in the vault: same name, same birth year', async () => {
    const core = await startCore();
    const { id } = await core.ok<{ id: string }>('createPerson', {
      name: 'Ёжык Пётр',
      birthDate: '1961-03',
    });
    const p = await previewOf(core, 'ФИО,Дата рождения\nежык  пётр,1961\nЁжык Пётр,1962\n');
    expect(p.problems).toEqual([
      expect.objectContaining({
        row: 2,
        code: 'DUPLICATE_IN_VAULT',
        severity: 'warning',
        personId: id,
      }),
    ]);
    expect(p.validRows).toBe(2);
  });

  it('matches thesaurus values by code or label in any language, case-insensitively', async () => {
    const core = await startCore();
    const csv = [
      'Name,Release type,Region,Risk categories',
      'A,помилование,Брестская область,"Инвалидность; OVER_60"',
      'B,Памілаванне,minsk_city,Сур’ёзныя праблемы са здароўем',
      'C,PARDON,  Minsk  (city) ,',
    ].join('\n');
    expect((await previewOf(core, csv)).problems).toEqual([]);
    await importCsv(core, csv);
    const files = await personsIn(core);
    const summary = files.map((file) => [
      file.person.name,
      file.person.region,
      file.custodyEvents.map((e) => e.releaseType),
      file.riskAssignments.map((r) => r.category).sort(),
    ]);
    expect(summary).toEqual([
      ['A', 'brest', ['pardon'], ['disability', 'over_60']],
      ['B', 'minsk_city', ['pardon'], ['serious_health']],
      ['C', 'minsk_city', ['pardon'], []],
    ]);
  });
});

describe('import', () => {
  const MIXED = 'Name,Birth date\nGood One,1970\nBad,19x0\nGood Two,\n';

  it('`all` refuses a file with any error and writes nothing', async () => {
    const core = await startCore();
    const entries = await core.auditEntries();
    const file = core.file('p.csv', MIXED);
    const mapping = { Name: 'name', 'Birth date': 'birthDate' };
    expect(
      await core.fails('runImport', { path: file, shape: 'persons', mapping, mode: 'all' }),
    ).toBe('INVALID_INPUT');
    expect(await core.auditEntries()).toBe(entries);
  });

  it('`validOnly` skips rows with errors and imports the rest; warnings never block', async () => {
    const core = await startCore();
    expect(await importCsv(core, `${MIXED}Good One,1970-01\n`)).toMatchObject({
      imported: 3,
      skipped: 1,
      personsCreated: 3,
      personsUpdated: 0,
      eventsCreated: 0,
      proceedingsCreated: 0,
      cancelled: false,
    });
    const names = (await personsIn(core)).map((file) => file.person.name);
    expect(names).toEqual(['Good One', 'Good One', 'Good Two']);
  });

  it('checks the file again instead of trusting the preview', async () => {
    const core = await startCore();
    const file = core.file('p.csv', 'Name\nA\n');
    const { mapping } = await core.ok<ImportPreview>('previewImport', {
      path: file,
      shape: 'persons',
    });
    writeFileSync(file, 'Name,Extra\nA\n,x\n');
    expect(
      await core.fails('runImport', { path: file, shape: 'persons', mapping, mode: 'all' }),
    ).toBe('INVALID_INPUT');
  });

  it('creates custody events, a proceeding and risk assignments from a person table', async () => {
    const core = await startCore();
    const csv = [
      'ФИО,Пол,Гражданство,Дата ареста,Приговор,Срок (месяцев),Дата освобождения,Тип освобождения,Категории риска,Согласие',
      'Ганна,ж,"by; ua",12.03.2021,3 года колонии,36,2023,амнистия,over_60,да',
    ].join('\n');
    expect(await importCsv(core, csv)).toMatchObject({
      personsCreated: 1,
      eventsCreated: 3,
      proceedingsCreated: 1,
    });
    const [file] = await personsIn(core);
    expect(file!.person).toMatchObject({
      name: 'Ганна',
      sex: 'female',
      citizenship: ['BY', 'UA'],
      consent: 'publish',
    });
    expect(file!.custodyEvents).toMatchObject([
      { type: 'arrest', date: '2021-03-12' },
      { type: 'release', date: '2023', releaseType: 'amnesty' },
    ]);
    expect(file!.proceedings).toMatchObject([
      { kind: 'criminal', notes: '3 года колонии', sentenceMonths: 36 },
    ]);
    expect(file!.riskAssignments).toMatchObject([{ category: 'over_60', startDate: null }]);
  });
});

describe('event table', () => {
  async function vaultWithPersons(core: TestCore) {
    const a = await core.ok<{ id: string }>('createPerson', {
      name: 'Алесь Пяляцкі',
      birthDate: '1961-03-12',
    });
    const b1 = await core.ok<{ id: string }>('createPerson', { name: 'Іван', birthDate: '1980' });
    const b2 = await core.ok<{ id: string }>('createPerson', { name: 'Іван', birthDate: '1990' });
    return { a: a.id, b1: b1.id, b2: b2.id };
  }

  it('links rows to persons by Vigil id, or by name and birth date, and reports the rest', async () => {
    const core = await startCore();
    const ids = await vaultWithPersons(core);
    const csv = [
      'Person ID,ФИО,Дата рождения,Тип,Дата,Тип освобождения,Категория,Дата начала',
      `${ids.b2},,,release,2024-06,exchange,,`,
      ',алесь пяляцкі,12.03.1961,арест,2021-08-03,,,',
      ',Іван,1980,risk,,,disability,2022',
      ',Іван,,арест,2021,,,',
      ',Nobody,,арест,2021,,,',
      ',Іван,1990,арест,,,over_60,',
      ',Іван,1990,risk,2020,,,',
      ',Іван,1990,,,,серьёзные проблемы со здоровьем,',
    ].join('\n');
    const p = await previewOf(core, csv, 'events');
    expect(p.problems.map((x) => [x.row, x.code, x.column])).toEqual([
      [5, 'PERSON_AMBIGUOUS', 'ФИО'],
      [6, 'PERSON_NOT_FOUND', 'ФИО'],
      [7, 'NOT_APPLICABLE', 'Категория'],
      [8, 'REQUIRED', 'Категория'],
    ]);
    expect(await importCsv(core, csv, 'events')).toMatchObject({
      imported: 4,
      skipped: 4,
      eventsCreated: 4,
    });
    const file = async (id: string) =>
      core.ok<{ custodyEvents: object[]; riskAssignments: object[] }>('getPersonFile', { id });
    expect((await file(ids.a)).custodyEvents).toMatchObject([
      { type: 'arrest', date: '2021-08-03' },
    ]);
    expect((await file(ids.b1)).riskAssignments).toMatchObject([
      { category: 'disability', startDate: '2022' },
    ]);
    expect(await file(ids.b2)).toMatchObject({
      custodyEvents: [{ type: 'release', date: '2024-06', releaseType: 'exchange' }],
      riskAssignments: [{ category: 'serious_health' }],
    });
  });

  it('warns when an event is already in the vault', async () => {
    const core = await startCore();
    await vaultWithPersons(core);
    const csv = 'Name,Birth date,Type,Date\nАлесь Пяляцкі,1961-03-12,arrest,2021-08-03\n';
    await importCsv(core, csv, 'events');
    const p = await previewOf(core, csv, 'events');
    expect(p.problems).toMatchObject([{ code: 'DUPLICATE_IN_VAULT', severity: 'warning' }]);
  });
});

describe('saved mappings', () => {
  it('saves, replaces and lists mappings in the vault, and applies them by column', async () => {
    const core = await startCore();
    const mapping = { ФИО: 'name', 'Дата рождения': 'birthDate', Примечание: 'ignore' };
    await core.ok('saveImportMapping', { name: 'Вясна', shape: 'persons', mapping });
    await core.ok('saveImportMapping', {
      name: 'Events',
      shape: 'events',
      mapping: { ФИО: 'personName' },
    });
    const list = await core.ok<{ id: string; name: string; shape: string }[]>('saveImportMapping', {
      name: 'Вясна',
      shape: 'persons',
      mapping: { ФИО: 'name', Регион: 'region' },
    });
    expect(list.map(({ name, shape }) => ({ name, shape }))).toEqual([
      { name: 'Events', shape: 'events' },
      { name: 'Вясна', shape: 'persons' },
    ]);
    expect(await core.ok('listImportMappings', {})).toEqual(list);
    const persons = list.find((entry) => entry.shape === 'persons')!;
    expect(
      await core.ok('applyImportMapping', {
        id: persons.id,
        columns: ['Регион', 'Комментарий', 'ФИО'],
      }),
    ).toEqual({ mapping: { Регион: 'region', ФИО: 'name' }, values: {}, schemes: {}, missing: [] });
    expect(await core.ok('applyImportMapping', { id: persons.id, columns: ['Name'] })).toEqual({
      mapping: {},
      values: {},
      schemes: {},
      missing: ['name', 'region'],
    });
    expect(readFileSync(path.join(core.dataDir, 'settings.json'), 'utf8')).not.toContain('ФИО');
    expect(
      await core.fails('saveImportMapping', {
        name: 'x',
        shape: 'persons',
        mapping: { A: 'nope' },
      }),
    ).toBe('INVALID_INPUT');
  });
});
