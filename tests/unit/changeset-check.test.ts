import path from 'node:path';
import fc from 'fast-check';
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { encodeChangeSet, type Cell, type ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { writableDb, type WriteDb } from '../../core/db/handle';
import { migrate } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import { replayRecord } from '../../core/vault/replay';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { AUTHOR, newId, personSet, rawJournal, TEST_KDF } from '../helpers/vault';

const PASS = { passphrase: 'a long test passphrase' };
const OTHER = 'fedcba9876543210';
const tempDir = useTempDirs();

const hexId = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 32,
  maxLength: 32,
});
const anyValue: fc.Arbitrary<Cell['value']> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
);
const isoTime = fc
  .date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Fields with values mostly of their own kind; the last two this version does not know. */
const FIELDS: Array<[string, string, fc.Arbitrary<Cell['value']>]> = [
  ['person', 'name', fc.string({ maxLength: 12 })],
  ['person', 'nameVariants', fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })],
  ['person', 'sex', fc.constantFrom('female', 'male', 'other', null)],
  ['person', 'birthDate', fc.constantFrom('1990', '1990-02', '1990-02-28', '1990-02-30', null)],
  ['person', 'createdAt', isoTime],
  ['person', 'deleted', fc.boolean()],
  ['proceeding', 'sentenceMonths', fc.oneof(fc.integer({ min: -1, max: 1300 }), fc.constant(null))],
  ['thesaurusTerm', 'deprecated', fc.boolean()],
  ['source', 'reliability', fc.constantFrom('high', 'medium', 'low', 'unknown')],
  ['person', 'shoeSize', fc.string({ maxLength: 4 })],
  ['spaceship', 'name', fc.string({ maxLength: 4 })],
];

const cell = (id: string): fc.Arbitrary<Cell> =>
  fc
    .constantFrom(...FIELDS)
    .chain(([entity, field, value]) =>
      fc
        .oneof({ arbitrary: value, weight: 8 }, { arbitrary: anyValue, weight: 1 })
        .map((v) => ({ entity, id, field, value: v })),
    );

const wall = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });
const hlc = fc.oneof(
  { arbitrary: wall.map((w) => formatHlc(w, 0, AUTHOR)), weight: 12 },
  { arbitrary: wall.map((w) => formatHlc(w, 0x10000, AUTHOR)), weight: 1 },
  { arbitrary: fc.constant(`2026-02-30T10:00:00.000Z-0000-${AUTHOR}`), weight: 1 },
  { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
);

/** A change set as it could arrive at the write path: often valid, often not in one way. */
const changeSet: fc.Arbitrary<ChangeSet> = fc
  .record({
    v: fc.oneof(
      { arbitrary: fc.constant(1), weight: 19 },
      { arbitrary: fc.constant(2), weight: 1 },
    ),
    hlc,
    author: fc.oneof(
      { arbitrary: fc.constant(AUTHOR), weight: 12 },
      { arbitrary: fc.constant(OTHER), weight: 1 },
    ),
    ids: fc.array(hexId, { minLength: 1, maxLength: 2 }),
  })
  .chain(({ ids, ...set }) =>
    fc
      .oneof(
        {
          arbitrary: fc.array(fc.constantFrom(...ids).chain(cell), { minLength: 1, maxLength: 3 }),
          weight: 19,
        },
        { arbitrary: fc.constant([]), weight: 1 },
      )
      .map((cells) => ({ ...set, cells }) as ChangeSet),
  );

function dump(db: Database): string {
  return JSON.stringify(
    ['persons', 'proceedings', 'thesaurus_terms', 'sources', 'held_cells'].map(
      (table) => db.exec(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`)[0]?.values ?? [],
    ),
  );
}

/** Whether replay applies a set in full, leaving `db` as it was when it does not. */
function replayApplies(db: WriteDb, set: unknown): boolean {
  db.exec('SAVEPOINT probe');
  const damage = replayRecord(db, encodeChangeSet(set as ChangeSet), { file: 'probe', record: 1 });
  db.exec(damage ? 'ROLLBACK TO probe' : 'RELEASE probe');
  if (damage) db.exec('RELEASE probe');
  return damage === null;
}

describe('the write path and replay accept the same change sets', () => {
  it('acknowledges exactly the sets replay applies, and every one is there after reopening', async () => {
    const root = tempDir();
    const folder = path.join(root, 'committed');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
    // Replay's view of the same sequence: a database that applies what the vault accepted.
    const mirror = writableDb(new (await loadSqlJs()).Database());
    migrate(mirror);
    const all: ChangeSet[] = [];
    const refused: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(changeSet, { minLength: 1, maxLength: 6 }), async (sets) => {
        const outcomes = await Promise.allSettled(sets.map((set) => vault.commit(set)));
        outcomes.forEach((outcome, i) => {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toMatchObject({ code: 'INVALID_INPUT' });
            refused.push(all.length + i + 1);
          }
          expect(replayApplies(mirror, sets[i])).toBe(outcome.status === 'fulfilled');
        });
        all.push(...sets);
      }),
      { numRuns: 80 },
    );
    // The generators must exercise both sides for the property to say anything.
    expect(refused.length).toBeGreaterThan(20);
    expect(all.length - refused.length).toBeGreaterThan(20);

    const before = dump(vault.db);
    expect(dump(mirror)).toBe(before);
    mirror.close();
    await vault.close();
    const reopened = await Vault.open(folder, PASS);
    expect(dump(reopened.db)).toBe(before);
    await reopened.close();

    // The same sets written to a journal unchecked: replay refuses exactly the refused ones.
    const raw = path.join(root, 'raw');
    const { vault: unchecked } = await Vault.create(raw, PASS.passphrase, TEST_KDF);
    await rawJournal(unchecked).append(all.map((set) => encodeChangeSet(set)));
    await unchecked.close();
    await expect(Vault.open(raw, PASS)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { record: refused[0] },
    });
    const { vault: repaired, damage } = await Vault.repair(raw, PASS);
    await repaired.close();
    expect(damage.map((d) => d.record)).toEqual(refused);
  });

  it('refuses a set before journaling it, naming the field and not the value', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
    const id = newId();
    const cases: Array<[string, ChangeSet]> = [
      ['person.shoeSize', personSet(id, { shoeSize: 'Secret-42' })],
      ['person.sex', personSet(id, { sex: 'Secret-value' })],
      ['author', { ...personSet(id, { name: 'Secret Name' }), author: OTHER }],
    ];
    for (const [named, set] of cases) {
      const err = await vault.commit(set).then(
        () => null,
        (e: Error & { code?: string }) => e,
      );
      expect(err).toMatchObject({ code: 'INVALID_INPUT' });
      expect(err!.message).toContain(named);
      expect(err!.message).not.toContain('Secret');
    }
    await vault.close();
    const reopened = await Vault.open(folder, PASS);
    expect(reopened.db.exec('SELECT count(*) FROM persons')[0]!.values[0]![0]).toBe(0);
    expect(reopened.db.exec('SELECT count(*) FROM hlcs')[0]!.values[0]![0]).toBe(0);
    await reopened.close();
  });
});
