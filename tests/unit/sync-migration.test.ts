/**
 * A vault from before sync (the schema 4 format vectors in tests/fixtures/vault-v4/) opened by
 * this version: its records stay as they were, and migration 5 derives its change log once, so a
 * colleague who receives that log gets the same records (docs/vault-format.md, "The change log").
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../../core/api/records';
import type { Database } from 'sql.js';
import type { Cell, ChangeSet } from '../../core/changes/changeSet';
import { snakeCase, TABLES } from '../../core/changes/entities';
import { writableDb, type ReadDb } from '../../core/db/handle';
import { logBodyText } from '../../core/db/logBody';
import { readRecords } from '../../core/db/records';
import { migrate, SCHEMA_VERSION } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import { all } from '../../core/db/statements';
import { applyJournalSet } from '../../core/vault/replay';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { apply, changeSet } from './format-spec-apply';
import { readJournal, readSnapshot, unlock } from './format-spec-files';
import { migrateToCurrent, withoutSortKeys } from './format-spec-migrate';

const FIXTURE = path.resolve(__dirname, '../fixtures/vault-v4');
const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as {
  passphrase: string;
  installId: string;
  schemaVersion: number;
  deletedPersonIds: string[];
  [list: string]: unknown;
};
const LISTS: Array<[string, RecordKind]> = [
  ['persons', 'person'],
  ['custodyEvents', 'custodyEvent'],
  ['statusEvents', 'statusEvent'],
  ['proceedings', 'proceeding'],
];
/** Tables whose rows carry the field timestamps of the fixture's cases. */
const CASE_TABLES = ['persons', 'custody_events', 'status_events', 'proceedings'];
const at = (minute: number) =>
  `2026-01-05T09:${String(minute).padStart(2, '0')}:00.000Z-0000-${expected.installId}`;
const tempDir = useTempDirs();

interface LogRow {
  hlc: string;
  author: string;
  seq: number;
  digest: string;
  owners: string;
  /** As stored: the text, or packed (core/db/logBody.ts). */
  body: string | Uint8Array;
}

/** Opens a fresh copy of the schema 4 vault, as an upgraded app would, and reads what it holds. */
async function openCopy(): Promise<{
  log: LogRow[];
  live: unknown;
  deleted: unknown;
  fields: string[];
  version: number;
  tables: Record<string, unknown[]>;
}> {
  const folder = path.join(tempDir(), 'vault');
  cpSync(path.join(FIXTURE, 'vault'), folder, { recursive: true });
  const vault = await Vault.open(folder, { passphrase: expected.passphrase });
  try {
    return {
      ...contents(vault.db),
      version: Number(vault.db.exec('PRAGMA user_version')[0]!.values[0]![0]),
      fields: fieldStamps(vault.db),
      tables: dump(vault.db),
    };
  } finally {
    await vault.close();
  }
}

function contents(db: ReadDb) {
  return {
    log: all(db, 'SELECT * FROM sync_log ORDER BY author, seq') as unknown as LogRow[],
    live: Object.fromEntries(
      LISTS.map(([list, kind]) => [list, readRecords(db, kind, '1', [], 'id')]),
    ),
    deleted: all(db, 'SELECT id FROM persons WHERE deleted = 1 ORDER BY id').map((r) => r.id),
  };
}

/** The tables migration 5 and the replay after it write, row by row. */
const DUMPED = [...CASE_TABLES, 'hlcs', 'audit_log', 'sync_log', 'sync_attested', 'sync_conflicts'];
function dump(db: Database): Record<string, unknown[]> {
  return Object.fromEntries(
    DUMPED.map((table) => [
      table,
      // A packed body as its text: two writers of the same format need not pack it the same.
      // The persons' sort keys are derived data the independent reader leaves to the app.
      withoutSortKeys(db.exec(`SELECT * FROM ${table} ORDER BY 1, 2`)[0]).map((row) =>
        row.map((value) => (value instanceof Uint8Array ? logBodyText(value) : value)),
      ),
    ]),
  );
}

/** Every distinct timestamp a case field carries: its clock entry, or the creating set's. */
function fieldStamps(db: ReadDb): string[] {
  const stamps = new Set<string>();
  for (const table of CASE_TABLES)
    for (const row of all(
      db,
      `SELECT t.clock, h.hlc FROM ${table} t JOIN hlcs h ON h.id = t.clock_base`,
    )) {
      stamps.add(String(row.hlc));
      for (const stamp of Object.values(JSON.parse(String(row.clock)) as Record<string, string>))
        if (stamp !== '') stamps.add(stamp);
    }
  return [...stamps].sort();
}

/** A change-log body back to the set a colleague receives. */
function receivedSet(body: string): ChangeSet {
  const [v, hlc, author, seq, cells] = JSON.parse(body) as [1, string, string, number, unknown[][]];
  return {
    v,
    hlc,
    author,
    seq,
    received: true,
    cells: cells.map(([entity, id, field, value, base]): Cell => ({
      entity: String(entity),
      id: String(id),
      field: String(field),
      value: value as Cell['value'],
      ...(base === '' ? {} : { base: String(base) }),
    })),
  };
}

/** The log's sets applied, in the order given, to an empty database of this schema. */
async function colleague(log: LogRow[]) {
  const db = writableDb(new (await loadSqlJs()).Database());
  migrate(db);
  db.exec('BEGIN');
  for (const row of log) applyJournalSet(db, receivedSet(logBodyText(row.body)));
  db.exec('COMMIT');
  return contents(db);
}

describe('a vault of schema 4 opened by this version', () => {
  it('keeps every record, and derives a change log of its sets, numbered per author', async () => {
    const { log, live, deleted, fields, version } = await openCopy();
    expect(expected.schemaVersion).toBe(4);
    expect(version).toBe(SCHEMA_VERSION);
    // Persons gained external ids at schema 6: none for a person of an older vault.
    const persons = (expected.persons as object[]).map((p) => ({ ...p, externalIds: [] }));
    expect(live).toEqual(
      Object.fromEntries(
        LISTS.map(([list]) => [list, list === 'persons' ? persons : expected[list]]),
      ),
    );
    expect(deleted).toEqual(expected.deletedPersonIds);

    // One row per set: each timestamp a field carries, and the stale edit of journal 3, which
    // lost to a newer value and so is on no field but still travels.
    expect(log.map((row) => row.hlc).sort()).toEqual([...fields, at(5)].sort());
    expect(log.map((row) => row.author)).toEqual(log.map(() => expected.installId));
    expect(log.map((row) => row.seq)).toEqual(log.map((_, i) => i + 1));
    // The snapshot's sets in time order, then journal 3 replayed in its own order.
    expect(log.map((row) => row.hlc)).toEqual([1, 2, 3, 10, 11, 12, 20, 21, 22, 5, 23, 24].map(at));
    for (const row of log) {
      const body = logBodyText(row.body);
      expect(row.digest).toBe(createHash('sha256').update(body, 'utf8').digest('hex'));
      expect(JSON.parse(body).slice(0, 4)).toEqual([1, row.hlc, row.author, row.seq]);
    }
  });

  it('gives a colleague who receives the log the same records, whatever order the sets arrive in', async () => {
    const { log, live, deleted } = await openCopy();
    for (const order of [log, [...log].reverse()]) {
      const received = await colleague(order);
      expect(received.live).toEqual(live);
      expect(received.deleted).toEqual(deleted);
      expect(received.log).toEqual(log);
    }
  });

  it('migrates as the independent reader of docs/vault-format.md does, row for row', async () => {
    const v = await unlock({ passphrase: expected.passphrase }, path.join(FIXTURE, 'vault'));
    const db = new (await loadSqlJs()).Database(readSnapshot(v, 3));
    migrateToCurrent(db);
    for (const payload of readJournal(v, 3).payloads) apply(db, changeSet(payload));
    const { tables } = await openCopy();
    expect(dump(db)).toEqual(tables);
  });

  it('derives the same log migrated straight to this schema as by way of schema 5', async () => {
    const v = await unlock({ passphrase: expected.passphrase }, path.join(FIXTURE, 'vault'));
    const SQL = await loadSqlJs();
    const schema4 = () => writableDb(new SQL.Database(readSnapshot(v, 3)));
    const logOf = (db: ReadDb) => all(db, 'SELECT * FROM sync_log ORDER BY hlc');

    const straight = schema4();
    migrate(straight);
    // Migrated to 5 and saved as a snapshot of that schema, as the app of schema 5 left it,
    // then opened by this version.
    const viaFive = schema4();
    migrate(viaFive, 5);
    const atFive = logOf(viaFive);
    expect(atFive.length).toBeGreaterThan(0);
    // The log of schema 5 names only fields that schema had a column for: no `externalIds`.
    for (const row of atFive)
      for (const [entity, , field] of JSON.parse(logBodyText(row.body!))[4] as string[][]) {
        const table = TABLES[entity as RecordKind];
        const columns = all(viaFive, `PRAGMA table_info(${table})`).map((c) => c.name);
        expect(columns, `${entity}.${field}`).toContain(snakeCase(field!));
      }
    const opened = writableDb(new SQL.Database(viaFive.export()));
    migrate(opened);

    expect(logOf(opened)).toEqual(atFive);
    expect(logOf(straight)).toEqual(atFive);
  });

  it('derives the same log on every open of the same files', async () => {
    const first = await openCopy();
    const second = await openCopy();
    expect(second.log).toEqual(first.log);
    expect(first.log.length).toBeGreaterThan(0);
  });
});
