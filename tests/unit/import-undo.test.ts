import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { ImportPreview } from '../../core/api/import';
import type { ImportResult, ImportRun, UndoImportResult } from '../../core/api/importRuns';
import type { Cell } from '../../core/changes/changeSet';
import { TABLES } from '../../core/changes/entities';
import { newRecordId } from '../../core/changes/ids';
import { cancelImport, listImportRuns, withRun, writeRun } from '../../core/import/runs';
import { runImport } from '../../core/import/service';
import { undoImport, type UndoAccess } from '../../core/import/undo';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();
const PASSPHRASE = 'a test passphrase';
/** Rows per change set of an import (ROWS_PER_COMMIT in core/import/service.ts). */
const BATCH = 500;

/**
 * Every record table, live records only, every field, sorted by id. Left out: the bookkeeping
 * of the write path (`clock`, `clock_base`, `bases`, and `updated_at`, which a restore moves
 * forward), the audit tables and the change log (an undo is recorded there, by design), and
 * the import runs themselves (an undone run stays, marked `undone`).
 */
async function canonicalDump(core: TestCore): Promise<Record<string, unknown[]>> {
  const db = (await core.session.readVault()).db;
  const dump: Record<string, unknown[]> = {};
  for (const table of Object.values(TABLES)) {
    if (table === 'import_runs') continue;
    const [result] = db.exec(`SELECT * FROM ${table} WHERE deleted = 0 ORDER BY id`);
    dump[table] = (result?.values ?? []).map((row) =>
      Object.fromEntries(
        result!.columns
          .map((column, i) => [column, row[i]] as const)
          .filter(([column]) => !['clock', 'clock_base', 'bases', 'updated_at'].includes(column)),
      ),
    );
  }
  return dump;
}

async function importCsv(core: TestCore, name: string, csv: string, shape: string) {
  const path = core.file(name, csv);
  const { mapping } = await core.ok<ImportPreview>('previewImport', { path, shape });
  return core.ok<ImportResult>('runImport', { path, shape, mapping, mode: 'all' });
}

async function personCount(core: TestCore, query = ''): Promise<number> {
  return (await core.ok<{ total: number }>('listPersons', { query })).total;
}

/** A person table of `rows` invented names, one person per row. */
function namesCsv(rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `Выдуманы Асоба ${i + 1},19${50 + (i % 40)}`,
  );
  return ['Name,Birth date', ...lines].join('\n');
}

async function runs(core: TestCore): Promise<ImportRun[]> {
  return core.ok<ImportRun[]>('listImportRuns', {});
}

/** The vault with a few records of its own, entered by hand before any import. */
async function existingRecords(core: TestCore): Promise<{ ales: string; maryia: string }> {
  const ales = await core.ok<{ id: string }>('createPerson', {
    name: 'Алесь Прыдуманы',
    birthDate: '1961-03-14',
    region: 'gomel',
    occupation: 'настаўнік',
    consent: 'publish',
  });
  const maryia = await core.ok<{ id: string }>('createPerson', {
    name: 'Марыя Выдуманая',
    birthDate: '1990',
    notes: 'entered by hand',
  });
  await core.ok('createRecord', {
    kind: 'custodyEvent',
    fields: { personId: ales.id, type: 'arrest', date: '2021-08-19' },
  });
  await core.ok('createRecord', {
    kind: 'riskAssignment',
    fields: { personId: maryia.id, category: 'serious_health', startDate: '2022' },
  });
  return { ales: ales.id, maryia: maryia.id };
}

/** A stand-in for the session that runs `beforeCommit` before the n-th commit (from 1). */
function watched(core: TestCore, beforeCommit: (n: number) => Promise<void> | void): UndoAccess {
  let commits = 0;
  return {
    readVault: () => core.session.readVault(),
    async commit(cells, options) {
      await beforeCommit(++commits);
      return core.session.commit(cells, options);
    },
    commitAll: (groups) => core.session.commitAll(groups),
    bulk: (work) => core.session.bulk(work),
  };
}

describe('undo an import', () => {
  it('takes back a person table and an event table: every record table is as before, exactly', async () => {
    const core = await startCore();
    await existingRecords(core);
    const before = await canonicalDump(core);

    const persons = await importCsv(
      core,
      'persons.csv',
      [
        'Name,Birth date,Region,Arrest date,Release date,Release type,Risk categories',
        'Янка Выдуманы,1970-05-02,minsk_region,2020-09-01,,,',
        'Зоя Прыдуманая,1958,brest,2021-01,2023-02-03,pardon,over_60',
        'Ira Invented,1985-11-30,,,,,',
      ].join('\n'),
      'persons',
    );
    expect(persons).toMatchObject({ imported: 3, personsCreated: 3 });
    const events = await importCsv(
      core,
      'events.csv',
      [
        'Person name,Person birth date,Type,Date,Release type,Category,Start date',
        'Алесь Прыдуманы,14.03.1961,release,2024-09-16,pardon,,',
        'Янка Выдуманы,02.05.1970,transfer,2021,,,',
        'Марыя Выдуманая,,risk,,,disability,2023',
      ].join('\n'),
      'events',
    );
    expect(events).toMatchObject({ imported: 3, eventsCreated: 3 });
    expect(await personCount(core)).toBe(5);

    const listed = await runs(core);
    expect(listed.map((run) => [run.fileName, run.state, run.imported])).toEqual([
      ['events.csv', 'complete', 3],
      ['persons.csv', 'complete', 3],
    ]);

    const undoEvents = await core.ok<UndoImportResult>('undoImport', { id: events.runId });
    expect(undoEvents).toEqual({ removed: 3, restored: 0, kept: 0 });
    const undoPersons = await core.ok<UndoImportResult>('undoImport', { id: persons.runId });
    // Three persons, two arrests, a release and a risk assignment.
    expect(undoPersons).toEqual({ removed: 7, restored: 0, kept: 0 });

    expect(await canonicalDump(core)).toEqual(before);
    expect(await personCount(core)).toBe(2);
    // Search forgets them too: the index is kept by the same write path.
    expect(await personCount(core, 'Янка')).toBe(0);
    expect((await runs(core)).map((run) => run.state)).toEqual(['undone', 'undone']);

    // The person's history shows the import, then the undo that deleted the record.
    const db = (await core.session.readVault()).db;
    const [row] = db.exec("SELECT id FROM persons WHERE name = 'Янка Выдуманы'");
    const history = await core.ok<{ field: string; after: unknown }[]>('getHistory', {
      kind: 'person',
      id: row!.values[0]![0],
    });
    expect(history.map((entry) => [entry.field, entry.after])).toEqual([
      ['created', null],
      ['deleted', true],
    ]);

    expect(await core.fails('undoImport', { id: persons.runId })).toBe('IMPORT_ALREADY_UNDONE');
    expect(await core.fails('undoImport', { id: newRecordId() })).toBe('NOT_FOUND');
  });

  it('restores the fields an import changed, removes the terms it created, and keeps later edits', async () => {
    const core = await startCore();
    const { ales, maryia } = await existingRecords(core);
    const before = await canonicalDump(core);
    const term = newRecordId();
    const cells = (id: string, fields: Record<string, Cell['value']>): Cell[] =>
      Object.entries(fields).map(([field, value]) => ({ entity: 'person', id, field, value }));
    // What a re-import does: edits of persons already there, and a term the value step made.
    const batches = [
      {
        rows: 2,
        counts: { personsUpdated: 2, termsCreated: 1 },
        cells: [
          ...Object.entries({
            thesaurus: 'region',
            code: 'mahiliou',
            labelEn: 'Mahilioŭ region',
            labelBe: '',
            labelRu: '',
            address: '',
            deprecated: false,
            sort: 0,
            createdAt: '2026-01-01T00:00:00.000Z',
          }).map(([field, value]) => ({ entity: 'thesaurusTerm', id: term, field, value })),
          ...cells(ales, { region: 'mahiliou', occupation: 'пенсіянер' }),
          ...cells(maryia, { notes: 'from the file' }),
        ],
      },
      // The same field twice in one import: undo gives back the value from before the first.
      { rows: 1, counts: { personsUpdated: 1 }, cells: cells(ales, { occupation: 'журналіст' }) },
    ];
    const plan = { fileName: 'list.csv', shape: 'persons' as const, rows: 3 };
    const { runId } = await withRun(core.session, (run) =>
      writeRun(core.session, run, plan, batches, 0),
    );
    // The user edits one of the imported values afterwards: that edit is theirs, not the import's.
    await core.ok('updatePerson', { id: maryia, changes: { notes: 'checked by phone' } });

    const undone = await core.ok<UndoImportResult>('undoImport', { id: runId });
    expect(undone).toEqual({ removed: 1, restored: 2, kept: 1 });
    const after = await canonicalDump(core);
    const notes = (dump: Record<string, unknown[]>) =>
      (dump.persons as { id: string; notes: string }[]).find((p) => p.id === maryia)!.notes;
    expect(notes(after)).toBe('checked by phone');
    // Apart from that later edit, everything is as before the import.
    expect({ ...after, persons: [] }).toEqual({ ...before, persons: [] });
    const withoutMaryia = (dump: Record<string, unknown[]>) =>
      dump.persons!.filter((p) => (p as { id: string }).id !== maryia);
    expect(withoutMaryia(after)).toEqual(withoutMaryia(before));
    expect(
      await core.ok<{ code: string }[]>('listThesaurus', { thesaurus: 'region' }),
    ).not.toContainEqual(expect.objectContaining({ code: 'mahiliou' }));

    // The history shows the import's edits and the undo's restores, newest last.
    const history = await core.ok<{ field: string; before: unknown; after: unknown }[]>(
      'getHistory',
      { kind: 'person', id: ales },
    );
    expect(history.slice(1).map((entry) => [entry.field, entry.before, entry.after])).toEqual([
      ['region', 'gomel', 'mahiliou'],
      ['occupation', 'настаўнік', 'пенсіянер'],
      ['occupation', 'пенсіянер', 'журналіст'],
      ['region', 'mahiliou', 'gomel'],
      ['occupation', 'журналіст', 'настаўнік'],
    ]);
  });

  it('when the vault locks at the third batch, says how far it got, lists the run as stopped and undoes exactly those rows', async () => {
    const core = await startCore();
    await existingRecords(core);
    const before = await canonicalDump(core);
    const path = core.file('long.csv', namesCsv(2 * BATCH + 200));
    const { mapping } = await core.ok<ImportPreview>('previewImport', { path, shape: 'persons' });
    const locking = watched(core, async (n) => {
      if (n === 3) await core.session.lock();
    });

    const failure = await runImport(locking, { path, shape: 'persons', mapping, mode: 'all' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('VAULT_LOCKED');
    expect((failure as ApiError).message).toContain('1000 of 1200 rows were imported before it');

    await core.ok('unlockVault', { folder: core.folder, passphrase: PASSPHRASE });
    const [run] = await runs(core);
    expect(run).toMatchObject({
      fileName: 'long.csv',
      state: 'stopped',
      rows: 1200,
      imported: 1000,
    });
    expect(run!.counts).toMatchObject({ imported: 1000, personsCreated: 1000 });
    expect(await personCount(core)).toBe(2 + 1000);

    expect(await core.ok('undoImport', { id: run!.id })).toEqual({
      removed: 1000,
      restored: 0,
      kept: 0,
    });
    expect(await canonicalDump(core)).toEqual(before);
    expect((await runs(core))[0]!.state).toBe('undone');
  });

  it('cancelled between batches: the rows before stay, the run is listed as cancelled, and nothing is undone meanwhile', async () => {
    const core = await startCore();
    const first = await importCsv(core, 'first.csv', namesCsv(2), 'persons');
    const path = core.file('long.csv', namesCsv(2 * BATCH + 200));
    const { mapping } = await core.ok<ImportPreview>('previewImport', { path, shape: 'persons' });
    const seen: { during?: ImportRun[]; undo?: unknown } = {};
    const cancelling: UndoAccess = watched(core, async (n) => {
      if (n !== 2) return;
      expect(cancelImport(cancelling)).toEqual({ cancelling: true });
      seen.during = await listImportRuns(cancelling);
      seen.undo = await undoImport(cancelling, first.runId).catch((err: ApiError) => err.code);
    });

    const result = await runImport(cancelling, { path, shape: 'persons', mapping, mode: 'all' });
    expect(result).toMatchObject({ cancelled: true, imported: 1000, personsCreated: 1000 });
    // While it ran: listed as running (not stopped), and an undo was refused.
    expect(seen.during![0]).toMatchObject({ fileName: 'long.csv', state: 'running' });
    expect(seen.undo).toBe('IMPORT_RUNNING');

    expect(await personCount(core)).toBe(2 + 1000);
    const [run, earlier] = await runs(core);
    expect(run).toMatchObject({ state: 'cancelled', rows: 1200, imported: 1000 });
    expect(earlier).toMatchObject({ id: first.runId, state: 'complete', imported: 2 });
  });
});
