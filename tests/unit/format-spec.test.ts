/**
 * An independent reader of the vault format, written from docs/vault-format.md alone: it imports
 * nothing from core/, only node:crypto, libsodium (Argon2id) and sql.js. It reads the test
 * vectors in docs/vectors/ and must find what expected.json says they hold.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir';
import { apply, auditHash, bodyText, changeSet, sha256 } from './format-spec-apply';
import { FIELDS, snake, TABLES } from './format-spec-fields';
import {
  file,
  FOLDER,
  readCommitState,
  readJournal,
  readSnapshot,
  unlock,
  type Vault,
} from './format-spec-files';

const VECTORS = path.resolve(__dirname, '../../docs/vectors');
const expected = JSON.parse(readFileSync(path.join(VECTORS, 'expected.json'), 'utf8')) as {
  passphrase: string;
  recoveryEntropy: string;
  commitState: { generation: number; records: number; previousRecords: number };
  journalRecords: Record<string, number>;
  schemaVersion: number;
  installId: string;
  deletedPersonIds: string[];
  audit: { entries: number; lastHash: string };
  [kind: string]: unknown;
};
const LISTS: Array<[string, string]> = [
  ['persons', 'person'],
  ['custodyEvents', 'custodyEvent'],
  ['statusEvents', 'statusEvent'],
  ['proceedings', 'proceeding'],
];
const SQLITE3 = '/usr/bin/sqlite3';
const tempDir = useTempDirs();

function rows(db: Database, sql: string): Array<Record<string, SqlValue>> {
  const result = db.exec(sql)[0];
  return (result?.values ?? []).map((values) =>
    Object.fromEntries(result!.columns.map((c, i) => [c, values[i]!])),
  );
}

/** A table's rows with the change log's bodies as text: two writers need not pack them alike. */
/**
 * A table's rows, the change log's bodies as text and without the persons' sort keys: derived
 * data this reader leaves to the app (migration 8).
 */
function unpacked(db: Database, table: string): unknown[] {
  return rows(db, `SELECT * FROM ${table} ORDER BY 1, 2`).map((row) => {
    const kept = Object.fromEntries(
      Object.entries(row).filter(([column]) => !/^sort_(en|be|ru)$/.test(column)),
    );
    return table === 'sync_log' ? { ...kept, body: bodyText(row.body!) } : kept;
  });
}

function records(db: Database, entity: string): unknown[] {
  return rows(db, `SELECT * FROM ${TABLES[entity]} WHERE deleted = 0 ORDER BY id`).map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...Object.fromEntries(
      Object.entries(FIELDS[entity]!).map(([field, codec]) => {
        const value = row[snake(field)]!;
        return [
          field,
          codec === 'json' ? JSON.parse(String(value)) : codec === 'bool' ? value === 1 : value,
        ];
      }),
    ),
  }));
}

/** Recomputes the whole audit chain; returns the number of entries and the last hash. */
function auditChain(db: Database): { entries: number; lastHash: string } {
  let previous = '';
  const log = rows(
    db,
    'SELECT l.seq, h.hlc, l.author, l.hash FROM audit_log l JOIN hlcs h ON h.id = l.hlc_id ORDER BY l.seq',
  );
  for (const entry of log) {
    const created = rows(
      db,
      `SELECT k.entity, c.entity_id FROM audit_created_ids c JOIN audit_kinds k ON k.kind = c.kind
       WHERE c.seq = ${entry.seq} ORDER BY c.entity_id`,
    );
    const edits = rows(
      db,
      `SELECT entity, entity_id, field, before, after FROM audit_edits WHERE seq = ${entry.seq} ORDER BY rowid`,
    );
    const hash = auditHash(
      previous,
      String(entry.hlc),
      String(entry.author),
      created.map(Object.values) as string[][],
      edits.map(Object.values),
    );
    expect(hash, `audit entry ${entry.seq}`).toBe(entry.hash);
    previous = hash;
  }
  return { entries: log.length, lastHash: previous };
}

async function database(image: Buffer): Promise<Database> {
  const SQL = await initSqlJs();
  return new SQL.Database(image);
}

/** Snapshot g, then journals g..last replayed onto it. */
async function replayed(v: Vault, g: number, last: number): Promise<Database> {
  const db = await database(readSnapshot(v, g));
  for (let j = g; j <= last; j++)
    for (const payload of readJournal(v, j).payloads) apply(db, changeSet(payload));
  return db;
}

describe('an independent reader written from docs/vault-format.md', () => {
  it('opens the vector with the passphrase and finds the expected records after replay', async () => {
    const v = await unlock({ passphrase: expected.passphrase });
    const names = readdirSync(FOLDER);
    const current = Math.max(
      ...names.flatMap((n) => /^snapshot-(\d{10})\.vgs$/.exec(n)?.[1] ?? []).map(Number),
    );
    const db = await replayed(v, current, current);
    expect(Number(db.exec('PRAGMA user_version')[0]!.values[0]![0])).toBe(expected.schemaVersion);
    for (const [list, entity] of LISTS) expect(records(db, entity), list).toEqual(expected[list]);
    const deleted = rows(db, 'SELECT id FROM persons WHERE deleted = 1 ORDER BY id').map(
      (r) => r.id,
    );
    expect(deleted).toEqual(expected.deletedPersonIds);
    expect(auditChain(db)).toEqual(expected.audit);
    expect(rows(db, 'SELECT * FROM held_cells')).toEqual([]);
  });

  it('finds every set of the vector in the change log, and the stale edit in the conflict queue', async () => {
    const v = await unlock({ passphrase: expected.passphrase });
    const db = await replayed(v, 3, 3);
    const log = rows(db, 'SELECT * FROM sync_log ORDER BY author, seq');
    // Every set of the vector travels: the 3 of generation 1 (gone with it) and those journaled.
    const sets = 3 + Object.values(expected.journalRecords).reduce((a, b) => a + b, 0);
    expect(log.map((r) => r.seq)).toEqual(Array.from({ length: sets }, (_, i) => i + 1));
    for (const row of log) {
      const body = bodyText(row.body!);
      expect(row.digest).toBe(sha256(body));
      const [version, hlc, author, seq] = JSON.parse(body) as unknown[];
      expect([version, hlc, author, seq]).toEqual([1, row.hlc, expected.installId, row.seq]);
    }
    const stale = log.find((r) => String(r.hlc).startsWith('2026-01-05T09:05'))!;
    expect(stale.owners).toBe('p:11111111111111111111111111111111');
    expect(rows(db, 'SELECT * FROM sync_conflicts')).toEqual([
      {
        entity: 'person',
        entity_id: '11111111111111111111111111111111',
        field: 'occupation',
        winner: '2026-01-05T09:10:00.000Z-0000-a1b2c3d4e5f60718',
        other: stale.hlc,
        other_value: JSON.stringify('stale edit that loses'),
      },
    ]);
  });

  it('checks the commit state against the journals: nothing is behind', async () => {
    const v = await unlock({ passphrase: expected.passphrase });
    const state = readCommitState(v);
    const count = (g: number) => readJournal(v, g).payloads.length;
    expect(count(state.generation)).toBeGreaterThanOrEqual(state.records);
    expect(count(state.generation - 1)).toBeGreaterThanOrEqual(state.previous);
    expect({
      generation: state.generation,
      records: state.records,
      previousRecords: state.previous,
    }).toEqual(expected.commitState);
    expect(count(2)).toBe(expected.journalRecords['2']);
    expect(readJournal(v, 3).tornTail).toBe(false);
  });

  it('rebuilds the current snapshot from the previous generation, the backup', async () => {
    const v = await unlock({ passphrase: expected.passphrase });
    const fromBackup = await replayed(v, 2, 2);
    const snapshot = await database(readSnapshot(v, 3));
    for (const table of [
      ...Object.values(TABLES),
      'hlcs',
      'audit_log',
      'audit_kinds',
      'audit_created_ids',
      'audit_edits',
      'held_cells',
      'sync_log',
      'sync_attested',
      'sync_conflicts',
    ])
      expect(unpacked(fromBackup, table), table).toEqual(unpacked(snapshot, table));
  });

  it('opens the recovery slot with the recovery key entropy to the same vault', async () => {
    const byPassphrase = await unlock({ passphrase: expected.passphrase });
    const byRecovery = await unlock({ entropy: Buffer.from(expected.recoveryEntropy, 'hex') });
    expect(byRecovery.keys).toEqual(byPassphrase.keys);
    await expect(unlock({ passphrase: 'not the vector passphrase' })).rejects.toThrow(
      'wrong secret',
    );
  });

  it('applies the end-of-journal rules: torn and zero-filled tails are ignored, a flip is damage', async () => {
    const v = await unlock({ passphrase: expected.passphrase });
    const journal = file('journal-0000000003.vgj');
    const count = expected.journalRecords['3']!;
    for (const tail of [
      Buffer.from([0, 0, 1, 7, 9]),
      Buffer.alloc(300),
      Buffer.from([0, 0, 0, 64, 255, 255, 255, 191, 1]),
    ]) {
      const read = readJournal(v, 3, Buffer.concat([journal, tail]));
      expect(read).toMatchObject({ tornTail: true });
      expect(read.payloads).toHaveLength(count);
    }
    const flipped = Buffer.from(journal);
    const second = 34 + 8 + journal.readUInt32BE(34) + 30;
    flipped[second] = flipped[second]! ^ 1;
    expect(() => readJournal(v, 3, flipped)).toThrow('damage: record 2');
  });

  it('finds no invented name in plaintext in any vault file', () => {
    const values = LISTS.flatMap(([list]) => expected[list] as Array<Record<string, unknown>>)
      .flatMap((r) => [r.name, r.notes, r.nameVariants, r.court])
      .flat()
      .filter((s): s is string => typeof s === 'string' && s.length >= 4);
    expect(values.length).toBeGreaterThan(5);
    for (const name of readdirSync(FOLDER)) {
      const bytes = file(name);
      for (const value of values) {
        expect(bytes.includes(Buffer.from(value, 'utf8')), `${value} in ${name}`).toBe(false);
        expect(bytes.includes(Buffer.from(value, 'utf16le')), `${value} in ${name}`).toBe(false);
      }
    }
  });

  it.skipIf(!existsSync(SQLITE3))(
    'the decrypted snapshot is a plain SQLite file the sqlite3 CLI reads (needs /usr/bin/sqlite3, skipped without it)',
    async () => {
      const v = await unlock({ passphrase: expected.passphrase });
      const image = readSnapshot(v, 3);
      const target = path.join(tempDir(), 'snapshot.sqlite');
      writeFileSync(target, image);
      const query = 'SELECT id, name FROM persons ORDER BY id';
      const out = execFileSync(SQLITE3, ['-readonly', '-json', target, query], {
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual(rows(await database(image), query));
    },
  );
});
