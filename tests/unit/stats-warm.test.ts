import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/api/import';
import { all } from '../../core/db/statements';
import { loadDemoData } from '../../core/demo/load';
import { CoreSession } from '../../core/service/session';
import { setFsStepHook } from '../../core/vault/fsSteps';
import { forgetStatsModel, SLICE_PERSONS } from '../../core/stats/model';
import { TEST_KDF } from '../helpers/vault';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();
const PASSPHRASE = 'a test passphrase';
/** Three slices of the background read, so that calls can come between them. */
const PERSONS = SLICE_PERSONS * 2 + 200;

/** Every figure of the dashboard and a custom count, as the figures screen asks for them. */
const FIGURES: ReadonlyArray<readonly [string, unknown]> = [
  ['figureInCustody', { asOf: '2024-05-06' }],
  ['figureReleases', { groupBy: 'month' }],
  ['figureAtRisk', { asOf: '2024-05-06' }],
  ['figureEarlyReleaseShare', { since: '2020', asOf: '2024-05-06' }],
  ['figureBreakdown', { asOf: '2024-05-06', dimension: 'region' }],
  ['figureBreakdown', { asOf: '2024-05-06', dimension: 'facility' }],
  ['figureCustodySeries', { from: '2019-01', to: '2024-12', step: 'month' }],
  ['figureRearrests', {}],
  ['figurePivot', { measure: 'inCustody', rows: 'region', columns: 'ageBand', asOf: '2024-05-06' }],
];

async function figures(core: TestCore): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [method, args] of FIGURES) out.push(await core.ok(method, args));
  return out;
}

/** The figures of a model read from scratch now, with nothing cached. */
async function freshFigures(core: TestCore): Promise<unknown[]> {
  forgetStatsModel((await core.session.readVault()).db);
  return figures(core);
}

/** A locked vault holding a demo register of PERSONS persons, written once for every test. */
let register = '';

beforeAll(async () => {
  register = mkdtempSync(path.join(os.tmpdir(), 'vigil-warm-'));
  const session = await CoreSession.start({ dataDir: path.join(register, 'data'), kdf: TEST_KDF });
  await session.createVault(path.join(register, 'vault'), PASSPHRASE);
  await loadDemoData(session, PERSONS, 1);
  await session.lock();
}, 120_000);

afterAll(() => rmSync(register, { recursive: true, force: true }));

/** A copy of the register, unlocked: its model is being read in the background. */
async function unlockedRegister(): Promise<TestCore> {
  const core = await startCore();
  const folder = path.join(core.dataDir, 'register');
  cpSync(path.join(register, 'vault'), folder, { recursive: true });
  await core.ok('unlockVault', { folder, passphrase: PASSPHRASE });
  return core;
}

/** Lets the background read take one more slice (it reads one per turn of the event loop). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function ids(core: TestCore, sql: string): Promise<string[]> {
  return all((await core.session.readVault()).db, sql).map((row) => String(row.id));
}

describe('the figure model read in the background after unlock', () => {
  it('answers calls made while it reads, before it ends', async () => {
    const core = await unlockedRegister();
    const answered: string[] = [];
    const built = core.session.figuresWarm().then((end) => answered.push(`read: ${end}`));
    await nextTurn();
    await core.ok('listPersons', {}).then(() => answered.push('listPersons'));
    await nextTurn();
    await core.ok('listPersons', { query: 'а' }).then(() => answered.push('search'));
    await built;
    expect(answered).toEqual(['listPersons', 'search', 'read: built']);
  });

  it('gives the figures of a fresh read after edits, an import and an undo made while it reads', async () => {
    const core = await unlockedRegister();
    const ended = core.session.figuresWarm();
    await nextTurn();
    // One slice is read. Move a release of a person of that slice to another month; then,
    // touching that person no more, edit another of that slice and one of the next: a region,
    // an event moved to another person, one deleted, a person deleted and the deletion undone.
    const persons = await ids(core, 'SELECT id FROM persons WHERE deleted = 0 ORDER BY id');
    const regions = all(
      (await core.session.readVault()).db,
      'SELECT DISTINCT region FROM persons WHERE region IS NOT NULL ORDER BY region',
    ).map((row) => String(row.region));
    const [release] = all(
      (await core.session.readVault()).db,
      `SELECT id, person_id FROM custody_events WHERE deleted = 0 AND type = 'release'
       AND date NOT LIKE '2011-07%' ORDER BY person_id LIMIT 1`,
    );
    const early = String(release!.person_id);
    const other = persons.find((id) => id > early)!;
    expect(other < persons[SLICE_PERSONS]!).toBe(true);
    const late = persons[SLICE_PERSONS + 7]!;
    const events = await ids(
      core,
      `SELECT id FROM custody_events WHERE deleted = 0 AND person_id = '${other}' ORDER BY id`,
    );
    await core.ok('updateRecord', {
      kind: 'custodyEvent',
      id: String(release!.id),
      fields: { date: '2011-07-19' },
    });
    await core.ok('updatePerson', { id: other, changes: { region: regions[0] } });
    await core.ok('updateRecord', {
      kind: 'custodyEvent',
      id: events[0],
      fields: { personId: late },
    });
    await core.ok('deleteRecord', { kind: 'custodyEvent', id: events[1] });
    await core.ok('deleteRecord', { kind: 'person', id: late });
    await core.ok('undoLastChange', {});
    const file = core.file(
      'more.csv',
      'Name,Birth date\nВыдуманы Новы,1980\nІнвентаваны Другі,1961-04',
    );
    const { mapping } = await core.ok<ImportPreview>('previewImport', {
      path: file,
      shape: 'persons',
    });
    await core.ok('runImport', { path: file, shape: 'persons', mapping, mode: 'all' });
    await core.ok('updatePerson', { id: persons[PERSONS - 1], changes: { region: regions[1] } });
    expect(await ended).toBe('built');
    const warm = await figures(core);
    expect(warm).toEqual(await freshFigures(core));
  });

  it('never reads a commit whose journal write fails and is rolled back', async () => {
    const core = await unlockedRegister();
    const ended = core.session.figuresWarm();
    await nextTurn();
    // Persons of the last slice, not read yet: one loses a release date, one is deleted.
    const db = (await core.session.readVault()).db;
    const [release] = all(
      db,
      `SELECT e.id AS id, e.person_id AS person FROM custody_events e
       WHERE e.deleted = 0 AND e.type = 'release' AND e.date IS NOT NULL
       AND e.person_id > (SELECT id FROM persons ORDER BY id LIMIT 1 OFFSET ${SLICE_PERSONS * 2})
       ORDER BY e.person_id LIMIT 1`,
    );
    // The journal's fsync fails after its write: the commit's transaction is open meanwhile.
    setFsStepHook((step, file) => {
      if (step === 'fsync' && file.includes('journal')) throw new Error('invented disk failure');
    });
    try {
      const failing = core.call('updateRecord', {
        kind: 'custodyEvent',
        id: String(release!.id),
        fields: { date: null },
      });
      expect(await failing).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    } finally {
      setFsStepHook(null);
    }
    expect(await ended).toBe('built');
    const warm = await figures(core);
    expect(warm).toEqual(await freshFigures(core));
  });

  it('a figure asked for before the read ends reads the rest and gives what a fresh read gives', async () => {
    const core = await unlockedRegister();
    const answered: string[] = [];
    const built = core.session.figuresWarm().then(() => answered.push('read'));
    await nextTurn();
    const first = await core.ok('figureInCustody', { asOf: '2024-05-06' });
    answered.push('figure');
    await built;
    expect(answered).toEqual(['figure', 'read']);
    expect(first).toEqual(((await freshFigures(core)) as unknown[])[0]);
  });

  it('stops when the vault is locked while it reads, and reads again on the next unlock', async () => {
    const core = await unlockedRegister();
    const ended = core.session.figuresWarm();
    await nextTurn();
    await core.ok('lockVault', {});
    expect(await ended).toBe('stopped');
    expect(await core.fails('figureInCustody', { asOf: '2024-05-06' })).toBe('VAULT_LOCKED');
    await core.ok('unlockVault', {
      folder: path.join(core.dataDir, 'register'),
      passphrase: PASSPHRASE,
    });
    expect(await core.session.figuresWarm()).toBe('built');
    expect(await figures(core)).toEqual(await freshFigures(core));
  });
});
