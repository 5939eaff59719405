/**
 * A register as organisations keep one: a person table keyed by the organisation's own list
 * number, and tables of custody events, court cases, risk categories and status history linked
 * to it by that number, with regions and types written as people write them (be, ru, Latin).
 * Imported with a value map, it gives figures worked out by hand below.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ValueMap } from '../../core/api/import';
import type { ImportResult } from '../../core/api/importRuns';
import type { PersonFile } from '../../core/api/records';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'import-register');
const AS_OF = '2024-05-06';

/** The value map a researcher builds in the value step for these files. */
const VALUES: ValueMap = {
  region: {
    'Гомельская вобл.': { action: 'map', code: 'gomel' },
    'Mahilioŭ region': { action: 'map', code: 'mogilev' },
    'Минская обл.': { action: 'map', code: 'minsk_region' },
  },
  riskCategories: { беременная: { action: 'map', code: 'pregnant' } },
  category: {
    disabled: { action: 'map', code: 'disability' },
    'Psychical disorder': { action: 'map', code: 'mental_disorder' },
    беременная: { action: 'map', code: 'pregnant' },
  },
  releaseType: { pardoned: { action: 'map', code: 'pardon' } },
  articles: { 'ст. 342 УК': { action: 'map', code: 'cc-342' } },
};

const TABLES = [
  ['persons.csv', 'persons'],
  ['custody.csv', 'events'],
  ['proceedings.csv', 'proceedings'],
  ['risks.csv', 'events'],
  ['statuses.csv', 'statuses'],
] as const;

function fixture(core: TestCore, name: string, edit: (text: string) => string = (t) => t) {
  return core.file(name, edit(readFileSync(path.join(FIXTURE, name), 'utf8')));
}

async function preview(core: TestCore, file: string, shape: string, values = VALUES) {
  return core.ok<ImportPreview>('previewImport', { path: file, shape, values });
}

async function importFile(core: TestCore, file: string, shape: string, values = VALUES) {
  const { mapping } = await preview(core, file, shape, values);
  return core.ok<ImportResult>('runImport', { path: file, shape, mapping, values, mode: 'all' });
}

async function importRegister(core: TestCore) {
  for (const [name, shape] of TABLES) await importFile(core, fixture(core, name), shape);
}

/** Person ids by their list number. */
async function byListNumber(core: TestCore): Promise<Map<string, PersonFile>> {
  const { items } = await core.ok<{ items: { id: string }[] }>('listPersons', { limit: 100 });
  const files = await Promise.all(
    items.map(({ id }) => core.ok<PersonFile>('getPersonFile', { id })),
  );
  return new Map(files.map((file) => [file.person.externalIds[0]!.replace('list:', ''), file]));
}

describe('a register with list numbers, coded values as people write them, linked tables', () => {
  it('lists every unknown coded value with its rows and reads them through the value map', async () => {
    const core = await startCore();
    const file = fixture(core, 'persons.csv');
    const bare = await preview(core, file, 'persons', {});
    expect(bare.mapping).toMatchObject({ '№': 'externalId', ФИО: 'name', Регион: 'region' });
    const unknown = bare.unknownValues.map(({ target, value, rows, choice }) => ({
      target,
      value,
      rows,
      choice,
    }));
    expect(unknown).toEqual([
      { target: 'region', value: 'Mahilioŭ region', rows: 2, choice: null },
      { target: 'region', value: 'Гомельская вобл.', rows: 2, choice: null },
      { target: 'riskCategories', value: 'беременная', rows: 1, choice: null },
      { target: 'region', value: 'Минская обл.', rows: 1, choice: null },
    ]);
    const first = (value: string) =>
      bare.unknownValues.find((v) => v.value === value)!.suggestions[0];
    expect(first('Гомельская вобл.')).toMatchObject({ code: 'gomel', labelEn: 'Gomel region' });
    expect(first('Mahilioŭ region')).toMatchObject({ code: 'mogilev' });
    expect(first('Минская обл.')).toMatchObject({ code: 'minsk_region' });
    expect(first('беременная')).toMatchObject({ code: 'pregnant' });
    expect(bare.validRows).toBe(1);

    const mapped = await preview(core, file, 'persons');
    expect(mapped.validRows).toBe(7);
    expect(mapped.plan).toEqual({ new: 7, changed: 0, unchanged: 0, duplicates: 0 });
    expect(mapped.unknownValues.every((v) => v.choice !== null)).toBe(true);
  });

  it('imports the five tables linked by list number and gives the figures worked out by hand', async () => {
    const core = await startCore();
    await importRegister(core);
    const persons = await byListNumber(core);
    expect([...persons.keys()].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const p = (n: string) => persons.get(n)!;
    expect(p('1').person).toMatchObject({ region: 'gomel', sex: 'male', consent: 'publish' });
    expect(p('2').person.region).toBe('mogilev');
    expect(p('6').person).toMatchObject({ region: 'minsk_city', consent: 'withhold_name' });
    expect(p('6').proceedings).toMatchObject([
      { kind: 'administrative', articles: ['ac-24.23'], sentenceType: 'arrest', sentenceDays: 15 },
    ]);
    expect(p('2').proceedings).toMatchObject([{ articles: ['cc-342'], verdictDate: '2021-03-03' }]);
    expect(p('2').custodyEvents.map((e) => e.releaseType)).toContain('pardon');
    expect(
      p('4')
        .statusEvents.map((e) => e.status)
        .sort(),
    ).toEqual(['recognised', 'status_removed']);
    const id = (n: string) => p(n).person.id;

    // In custody on 6 May 2024: 1 (arrested 2021, never released) and 3 (arrested 2022).
    const inCustody = await core.ok<{ value: number; personIds: string[] }>('figureInCustody', {
      asOf: AS_OF,
    });
    expect(inCustody.value).toBe(2);
    expect(inCustody.personIds.sort()).toEqual([id('1'), id('3')].sort());

    // 1 has a verdict (2021-09-20); 3's case has none yet.
    const stage = await core.ok<{ cells: { key: string; figure: { personIds: string[] } }[] }>(
      'figureBreakdown',
      { asOf: AS_OF, dimension: 'stage' },
    );
    const cell = (key: string) => stage.cells.find((c) => c.key === key)?.figure.personIds;
    expect(cell('convicted')).toEqual([id('1')]);
    expect(cell('pretrial')).toEqual([id('3')]);

    // Released early since 2020: 2 (pardon) and 5 (amnesty). Convicted since 2020: 1, 2, 4
    // and 5; 6's case is administrative and 3 has no verdict. 2 of 4.
    const share = await core.ok<{ ratio: number; numerator: { value: number } }>(
      'figureEarlyReleaseShare',
      { since: '2020-01-01', asOf: AS_OF },
    );
    expect(share.numerator.value).toBe(2);
    expect(share.ratio).toBe(0.5);

    // At risk among those in custody: 1 disability; 3 mental disorder, and over 60 by birth.
    const atRisk = await core.ok<{
      total: { value: number };
      categories: { category: string; figure: { personIds: string[] } }[];
    }>('figureAtRisk', { asOf: AS_OF });
    const risk = (c: string) => atRisk.categories.find((x) => x.category === c)?.figure.personIds;
    expect(atRisk.total.value).toBe(2);
    expect(risk('disability')).toEqual([id('1')]);
    expect(risk('mental_disorder')).toEqual([id('3')]);
    expect(risk('over_60')).toEqual([id('3')]);
  });

  it('re-imports a changed copy: only the new person is added and the changed one updated', async () => {
    const core = await startCore();
    await importRegister(core);
    const before = await byListNumber(core);
    const changed = core.file(
      'persons-v2.csv',
      readFileSync(path.join(FIXTURE, 'persons.csv'), 'utf8')
        .replace(
          '4;Пётр Узорны;Piotr Uzorny;1990;м;Гомельская вобл.',
          '4;Пётр Узорны;Piotr Uzorny;1990;м;Брестская область',
        )
        .concat('8;Вольга Новая;Volha Novaja;2001;ж;Гомельская вобл.;да;\n'),
    );
    const plan = (await preview(core, changed, 'persons')).plan;
    expect(plan).toEqual({ new: 1, changed: 1, unchanged: 6, duplicates: 0 });
    const result = await importFile(core, changed, 'persons');
    expect(result).toMatchObject({ personsCreated: 1, personsUpdated: 1, unchanged: 6 });
    const after = await byListNumber(core);
    expect(after.size).toBe(8);
    expect(after.get('4')!.person.region).toBe('brest');
    expect(after.get('4')!.person.id).toBe(before.get('4')!.person.id);
    expect(after.get('8')!.person.region).toBe('gomel');

    // The linked tables again: every row already recorded, nothing added.
    for (const [name, shape] of TABLES.slice(1)) {
      const again = await preview(core, fixture(core, name), shape);
      expect(again.plan.new).toBe(0);
      expect(again.plan.unchanged).toBe(again.rows);
    }
    const custody = await importFile(core, fixture(core, 'custody.csv'), 'events');
    expect(custody).toMatchObject({ eventsCreated: 0, unchanged: 10 });
  });
});
