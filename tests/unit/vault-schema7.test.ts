/**
 * A vault of schema 6, written by the version before schema 7 (tests/fixtures/vault-v6/, the
 * format vectors as they were at schema 6), opened by this version: migration 7 packs the change
 * log's long bodies and numbers the audit's record kinds (docs/vault-format.md, "The database
 * inside") and loses nothing, and a migration that fails part-way leaves the schema 6 files as
 * they were.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordKind } from '../../core/api/records';
import { applyChanges } from '../../core/db/apply';
import { writableDb, type ReadDb, type WriteDb } from '../../core/db/handle';
import { logBodyText } from '../../core/db/logBody';
import { setMigrationStepHook, type MigrationStep } from '../../core/db/migrationSteps';
import { searchPersonIds } from '../../core/db/persons';
import { readRecords } from '../../core/db/records';
import { migrate, SCHEMA_VERSION } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import { all, first, run } from '../../core/db/statements';
import type { ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { bodyText } from './format-spec-apply';
import { readSnapshot, unlock } from './format-spec-files';
import { migrateToCurrent } from './format-spec-migrate';

const FIXTURE = path.resolve(__dirname, '../fixtures/vault-v6');
const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as {
  passphrase: string;
  schemaVersion: number;
  currentGeneration: number;
  files: string[];
  persons: Array<{ id: string; nameLatin: string }>;
  deletedPersonIds: string[];
  [list: string]: unknown;
};
const LISTS: Array<[string, RecordKind]> = [
  ['persons', 'person'],
  ['custodyEvents', 'custodyEvent'],
  ['statusEvents', 'statusEvent'],
  ['proceedings', 'proceeding'],
];
const tempDir = useTempDirs();
afterEach(() => setMigrationStepHook(null));

function version(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]!.values[0]![0]);
}

const SORT_KEY = /^sort_(en|be|ru)$/;

/** What migration 7 adds: the tables behind the `audit_created` view. */
const ADDED = ['audit_created_ids', 'audit_kinds'];

/**
 * Every row of every table and view but those migration 7 adds, by rowid where there is one (the
 * search index's docids are the persons' rowids), the search documents by docid, and the change
 * log's bodies as their text.
 */
function canonicalDump(db: ReadDb): Record<string, unknown[]> {
  const tables = all(
    db,
    `SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'
     AND type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'person_search_%'
     ORDER BY name`,
  ).filter((t) => !ADDED.includes(String(t.name)));
  const dump: Record<string, unknown[]> = {
    person_search: all(db, 'SELECT docid, doc FROM person_search ORDER BY docid'),
  };
  for (const { name, type, wr } of tables) {
    const rowid = type === 'table' && wr === 0 ? 'rowid AS row_id, ' : '';
    dump[String(name)] = all(db, `SELECT ${rowid}* FROM ${String(name)}`)
      // Migration 8's sort keys and the version that made them: derived data only the app makes.
      .filter((row) => !(name === 'meta' && row.key === 'sort_key_version'))
      .map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !SORT_KEY.test(c))))
      .map((row) =>
        name === 'sync_log'
          ? { ...row, body: typeof row.body === 'string' ? row.body : logBodyText(row.body!) }
          : row,
      )
      .map((row) => JSON.stringify(Object.entries(row)))
      .sort();
  }
  return dump;
}

/** The schema 6 database of the fixture's current snapshot, read by the independent reader. */
async function schema6(): Promise<Database> {
  const v = await unlock({ passphrase: expected.passphrase }, path.join(FIXTURE, 'vault'));
  const db = new (await loadSqlJs()).Database(readSnapshot(v, expected.currentGeneration));
  expect(version(db)).toBe(6);
  return db;
}

/** `audit_created`'s kind of object: a table up to schema 6, a view since. */
function auditCreatedType(db: ReadDb): unknown {
  return first(db, "SELECT type FROM sqlite_schema WHERE name = 'audit_created'")?.type;
}

/**
 * A schema 6 database made here, with a set as long as an import's and a one-field edit: applied
 * by this version to a database of its own schema, then every row copied, rowids kept, into a
 * database migrated to schema 6 only, the change log's bodies as text, as schema 6 stored them.
 */
async function withLongBodies(): Promise<WriteDb> {
  const SQL = await loadSqlJs();
  const ours = writableDb(new SQL.Database());
  migrate(ours);
  const author = 'a1b2c3d4e5f60718';
  const id = (i: number) => i.toString(16).padStart(32, '0');
  const sets: ChangeSet[] = [
    {
      v: 1,
      hlc: formatHlc(Date.UTC(2026, 0, 5, 9, 1), 0, author),
      author,
      cells: Array.from({ length: 40 }, (_, i) => [
        { entity: 'person', id: id(i + 1), field: 'name', value: `Invented Person ${i + 1}` },
        {
          entity: 'person',
          id: id(i + 1),
          field: 'notes',
          value: `Invented note ${i}. `.repeat(20),
        },
      ]).flat(),
    },
    {
      v: 1,
      hlc: formatHlc(Date.UTC(2026, 0, 5, 9, 2), 0, author),
      author,
      cells: [{ entity: 'person', id: id(3), field: 'occupation', value: 'invented occupation' }],
    },
  ];
  ours.exec('BEGIN');
  for (const set of sets) applyChanges(ours, set);
  ours.exec('COMMIT');
  const db = writableDb(new SQL.Database());
  migrate(db, 6);
  const copy = (table: string, select: string) => {
    for (const row of all(ours, select)) {
      const names = Object.keys(row);
      run(
        db,
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        names.map((name) =>
          table === 'sync_log' && name === 'body' ? logBodyText(row.body!) : row[name]!,
        ),
      );
    }
  };
  copy(
    'persons',
    `SELECT rowid, ${all(ours, 'SELECT name FROM pragma_table_info(?)', ['persons'])
      .map((c) => String(c.name))
      .filter((c) => !SORT_KEY.test(c))
      .join(', ')} FROM persons`,
  );
  copy('person_search', 'SELECT docid, doc FROM person_search');
  for (const table of ['hlcs', 'audit_log', 'audit_created', 'audit_edits', 'sync_log'])
    copy(table, `SELECT * FROM ${table}`);
  return db;
}

function copyOfFixture(): string {
  const folder = path.join(tempDir(), 'vault');
  cpSync(path.join(FIXTURE, 'vault'), folder, { recursive: true });
  return folder;
}

function filesOf(folder: string): Record<string, Buffer> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]),
  );
}

describe('migration 7 of a schema 6 vault', () => {
  it('gives an identical canonical dump of every record, the audit log and the change log', async () => {
    expect(expected.schemaVersion).toBe(6);
    const db = writableDb(await schema6());
    const before = canonicalDump(db);
    expect(before.sync_log!.length).toBeGreaterThan(0);
    expect(before.person_search!.length).toBeGreaterThan(0);
    expect(before.audit_created!.length).toBeGreaterThan(0);
    migrate(db);
    expect(version(db)).toBe(SCHEMA_VERSION);
    expect(canonicalDump(db)).toEqual(before);
    // The audit's created records name their kind by number, one row per kind.
    expect(all(db, 'SELECT entity FROM audit_kinds ORDER BY kind')).toEqual(
      all(db, 'SELECT DISTINCT entity FROM audit_created ORDER BY entity'),
    );
  });

  it('migrates as the independent reader of docs/vault-format.md does, row for row', async () => {
    const ours = writableDb(await schema6());
    migrate(ours);
    const theirs = writableDb(await schema6());
    migrateToCurrent(theirs);
    expect(version(theirs)).toBe(SCHEMA_VERSION);
    expect(canonicalDump(theirs)).toEqual(canonicalDump(ours));
  });

  it('writes the migrated database as a new snapshot, so the next unlock does not migrate again', async () => {
    const folder = copyOfFixture();
    await (await Vault.open(folder, { passphrase: expected.passphrase })).close();
    const v = await unlock({ passphrase: expected.passphrase }, folder);
    const next = expected.currentGeneration + 1;
    const db = new (await loadSqlJs()).Database(readSnapshot(v, next));
    expect(version(db)).toBe(SCHEMA_VERSION);
    // The schema 6 generation stays beside it as the previous one.
    expect(version(new (await loadSqlJs()).Database(readSnapshot(v, next - 1)))).toBe(6);
  });

  it('opens the schema 6 files with every record, searchable, and every logged set', async () => {
    const vault = await Vault.open(copyOfFixture(), { passphrase: expected.passphrase });
    try {
      expect(version(vault.db)).toBe(SCHEMA_VERSION);
      for (const [list, kind] of LISTS) {
        const live = readRecords(vault.db, kind, 'deleted = 0', [], 'id');
        // Person records carry their external ids, none in this vault.
        const want =
          list === 'persons'
            ? (expected.persons as object[]).map((p) => ({ ...p, externalIds: [] }))
            : expected[list];
        expect(live, list).toEqual(want);
      }
      for (const person of expected.persons) {
        const query = { query: person.nameLatin.split(' ')[0]! };
        expect(searchPersonIds(vault.db, query), person.nameLatin).toContain(person.id);
      }
      const log = all(vault.db, 'SELECT seq, body FROM sync_log ORDER BY seq');
      expect(log.map((row) => row.seq)).toEqual(log.map((_, i) => i + 1));
      for (const row of log) expect(JSON.parse(logBodyText(row.body!))[3]).toBe(row.seq);
    } finally {
      await vault.close();
    }
  });

  it.each<MigrationStep>(['sql', 'after', 'version'])(
    'failing before its step "%s" leaves the schema 6 files as they were, and they open afterwards',
    async (step) => {
      const folder = copyOfFixture();
      const files = filesOf(folder);
      setMigrationStepHook((to, at) => {
        if (to === 7 && at === step) throw new Error(`injected before ${step}`);
      });
      await expect(Vault.open(folder, { passphrase: expected.passphrase })).rejects.toThrow(
        `injected before ${step}`,
      );
      expect(filesOf(folder)).toEqual(files);
      const v = await unlock({ passphrase: expected.passphrase }, folder);
      const db = new (await loadSqlJs()).Database(readSnapshot(v, expected.currentGeneration));
      expect(version(db)).toBe(6);
      expect(auditCreatedType(writableDb(db))).toBe('table');

      setMigrationStepHook(null);
      const vault = await Vault.open(folder, { passphrase: expected.passphrase });
      try {
        expect(version(vault.db)).toBe(SCHEMA_VERSION);
        expect(all(vault.db, 'SELECT id FROM persons WHERE deleted = 1 ORDER BY id')).toEqual(
          expected.deletedPersonIds.map((id) => ({ id })),
        );
      } finally {
        await vault.close();
      }
    },
  );

  it('rolls the database back to schema 6 when the migration fails in memory', async () => {
    const db = await withLongBodies();
    const before = canonicalDump(db);
    setMigrationStepHook((to, at) => {
      if (to === 7 && at === 'version') throw new Error('injected');
    });
    expect(() => migrate(db)).toThrow('injected');
    expect(version(db)).toBe(6);
    expect(canonicalDump(db)).toEqual(before);
    expect(auditCreatedType(db)).toBe('table');
    expect(all(db, 'SELECT DISTINCT typeof(body) AS t FROM sync_log')).toEqual([{ t: 'text' }]);
  });

  it('packs the long bodies, which another DEFLATE implementation (fflate) reads back to the signed text', async () => {
    const db = await withLongBodies();
    const before = canonicalDump(db);
    const texts = all(db, 'SELECT hlc, body FROM sync_log ORDER BY hlc');
    migrate(db);
    expect(canonicalDump(db)).toEqual(before);
    const stored = all(db, 'SELECT hlc, typeof(body) AS t, body FROM sync_log ORDER BY hlc');
    // The import-sized set is packed; the one-field edit stays as its text.
    expect(stored.map((row) => row.t)).toEqual(['blob', 'text']);
    expect(stored.map((row) => ({ hlc: row.hlc, body: bodyText(row.body!) }))).toEqual(texts);
    expect((stored[0]!.body as Uint8Array).length).toBeLessThan(String(texts[0]!.body).length / 3);

    const theirs = await withLongBodies();
    migrateToCurrent(theirs);
    expect(canonicalDump(theirs)).toEqual(canonicalDump(db));
  });
});
