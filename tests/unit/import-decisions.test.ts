/**
 * The bad input of an import of linked tables, and the decisions the dry run asks for: a value
 * mapped to a retired term, an external id twice in one file, rows whose person is nobody in
 * the vault, namesakes to choose between, likely duplicates to skip, merge or add, new terms and
 * values left out.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/api/import';
import type { ImportResult } from '../../core/api/importRuns';
import type { PersonFile } from '../../core/api/records';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();

async function run(core: TestCore, csv: string, shape: string, extra: object = {}) {
  const file = core.file(`${shape}.csv`, csv);
  const preview = await core.ok<ImportPreview>('previewImport', { path: file, shape, ...extra });
  const result = await core.ok<ImportResult>('runImport', {
    path: file,
    shape,
    mapping: preview.mapping,
    mode: 'validOnly',
    ...extra,
  });
  return { preview, result };
}

const codes = (preview: ImportPreview) => preview.problems.map((p) => [p.row, p.code]);

async function persons(core: TestCore): Promise<PersonFile[]> {
  const { items } = await core.ok<{ items: { id: string }[] }>('listPersons', { limit: 100 });
  return Promise.all(items.map(({ id }) => core.ok<PersonFile>('getPersonFile', { id })));
}

const REGISTER = 'List no,Name,Birth date\n10,Tamara Vydumka,1980\n11,Jan Prykladny,1975-05-05\n';

describe('bad input of linked tables', () => {
  it('refuses an external id used twice in one file, and says which row had it first', async () => {
    const core = await startCore();
    const { preview, result } = await run(
      core,
      'List no,Name\n10,Tamara Vydumka\n11,Jan Prykladny\n10,Ales Inshy\n',
      'persons',
    );
    expect(codes(preview)).toEqual([[4, 'DUPLICATE_EXTERNAL_ID']]);
    expect(preview.problems[0]).toMatchObject({ otherRow: 2, value: '10' });
    expect(result).toMatchObject({ personsCreated: 2, skipped: 1 });
  });

  it('refuses event and court case rows whose person the vault does not hold', async () => {
    const core = await startCore();
    await run(core, REGISTER, 'persons');
    const events = await run(core, 'List no,Type,Date\n10,arrest,2021\n99,arrest,2021\n', 'events');
    expect(codes(events.preview)).toEqual([[3, 'PERSON_NOT_FOUND']]);
    expect(events.result.eventsCreated).toBe(1);
    const cases = await run(
      core,
      'List no,Person name,Verdict date\n11,,2022-01-01\n12,Nobody Known,2022-01-01\n',
      'proceedings',
    );
    expect(codes(cases.preview)).toEqual([[3, 'PERSON_NOT_FOUND']]);
    expect(cases.result.proceedingsCreated).toBe(1);
  });

  it('warns of a value mapped to a retired term, and still imports it', async () => {
    const core = await startCore();
    await core.ok('createRecord', {
      kind: 'thesaurusTerm',
      fields: {
        thesaurus: 'release_type',
        code: 'old_pardon',
        labelEn: 'Old pardon',
        deprecated: true,
      },
    });
    await run(core, REGISTER, 'persons');
    const values = { releaseType: { помилован: { action: 'map', code: 'old_pardon' } } };
    const { preview, result } = await run(
      core,
      'List no,Type,Date,Release type\n10,release,2022,помилован\n',
      'events',
      { values },
    );
    expect(preview.problems).toMatchObject([
      { row: 2, code: 'DEPRECATED_VALUE', severity: 'warning' },
    ]);
    expect(result.eventsCreated).toBe(1);
  });

  it('refuses a value map that names a code the thesaurus does not have', async () => {
    const core = await startCore();
    const file = core.file('p.csv', 'Name,Region\nTamara Vydumka,Gomelshchyna\n');
    const values = { region: { Gomelshchyna: { action: 'map', code: 'no_such_region' } } };
    expect(await core.fails('previewImport', { path: file, shape: 'persons', values })).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('decisions of the dry run', () => {
  it('lists namesakes to choose from, and links the row to the one chosen', async () => {
    const core = await startCore();
    await run(core, 'Name,Birth date\nIryna Adnolkava,1980\nIryna Adnolkava,1980\n', 'persons');
    const ids = (await persons(core)).map((file) => file.person.id).sort();
    const csv = 'Person name,Person birth date,Type,Date\nIryna Adnolkava,1980,arrest,2021-02-02\n';
    const first = await run(core, csv, 'events');
    const problem = first.preview.problems[0]!;
    expect(problem.code).toBe('PERSON_AMBIGUOUS');
    expect(problem.candidates!.map((c) => c.id).sort()).toEqual(ids);
    expect(problem.candidates![0]).toMatchObject({ name: 'Iryna Adnolkava', birthDate: '1980' });
    expect(first.result.eventsCreated).toBe(0);

    const chosen = await run(core, csv, 'events', { decisions: { links: { '2': ids[1] } } });
    expect(chosen.result.eventsCreated).toBe(1);
    const file = await core.ok<PersonFile>('getPersonFile', { id: ids[1] });
    expect(file.custodyEvents).toMatchObject([{ type: 'arrest', date: '2021-02-02' }]);
  });

  it('skips, merges or adds a likely duplicate by name, for all rows or row by row', async () => {
    const core = await startCore();
    await run(
      core,
      'Name,Birth date,Occupation\nMikola Padobny,1970-01-01,\nAlena Tsikavaja,1985,\n',
      'persons',
    );
    const csv =
      'Name,Birth date,Occupation,List no\nMikola Padobny,1970,teacher,501\nAlena Tsikavaja,1985,doctor,502\n';
    const skipped = await run(core, csv, 'persons', { decisions: { duplicates: 'skip' } });
    expect(skipped.preview.plan).toMatchObject({ duplicates: 2 });
    expect(skipped.result).toMatchObject({ personsCreated: 0, personsUpdated: 0, skipped: 2 });
    expect(await persons(core)).toHaveLength(2);

    const decided = await run(core, csv, 'persons', {
      decisions: { duplicates: 'merge', duplicateRows: { '3': 'add' } },
    });
    expect(decided.result).toMatchObject({ personsCreated: 1, personsUpdated: 1 });
    const all = await persons(core);
    expect(all).toHaveLength(3);
    const mikola = all.find((f) => f.person.name === 'Mikola Padobny')!.person;
    expect(mikola).toMatchObject({
      occupation: 'teacher',
      externalIds: ['list:501'],
      birthDate: '1970-01-01',
    });
    expect(
      all
        .filter((f) => f.person.name === 'Alena Tsikavaja')
        .map((f) => f.person.occupation)
        .sort(),
    ).toEqual(['', 'doctor']);

    // Matched by the list number now: the same file again changes nobody.
    const again = await run(core, csv.replace('doctor', 'doctor'), 'persons', {
      decisions: { duplicates: 'skip' },
    });
    expect(again.preview.plan).toMatchObject({ new: 0, unchanged: 2 });
  });

  it('creates a new term for a value, once, and leaves out the rows of a value to omit', async () => {
    const core = await startCore();
    const values = {
      region: {
        'Aut. area': {
          action: 'create',
          labelEn: 'Autonomous area',
          labelBe: '',
          labelRu: 'Автономный округ',
        },
        Nowhere: { action: 'omit' },
      },
    };
    const csv =
      'Name,Region\nAnna Pershaja,Aut. area\nBoris Druhi,AUT.  AREA\nVera Trecija,Nowhere\n';
    const { preview, result } = await run(core, csv, 'persons', { values });
    expect(preview.unknownValues.map((v) => [v.value, v.rows, v.choice?.action])).toEqual([
      ['Aut. area', 2, 'create'],
      ['Nowhere', 1, 'omit'],
    ]);
    expect(codes(preview)).toEqual([[4, 'VALUE_LEFT_OUT']]);
    expect(result).toMatchObject({ personsCreated: 2, termsCreated: 1, skipped: 1 });
    const terms = await core.ok<{ code: string; labelRu: string }[]>('listThesaurus', {
      thesaurus: 'region',
    });
    const created = terms.find((t) => t.labelRu === 'Автономный округ')!;
    expect(created.code).toBe('autonomous_area');
    expect((await persons(core)).map((f) => f.person.region)).toEqual([created.code, created.code]);

    // The same file with the same value map again: the term made the first time is used.
    const again = await run(core, csv, 'persons', { values, decisions: { duplicates: 'skip' } });
    expect(again.result).toMatchObject({ termsCreated: 0, personsCreated: 0 });
    const after = await core.ok<unknown[]>('listThesaurus', { thesaurus: 'region' });
    expect(after).toHaveLength(terms.length);
  });
});
