import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_KINDS, type RecordKind } from '../../core/api/records';
import { ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { readRecords } from '../../core/db/records';
import { first } from '../../core/db/statements';
import { generateDemoCases } from '../../core/demo/cases';
import { DEMO_PERSONS_PER_SET, demoChangeSets, loadDemoData } from '../../core/demo/load';
import { seedChangeSet } from '../../core/model/seed';
import { validateRecord } from '../../core/service/records';
import { Vault } from '../../core/vault/vault';
import { coreWithVault, type TestCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_KDF } from '../helpers/vault';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

async function newCore(): Promise<TestCore> {
  const core = await coreWithVault(tempDir());
  cores.push(core);
  return core;
}

const KINDS = Object.keys(RECORD_KINDS).filter((kind) => kind !== 'install') as RecordKind[];

describe('loading demo data', () => {
  it('writes 200 persons through the session, every record valid for the app', async () => {
    const core = await newCore();
    const expected = generateDemoCases(200, 1);
    const result = await loadDemoData(core.session, 200, 1);
    const written =
      expected.shared.length + expected.cases.reduce((n, c) => n + 1 + c.records.length, 0);
    expect(result).toEqual({ persons: 200, records: written });
    // Not something "undo last change" should take back.
    expect(core.session.takeUndoable()).toBeNull();

    const db = (await core.session.readVault()).db;
    let stored = 0;
    for (const kind of KINDS) {
      for (const record of readRecords(db, kind, '1 = 1', [])) {
        // The app's own check: schema, thesaurus codes and the records referred to.
        expect(() => validateRecord(db, kind, record)).not.toThrow();
        if (kind !== 'thesaurusTerm' || String(record.code).startsWith('demo-')) stored++;
      }
    }
    expect(stored).toBe(written);

    const sample = expected.cases[0]!;
    const file = await core.call('getPersonFile', { id: sample.person.id });
    expect(file.person.name).toBe(sample.person.fields.name);
    expect(file.custodyEvents).toHaveLength(
      sample.records.filter((r) => r.kind === 'custodyEvent').length,
    );
    const found = await core.call('listPersons', { query: sample.person.fields.nameLatin });
    expect(found.items.map((p) => p.id)).toContain(sample.person.id);
  });

  it('updates the same persons when the same seed is loaded again', async () => {
    const core = await newCore();
    await loadDemoData(core.session, 30, 4);
    await loadDemoData(core.session, 30, 4);
    const db = (await core.session.readVault()).db;
    expect(first(db, 'SELECT count(*) AS n FROM persons')!.n).toBe(30);
    await loadDemoData(core.session, 30, 5);
    expect(first(db, 'SELECT count(*) AS n FROM persons')!.n).toBe(60);
  });

  it('gives benchmarks the same data as change sets to commit to a vault directly', async () => {
    const start = formatHlc(Date.UTC(2025, 0, 1), 0, 'b0b0b0b0b0b0b0b0');
    const sets = [...demoChangeSets(450, 2, 'b0b0b0b0b0b0b0b0', start)];
    // Shared records first, then the persons in batches.
    expect(sets.map((s) => s.personIds.length)).toEqual([0, DEMO_PERSONS_PER_SET, 200, 50]);
    expect(sets[0]!.set.cells.every((c) => ['thesaurusTerm', 'source'].includes(c.entity))).toBe(
      true,
    );
    const hlcs = sets.map((s) => s.set.hlc);
    expect(hlcs.every((hlc, i) => hlc > (i === 0 ? start : hlcs[i - 1]!))).toBe(true);
    for (const { set } of sets) expect(ChangeSet.safeParse(set).success).toBe(true);

    const { vault } = await Vault.create(
      path.join(tempDir(), 'vault'),
      'test passphrase',
      TEST_KDF,
    );
    try {
      await vault.commit(seedChangeSet());
      for (const { set } of sets) await vault.commit(set);
      const generated = generateDemoCases(450, 2).cases;
      expect(first(vault.db, 'SELECT count(*) AS n FROM persons')!.n).toBe(450);
      expect(first(vault.db, 'SELECT count(*) AS n FROM custody_events')!.n).toBe(
        generated.flatMap((c) => c.records).filter((r) => r.kind === 'custodyEvent').length,
      );
      expect(sets.flatMap((s) => s.personIds)).toEqual(generated.map((c) => c.person.id));
    } finally {
      await vault.close();
    }
  });
});
