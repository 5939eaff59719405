/**
 * "Applying a change set" of docs/vault-format.md, for the independent reader in
 * format-spec.test.ts: last writer wins with bases and never-written fields, the audit chain,
 * the conflict queue and the change log. Imports nothing from core/: node:crypto, fflate (the
 * change log's DEFLATE, where the core uses Node's zlib) and sql.js only.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Database, SqlValue } from 'sql.js';
import { FIELDS, LOCAL_KINDS, snake, TABLES, valid, type Codec } from './format-spec-fields';

export interface Cell {
  entity: string;
  id: string;
  field: string;
  value: string | number | boolean | null | string[];
  base?: string;
}
export interface ChangeSet {
  v: 1;
  hlc: string;
  author: string;
  seq?: number;
  received?: true;
  cells: Cell[];
}

const HLC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
const SEED_AUTHOR = '0000000000000000';

export function changeSet(payload: Buffer): ChangeSet {
  const set = JSON.parse(payload.toString('utf8')) as ChangeSet;
  const m = typeof set.hlc === 'string' ? HLC.exec(set.hlc) : null;
  const wallOk = m && !Number.isNaN(Date.parse(m[1]!)) && new Date(m[1]!).toISOString() === m[1];
  const seqOk = set.seq === undefined || (Number.isInteger(set.seq) && set.seq >= 1);
  const cellsOk =
    Array.isArray(set.cells) &&
    set.cells.length > 0 &&
    set.cells.every(
      (c) =>
        /^[0-9a-f]{32}$/.test(c.id) &&
        typeof c.entity === 'string' &&
        (c.base === undefined || c.base === '' || HLC.test(c.base)),
    );
  if (set.v !== 1 || !wallOk || set.author !== m[3] || !seqOk || !cellsOk)
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

export function one(
  db: Database,
  sql: string,
  params: SqlValue[] = [],
): Record<string, SqlValue> | null {
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

/**
 * "The change log": a body is stored as its text or, since schema 7, as a BLOB of raw DEFLATE
 * of its UTF-8 bytes; this version's writer packs bodies of 2048 bytes or more, as here.
 */
export const storedBody = (text: string): SqlValue =>
  strToU8(text).length < 2048 ? text : deflateSync(strToU8(text));
export const bodyText = (stored: SqlValue): string =>
  typeof stored === 'string' ? stored : strFromU8(inflateSync(stored as Uint8Array));

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function auditHash(
  previous: string,
  hlc: string,
  author: string,
  created: string[][],
  edits: SqlValue[][],
) {
  return sha256(JSON.stringify([previous, hlc, author, created, edits]));
}

/** "Conflicts": the winner beat a value its author had not seen, or a loser was made unseen. */
function conflict(db: Database, key: SqlValue[], winner: string, other: string, value: SqlValue) {
  db.run('INSERT OR REPLACE INTO sync_conflicts VALUES (?, ?, ?, ?, ?, ?)', [
    ...key,
    winner,
    other,
    JSON.stringify(value),
  ]);
}

export function apply(db: Database, set: ChangeSet): void {
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
  const cells = set.cells.filter((cell) => !held.includes(cell));
  const bases = cells.length > 0 ? applyCells(db, set, cells) : new Map<Cell, string>();
  const logged = (set.received ? set.cells : cells).map((c) => {
    const base = set.seq === undefined ? (bases.get(c) ?? '') : (c.base ?? '');
    return { ...c, base };
  });
  // The write path numbers a set without `seq`; a received one has its author's.
  if (set.received && set.seq === undefined) return;
  const seq =
    set.seq ??
    Number(one(db, 'SELECT max(seq) AS n FROM sync_log WHERE author = ?', [set.author])!.n ?? 0) +
      1;
  logSet(db, { ...set, seq }, logged);
}

/** Applies the cells; returns each cell's base. */
function applyCells(db: Database, set: ChangeSet, cells: Cell[]): Map<Cell, string> {
  const time = set.hlc.slice(0, 24);
  const complete = set.seq !== undefined;
  const cellBases = new Map<Cell, string>();
  const records = new Map<string, { entity: string; id: string; last: Map<string, Cell> }>();
  for (const c of cells) {
    const key = `${c.entity}/${c.id}`;
    if (!records.has(key)) records.set(key, { entity: c.entity, id: c.id, last: new Map() });
    records.get(key)!.last.set(c.field, c);
  }
  const created: string[][] = [];
  const edits: SqlValue[][] = [];
  for (const { entity, id, last } of records.values()) {
    const table = TABLES[entity]!;
    const codec = (field: string) => FIELDS[entity]![field] ?? 'plain';
    const row = one(
      db,
      `SELECT t.*, h.hlc AS base FROM ${table} t LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
      [id],
    );
    if (!row) {
      for (const c of cells)
        if (c.entity === entity && c.id === id) cellBases.set(c, complete ? (c.base ?? '') : '');
      const fields = [...last.keys()].filter((f) => f !== 'createdAt');
      const unwritten = ['deleted', ...Object.keys(FIELDS[entity]!)].filter((f) => !last.has(f));
      const bases = [...last].filter(([, c]) => complete && (c.base ?? '') !== '');
      const columns = ['id', 'created_at', 'updated_at', 'clock_base', 'clock', 'bases'];
      const params = [
        id,
        time,
        time,
        intern(db, set.hlc),
        JSON.stringify(Object.fromEntries(unwritten.map((f) => [f, '']))),
        JSON.stringify(Object.fromEntries(bases.map(([f, c]) => [f, c.base!]))),
        ...fields.map((f) => sqlOf(codec(f), last.get(f)!.value)),
      ];
      db.run(
        `INSERT INTO ${table} (${[...columns, ...fields.map(snake)].join(', ')}) VALUES (${params.map(() => '?').join(', ')})`,
        params,
      );
      created.push([entity, id]);
      continue;
    }
    const clock = JSON.parse(String(row.clock)) as Record<string, string>;
    const seen = JSON.parse(String(row.bases)) as Record<string, string>;
    const stamp = (field: string) => clock[field] ?? (row.base as string | null) ?? '';
    for (const c of cells)
      if (c.entity === entity && c.id === id)
        cellBases.set(c, complete ? (c.base ?? '') : stamp(c.field));
    const changed: Array<[string, SqlValue]> = [];
    for (const [field, cell] of last) {
      if (field === 'createdAt') continue;
      const current = stamp(field);
      const column = snake(field);
      const sql = sqlOf(codec(field), cell.value);
      const key = [entity, id, field];
      if (current >= set.hlc) {
        const other = one(
          db,
          'SELECT other FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND field = ?',
          key,
        );
        const unseen = set.hlc > (seen[field] ?? '') && current !== set.hlc;
        if (unseen && !(other && String(other.other) >= set.hlc))
          conflict(db, key, current, set.hlc, sql);
        continue;
      }
      const base = cellBases.get(cell)!;
      if (current !== '' && current > base) conflict(db, key, set.hlc, current, row[column]!);
      else
        db.run('DELETE FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND field = ?', key);
      edits.push([entity, id, field, JSON.stringify(row[column]), JSON.stringify(sql)]);
      changed.push([column, sql]);
      clock[field] = set.hlc;
      if (base === '') delete seen[field];
      else seen[field] = base;
    }
    if (changed.length === 0 && time >= String(row.created_at)) continue;
    db.run(
      `UPDATE ${table} SET ${changed.map(([c]) => `${c} = ?, `).join('')}clock = ?, bases = ?,
       updated_at = max(updated_at, ?), created_at = min(created_at, ?) WHERE id = ?`,
      [...changed.map(([, v]) => v), JSON.stringify(clock), JSON.stringify(seen), time, time, id],
    );
  }
  for (const c of cells)
    if (c.entity === 'syncAttestation' && c.field === 'digests')
      for (const digest of String(c.value).match(/[0-9a-f]{64}/g) ?? [])
        db.run('INSERT OR IGNORE INTO sync_attested VALUES (?, ?)', [digest, c.id]);
  if (created.length > 0 || edits.length > 0) audit(db, set, created, edits);
  return cellBases;
}

function audit(db: Database, set: ChangeSet, created: string[][], edits: SqlValue[][]): void {
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
  for (const [entity, id] of created) {
    db.run('INSERT OR IGNORE INTO audit_kinds (entity) VALUES (?)', [entity!]);
    const kind = one(db, 'SELECT kind FROM audit_kinds WHERE entity = ?', [entity!])!.kind!;
    db.run('INSERT INTO audit_created_ids VALUES (?, ?, ?)', [seq, id!, kind]);
  }
  for (const e of edits) db.run('INSERT INTO audit_edits VALUES (?, ?, ?, ?, ?, ?)', [seq, ...e]);
}

/** "The change log": a set's shared cells as canonical text, with digest and owners. */
export function logSet(db: Database, set: ChangeSet & { seq: number }, cells: Cell[]): void {
  const shared = cells.filter((c) => !LOCAL_KINDS.has(c.entity));
  if (set.author === SEED_AUTHOR || shared.length === 0) return;
  const body = JSON.stringify([
    1,
    set.hlc,
    set.author,
    set.seq,
    shared.map((c) => [c.entity, c.id, c.field, c.value, c.base ?? '']),
  ]);
  const owners = new Set(
    shared.map((c) => ownerOf(db, c.entity, c.id)).filter((o): o is string => o !== null),
  );
  db.run('INSERT OR IGNORE INTO sync_log VALUES (?, ?, ?, ?, ?, ?)', [
    set.hlc,
    set.author,
    set.seq,
    sha256(body),
    [...owners].sort().join(' '),
    storedBody(body),
  ]);
}

const OF_PERSON = ['statusEvent', 'proceeding', 'custodyEvent', 'riskAssignment'];

function ownerOf(db: Database, entity: string, id: string): string | null {
  if (entity === 'person') return `p:${id}`;
  if (entity === 'source') return `s:${id}`;
  if (entity === 'thesaurusTerm' || entity === 'install') return null;
  const personOf = (kind: string, of: string) => {
    const row = one(db, `SELECT person_id FROM ${TABLES[kind]} WHERE id = ?`, [of]);
    return row && row.person_id ? `p:${String(row.person_id)}` : '?';
  };
  if (OF_PERSON.includes(entity)) return personOf(entity, id);
  if (entity !== 'citation') return '?';
  const row = one(db, 'SELECT entity, entity_id FROM citations WHERE id = ?', [id]);
  if (!row) return '?';
  if (row.entity === 'person') return `p:${String(row.entity_id)}`;
  return OF_PERSON.includes(String(row.entity))
    ? personOf(String(row.entity), String(row.entity_id))
    : '?';
}
