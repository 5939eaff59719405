/**
 * An independent reader of the vault format, written from docs/vault-format.md alone: it imports
 * nothing from core/, only node:crypto, libsodium (Argon2id) and sql.js. It reads the test
 * vectors in docs/vectors/ and must find what expected.json says they hold.
 */
import { execFileSync } from 'node:child_process';
import { createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sodium from 'libsodium-wrappers-sumo';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir';
import { FIELDS, snake, TABLES, valid, type Codec } from './format-spec-fields';

const VECTORS = path.resolve(__dirname, '../../docs/vectors');
const FOLDER = path.join(VECTORS, 'vault');
const expected = JSON.parse(readFileSync(path.join(VECTORS, 'expected.json'), 'utf8')) as {
  passphrase: string;
  recoveryEntropy: string;
  commitState: { generation: number; records: number; previousRecords: number };
  journalRecords: Record<string, number>;
  schemaVersion: number;
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

const file = (name: string) => readFileSync(path.join(FOLDER, name));
const gen = (g: number) => String(g).padStart(10, '0');

function openGcm(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, nonce);
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
  } catch {
    return null;
  }
}

const hkdf = (ikm: Buffer, salt: Buffer, info: string) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};

// Header: 91 + 86 N bytes; magic, checksum, version, slots, MAC.
interface Slot {
  type: number;
  ops: number;
  memKiB: number;
  salt: Buffer;
  nonce: Buffer;
  wrapped: Buffer;
  prefix: Buffer;
}

function parseHeader(h: Buffer): { vaultId: Buffer; slots: Slot[]; body: Buffer; mac: Buffer } {
  if (h.subarray(0, 8).toString('latin1') !== 'VIGILHDR') throw new Error('damage: magic');
  const sum = createHash('sha256')
    .update(h.subarray(0, h.length - 32))
    .digest();
  if (!sum.equals(h.subarray(h.length - 32))) throw new Error('damage: checksum');
  if (h.readUInt16BE(8) !== 1) throw new Error('version');
  const count = h.readUInt8(26);
  if (count < 1 || count > 8 || h.length !== 91 + 86 * count) throw new Error('damage: length');
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const s = h.subarray(27 + 86 * i, 27 + 86 * (i + 1));
    const slot = {
      type: s[0]!,
      ops: s.readUInt32BE(2),
      memKiB: s.readUInt32BE(6),
      salt: s.subarray(10, 26),
      nonce: s.subarray(26, 38),
      wrapped: s.subarray(38, 86),
      prefix: s.subarray(0, 26),
    };
    if (slot.type !== 1 && slot.type !== 2) throw new Error('unsupported slot');
    if (s[1] !== slot.type) throw new Error('damage: kdf id');
    const inBounds =
      slot.type === 2
        ? slot.ops === 0 && slot.memKiB === 0
        : slot.ops >= 1 &&
          slot.ops <= 40 &&
          slot.memKiB >= 8 &&
          slot.memKiB <= 1024 * 1024 &&
          slot.ops * slot.memKiB <= 40 * 256 * 1024;
    if (!inBounds) throw new Error('damage: kdf bounds');
    slots.push(slot);
  }
  const end = 27 + 86 * count;
  return {
    vaultId: h.subarray(10, 26),
    slots,
    body: h.subarray(0, end),
    mac: h.subarray(end, end + 32),
  };
}

type Secret = { passphrase: string } | { entropy: Buffer };

async function unlock(secret: Secret): Promise<{ vaultId: Buffer; keys: Record<string, Buffer> }> {
  const header = parseHeader(file('vault.vgh'));
  await sodium.ready;
  for (const slot of header.slots) {
    let kek: Buffer;
    if (slot.type === 1 && 'passphrase' in secret) {
      const pw = secret.passphrase.normalize('NFC');
      const alg = sodium.crypto_pwhash_ALG_ARGON2ID13;
      kek = Buffer.from(sodium.crypto_pwhash(32, pw, slot.salt, slot.ops, slot.memKiB * 1024, alg));
    } else if (slot.type === 2 && 'entropy' in secret) {
      kek = hkdf(secret.entropy, slot.salt, 'vigil recovery slot v1');
    } else continue;
    const aad = Buffer.concat([Buffer.from('VIGILHDR'), header.vaultId, slot.prefix]);
    const dataKey = openGcm(kek, slot.nonce, slot.wrapped, aad);
    if (!dataKey) continue;
    const key = (purpose: string) => hkdf(dataKey, header.vaultId, `vigil ${purpose} v1`);
    if (!hmac(key('header'), header.body).equals(header.mac)) throw new Error('damage: header MAC');
    const keys = Object.fromEntries(['snapshot', 'journal', 'state'].map((p) => [p, key(p)]));
    return { vaultId: header.vaultId, keys };
  }
  throw new Error('wrong secret');
}

type Vault = Awaited<ReturnType<typeof unlock>>;

function readSnapshot(v: Vault, g: number): Buffer {
  const s = file(`snapshot-${gen(g)}.vgs`);
  if (s.subarray(0, 8).toString('latin1') !== 'VIGILSNP') throw new Error('damage: magic');
  if (!s.subarray(10, 26).equals(v.vaultId)) throw new Error('damage: another vault');
  const db = openGcm(v.keys.snapshot!, s.subarray(34, 46), s.subarray(46), s.subarray(0, 34));
  if (!db) throw new Error('damage: snapshot authentication');
  if (s.readUInt16BE(8) !== 1 || s.readBigUInt64BE(26) !== BigInt(g)) throw new Error('damage');
  return db;
}

function readJournal(v: Vault, g: number): { payloads: Buffer[]; tornTail: boolean } {
  const j = file(`journal-${gen(g)}.vgj`);
  const prefix = Buffer.concat([Buffer.from('VIGILJNL'), Buffer.from([0, 1]), v.vaultId, u64(g)]);
  if (!j.subarray(0, 34).equals(prefix)) throw new Error('damage: journal prefix');
  const payloads: Buffer[] = [];
  let at = 34;
  while (at < j.length) {
    const rest = j.subarray(at);
    if (rest.length < 8) return { payloads, tornTail: true };
    const length = rest.readUInt32BE(0);
    if ((length ^ 0xffffffff) >>> 0 !== rest.readUInt32BE(4)) {
      if (rest.every((b) => b === 0)) return { payloads, tornTail: true };
      throw new Error(`damage: length of record ${payloads.length + 1}`);
    }
    if (length < 28 || length > 64 * 1024 * 1024) throw new Error('damage: record length');
    if (length > rest.length - 8) return { payloads, tornTail: true };
    const sealed = rest.subarray(20, 8 + length);
    const aad = Buffer.concat([prefix, u64(payloads.length + 1)]);
    const payload = openGcm(v.keys.journal!, rest.subarray(8, 20), sealed, aad);
    at += 8 + length;
    if (!payload) {
      if (at === j.length && sealed.subarray(-16).every((b) => b === 0))
        return { payloads, tornTail: true };
      throw new Error(`damage: record ${payloads.length + 1}`);
    }
    payloads.push(payload);
  }
  return { payloads, tornTail: false };
}

function readCommitState(v: Vault): {
  epoch: bigint;
  generation: number;
  records: number;
  previous: number;
} {
  const f = file('vault.vgc');
  expect(f.length).toBe(180);
  const slots = [0, 1].flatMap((i) => {
    const s = f.subarray(i * 90, i * 90 + 90);
    const ok =
      hmac(v.keys.state!, s.subarray(0, 58)).equals(s.subarray(58)) &&
      s.subarray(0, 8).toString('latin1') === 'VIGILSTA' &&
      s.readUInt16BE(8) === 1 &&
      s.subarray(10, 26).equals(v.vaultId);
    if (!ok) return [];
    const n = (at: number) => Number(s.readBigUInt64BE(at));
    return [{ epoch: s.readBigUInt64BE(26), generation: n(34), records: n(42), previous: n(50) }];
  });
  if (slots.length === 0) throw new Error('damage: commit state');
  return slots.reduce((a, b) => (b.epoch > a.epoch ? b : a));
}

// Change sets, applied as "Applying a change set" says.
interface Cell {
  entity: string;
  id: string;
  field: string;
  value: string | number | boolean | null | string[];
}
interface ChangeSet {
  v: 1;
  hlc: string;
  author: string;
  cells: Cell[];
}

const HLC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

function changeSet(payload: Buffer): ChangeSet {
  const set = JSON.parse(payload.toString('utf8')) as ChangeSet;
  const m = typeof set.hlc === 'string' ? HLC.exec(set.hlc) : null;
  const wallOk = m && !Number.isNaN(Date.parse(m[1]!)) && new Date(m[1]!).toISOString() === m[1];
  const cellsOk =
    Array.isArray(set.cells) &&
    set.cells.length > 0 &&
    set.cells.every((c) => /^[0-9a-f]{32}$/.test(c.id) && typeof c.entity === 'string');
  if (set.v !== 1 || !wallOk || set.author !== m[3] || !cellsOk)
    throw new Error('not a change set');
  return set;
}

const sqlOf = (codec: Codec, value: Cell['value']): SqlValue =>
  codec === 'json'
    ? JSON.stringify(value ?? [])
    : codec === 'bool' || typeof value === 'boolean'
      ? value
        ? 1
        : 0
      : (value as SqlValue);

function one(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue> | null {
  const s = db.prepare(sql);
  try {
    s.bind(params);
    return s.step() ? s.getAsObject() : null;
  } finally {
    s.free();
  }
}

function intern(db: Database, hlc: string): number {
  db.run('INSERT OR IGNORE INTO hlcs (hlc) VALUES (?)', [hlc]);
  return Number(one(db, 'SELECT id FROM hlcs WHERE hlc = ?', [hlc])!.id);
}

function auditHash(
  previous: string,
  hlc: string,
  author: string,
  created: string[][],
  edits: SqlValue[][],
) {
  const text = JSON.stringify([previous, hlc, author, created, edits]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function apply(db: Database, set: ChangeSet): void {
  const time = set.hlc.slice(0, 24);
  const held = set.cells.filter((c) => !valid(c.entity, c.field, c.value));
  for (const c of held)
    db.run('INSERT OR REPLACE INTO held_cells VALUES (?, ?, ?, ?, ?, ?)', [
      set.hlc,
      set.author,
      c.entity,
      c.id,
      c.field,
      JSON.stringify(c.value),
    ]);
  const records = new Map<
    string,
    { entity: string; id: string; values: Map<string, Cell['value']> }
  >();
  for (const c of set.cells.filter((cell) => !held.includes(cell))) {
    const key = `${c.entity}/${c.id}`;
    if (!records.has(key)) records.set(key, { entity: c.entity, id: c.id, values: new Map() });
    records.get(key)!.values.set(c.field, c.value);
  }
  const created: string[][] = [];
  const edits: SqlValue[][] = [];
  for (const { entity, id, values } of records.values()) {
    const table = TABLES[entity]!;
    const codec = (field: string) => FIELDS[entity]![field] ?? 'plain';
    const row = one(
      db,
      `SELECT t.*, h.hlc AS base FROM ${table} t LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
      [id],
    );
    if (!row) {
      const fields = [...values.keys()].filter((f) => f !== 'createdAt');
      const columns = ['id', 'created_at', 'updated_at', 'clock_base', ...fields.map(snake)];
      const params = [
        id,
        time,
        time,
        intern(db, set.hlc),
        ...fields.map((f) => sqlOf(codec(f), values.get(f)!)),
      ];
      db.run(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        params,
      );
      created.push([entity, id]);
      continue;
    }
    const clock = JSON.parse(String(row.clock)) as Record<string, string>;
    const changed: Array<[string, SqlValue]> = [];
    for (const [field, value] of values) {
      if ((clock[field] ?? (row.base as string | null) ?? '') >= set.hlc) continue;
      const column = field === 'createdAt' ? 'created_at' : snake(field);
      const sql = sqlOf(codec(field), value);
      edits.push([entity, id, field, JSON.stringify(row[column]), JSON.stringify(sql)]);
      changed.push([column, sql]);
      clock[field] = set.hlc;
    }
    if (changed.length === 0) continue;
    db.run(
      `UPDATE ${table} SET ${changed.map(([c]) => `${c} = ?`).join(', ')}, clock = ?, updated_at = max(updated_at, ?) WHERE id = ?`,
      [...changed.map(([, v]) => v), JSON.stringify(clock), time, id],
    );
  }
  if (created.length === 0 && edits.length === 0) return;
  created.sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
  const previous = String(
    one(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')?.hash ?? '',
  );
  const hash = auditHash(previous, set.hlc, set.author, created, edits);
  db.run('INSERT INTO audit_log (hlc_id, author, hash) VALUES (?, ?, ?)', [
    intern(db, set.hlc),
    set.author,
    hash,
  ]);
  const seq = Number(one(db, 'SELECT max(seq) AS seq FROM audit_log')!.seq);
  for (const [entity, id] of created)
    db.run('INSERT INTO audit_created (seq, entity, entity_id) VALUES (?, ?, ?)', [
      seq,
      entity!,
      id!,
    ]);
  for (const e of edits) db.run('INSERT INTO audit_edits VALUES (?, ?, ?, ?, ?, ?)', [seq, ...e]);
}

function rows(db: Database, sql: string): Array<Record<string, SqlValue>> {
  const result = db.exec(sql)[0];
  return (result?.values ?? []).map((values) =>
    Object.fromEntries(result!.columns.map((c, i) => [c, values[i]!])),
  );
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
      `SELECT entity, entity_id FROM audit_created WHERE seq = ${entry.seq} ORDER BY entity_id`,
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
      'audit_created',
      'audit_edits',
    ])
      expect(rows(fromBackup, `SELECT * FROM ${table} ORDER BY 1, 2`), table).toEqual(
        rows(snapshot, `SELECT * FROM ${table} ORDER BY 1, 2`),
      );
  });

  it('opens the recovery slot with the recovery key entropy to the same vault', async () => {
    const byPassphrase = await unlock({ passphrase: expected.passphrase });
    const byRecovery = await unlock({ entropy: Buffer.from(expected.recoveryEntropy, 'hex') });
    expect(byRecovery.keys).toEqual(byPassphrase.keys);
    await expect(unlock({ passphrase: 'not the vector passphrase' })).rejects.toThrow(
      'wrong secret',
    );
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
