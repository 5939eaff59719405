import { createHash } from 'node:crypto';
import type { SqlValue } from 'sql.js';
import { ApiError } from '../api/errors';
import type { RecordKind } from '../api/records';
import type { ReadDb, WriteDb } from './handle';
import { noteLoser, noteWinner } from './conflicts';
import { logSet, nextSeq, recordAttestations, travels } from './syncLog';
import { first, run } from './statements';
import { personsTouched, refreshPersonDocument, type SearchRefresh } from './searchIndex';
import { insertedSortKeys, refreshSortKeys, sortKeysTouched } from './sortKeys';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { codecOf, columnFor, fieldsOf, isRecordKind, TABLES } from '../changes/entities';
import { hlcTime } from '../changes/hlc';

export interface AuditEdit {
  entity: string;
  id: string;
  field: string;
  before: string | null;
  after: string;
}

interface RecordCells {
  kind: RecordKind;
  id: string;
  /** Field -> value; a field set twice in one change set keeps its last value. */
  values: Map<string, Cell['value']>;
  /** Field -> the cell that set it last. */
  last: Map<string, Cell>;
  cells: Cell[];
}

export interface ApplyOptions {
  /**
   * Cells held back when their set arrived and applied now: they take a field their own set
   * left at its default (whose timestamp is the set's), as they would have on arrival.
   */
  held?: boolean;
  /** The whole set as it travels, when only some of its cells apply here (the rest are held). */
  travelling?: ChangeSet;
  /** Search documents to refresh after a group of sets, instead of after this one. */
  search?: SearchRefresh;
}

/**
 * The single write path: applies a change set to the database and returns it as it is to be
 * journaled, with each cell's base and, for a set that may travel, its number (docs/sync.md).
 * A field takes a value only when the change set is newer than the field's timestamp (last
 * writer wins), which makes replay idempotent and merging order-free; an edit that wins over a
 * value its author had not seen, or loses to a value made without seeing it, puts the field in
 * the conflict queue. What the set changed goes into the hash-chained audit log: the records it
 * created, and, for fields it overwrote, the values before and after. The caller owns the
 * transaction.
 */
export function applyChanges(db: WriteDb, set: ChangeSet, options: ApplyOptions = {}): ChangeSet {
  const time = hlcTime(set.hlc);
  // A set with a number has its bases filled in; a local set gets them from what it overwrites.
  const complete = set.seq !== undefined;
  const bases = new Map<Cell, string>();
  const created: Array<[string, string]> = [];
  const edits: AuditEdit[] = [];
  let hlcId: number | null = null;
  const intern = () => (hlcId ??= internHlc(db, set.hlc));
  for (const record of groupByRecord(set.cells)) {
    const table = TABLES[record.kind];
    const fields = [...record.values.keys()];
    const columns = fields.map((field) => columnFor(record.kind, field)!.column);
    // A set that gives a record its creation time nearly always creates it (an import, a demo
    // load, a new record): it is inserted without the read before it, which would miss. When
    // the record is there after all (the same demo seed loaded again, a creation passed on
    // twice), the insert does nothing and the record takes the path of an edit.
    if (record.values.has('createdAt')) {
      for (const cell of record.cells) bases.set(cell, complete ? (cell.base ?? '') : '');
      if (insertRecord(db, record, fields, columns, set, intern(), bases)) {
        created.push([record.kind, record.id]);
        continue;
      }
    }
    const row = first(
      db,
      `SELECT t.clock AS clock, t.bases AS bases, t.created_at AS created, h.hlc AS base,
       ${columns.map((c, i) => `t.${c} AS c${i}`).join(', ')}
       FROM ${table} t LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
      [record.id],
    );
    if (!row) {
      for (const cell of record.cells) bases.set(cell, complete ? (cell.base ?? '') : '');
      insertRecord(db, record, fields, columns, set, intern(), bases);
      created.push([record.kind, record.id]);
      continue;
    }
    const clock = JSON.parse(String(row.clock)) as Record<string, string>;
    const seen = JSON.parse(String(row.bases)) as Record<string, string>;
    const timestampOf = (field: string) => clock[field] ?? (row.base as string | null) ?? '';
    for (const cell of record.cells)
      bases.set(cell, complete ? (cell.base ?? '') : timestampOf(cell.field));
    const assignments: string[] = [];
    const params: SqlValue[] = [];
    fields.forEach((field, i) => {
      // When the record is already here, its creation time is the earliest set's (below).
      if (field === 'createdAt') return;
      const current = timestampOf(field);
      const base = bases.get(record.last.get(field)!)!;
      const value = toSql(record.kind, field, record.values.get(field)!);
      if (options.held ? current > set.hlc : current >= set.hlc) {
        if (current !== set.hlc)
          noteLoser(db, record, field, current, seen[field] ?? '', set.hlc, value);
        return;
      }
      assignments.push(`${columns[i]} = ?`);
      params.push(value);
      clock[field] = set.hlc;
      if (base === '') delete seen[field];
      else seen[field] = base;
      noteWinner(db, record, field, set.hlc, base, current, row[`c${i}`] ?? null);
      edits.push({
        entity: record.kind,
        id: record.id,
        field,
        before: JSON.stringify(row[`c${i}`]),
        after: JSON.stringify(value),
      });
    });
    // A record's first set may arrive after a later one (a colleague's edit passed on first).
    const earlier = time < String(row.created);
    if (assignments.length === 0 && !earlier) continue;
    run(
      db,
      `UPDATE ${table} SET ${assignments.map((a) => `${a}, `).join('')}clock = ?, bases = ?,
       updated_at = max(updated_at, ?), created_at = min(created_at, ?) WHERE id = ?`,
      [...params, JSON.stringify(clock), JSON.stringify(seen), time, time, record.id],
    );
  }
  if (created.length > 0 || edits.length > 0) appendAudit(db, intern(), set, created, edits);
  const createdIds = new Set(created.map(([, id]) => id));
  const citing = set.cells.some((cell) => cell.entity === 'citation');
  for (const personId of personsTouched(db, set.cells)) {
    if (options.search) options.search.note(personId, createdIds.has(personId), citing);
    else refreshPersonDocument(db, personId, createdIds.has(personId), citing);
  }
  const createdPersons = new Set(created.filter(([kind]) => kind === 'person').map(([, id]) => id));
  for (const personId of sortKeysTouched(set.cells, createdPersons)) refreshSortKeys(db, personId);
  recordAttestations(db, set.cells);
  // Held cells retried after an upgrade belong to a set logged whole when it arrived.
  if (options.held) return set;
  const journaled = completeSet(db, set, bases);
  logSet(db, options.travelling ?? journaled);
  return journaled;
}

/**
 * A record's first set: the fields it sets take its timestamp (`clock_base`); every other field
 * is marked as never written (''), so a set that arrives later with an older timestamp, such as
 * the record's true creation passed on by a relay after a colleague's edit, still fills it.
 * Returns false, having written nothing, when a record with this id is already there.
 */
function insertRecord(
  db: WriteDb,
  record: RecordCells,
  fields: string[],
  columns: string[],
  set: ChangeSet,
  hlcId: number,
  bases: Map<Cell, string>,
): boolean {
  const time = hlcTime(set.hlc);
  const unwritten = ['deleted', ...fieldsOf(record.kind)].filter((f) => !record.values.has(f));
  const clock = Object.fromEntries(unwritten.map((field) => [field, '']));
  const seen: Record<string, string> = {};
  for (const [field, cell] of record.last) {
    const base = bases.get(cell)!;
    if (base !== '') seen[field] = base;
  }
  const values = fields.map((field) => toSql(record.kind, field, record.values.get(field)!));
  // A person's name's sort keys (core/db/sortKeys.ts), derived data, go in with the record.
  const derived =
    record.kind === 'person'
      ? insertedSortKeys(String(record.values.get('name') ?? ''))
      : { columns: [], values: [] };
  const all = [...columns, ...derived.columns];
  run(
    db,
    `INSERT INTO ${TABLES[record.kind]} (id, created_at, updated_at, clock_base, clock, bases,
     ${all.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ${all.map(() => '?').join(', ')})
     ON CONFLICT (id) DO NOTHING`,
    [
      record.id,
      time,
      time,
      hlcId,
      JSON.stringify(clock),
      JSON.stringify(seen),
      ...values,
      ...derived.values,
    ],
  );
  return db.getRowsModified() === 1;
}

/** The set with every cell's base written in (left out when ''), and its number if it travels. */
function completeSet(db: ReadDb, set: ChangeSet, bases: Map<Cell, string>): ChangeSet {
  const cells = set.cells.map((cell): Cell => {
    const base = bases.get(cell) ?? cell.base ?? '';
    const plain = { entity: cell.entity, id: cell.id, field: cell.field, value: cell.value };
    return base === '' ? plain : { ...plain, base };
  });
  const seq = set.seq ?? (travels(set) ? nextSeq(db, set.author) : undefined);
  return seq === undefined ? { ...set, cells } : { ...set, seq, cells };
}

function groupByRecord(cells: Cell[]): RecordCells[] {
  const records = new Map<string, RecordCells>();
  for (const cell of cells) {
    if (!isRecordKind(cell.entity) || !columnFor(cell.entity, cell.field)) {
      throw new ApiError('INVALID_INPUT', `Unknown field ${cell.entity}.${cell.field}`);
    }
    const key = `${cell.entity}/${cell.id}`;
    let record = records.get(key);
    if (!record) {
      record = { kind: cell.entity, id: cell.id, values: new Map(), last: new Map(), cells: [] };
      records.set(key, record);
    }
    record.values.set(cell.field, cell.value);
    record.last.set(cell.field, cell);
    record.cells.push(cell);
  }
  return [...records.values()];
}

/** Change-set timestamps are stored once and referred to by number. */
function internHlc(db: WriteDb, hlc: string): number {
  run(db, 'INSERT OR IGNORE INTO hlcs (hlc) VALUES (?)', [hlc]);
  return Number(first(db, 'SELECT id FROM hlcs WHERE hlc = ?', [hlc])!.id);
}

export function toSql(kind: RecordKind, field: string, value: Cell['value']): SqlValue {
  const codec = codecOf(kind, field);
  if (codec === 'json') return JSON.stringify(value ?? []);
  if (codec === 'bool' || typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
}

/**
 * The inverse of what the audit log keeps for a field: its stored column as JSON (see
 * `appendAudit`), turned back into the field's value, as history shows it and undo writes it.
 */
export function auditValue(kind: RecordKind, field: string, stored: string | null): unknown {
  if (stored === null) return null;
  const value = JSON.parse(stored) as unknown;
  const codec = codecOf(kind, field);
  if (codec === 'json') return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (codec === 'bool') return value === 1;
  return value;
}

function appendAudit(
  db: WriteDb,
  hlcId: number,
  set: ChangeSet,
  created: Array<[string, string]>,
  edits: AuditEdit[],
): void {
  const previous = String(
    first(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')?.hash ?? '',
  );
  // The table keeps created records in id order; the hash must see them in the same order.
  created.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const hash = auditHash(previous, set.hlc, set.author, created, edits);
  run(db, 'INSERT INTO audit_log (hlc_id, author, hash) VALUES (?, ?, ?)', [
    hlcId,
    set.author,
    hash,
  ]);
  const seq = Number(first(db, 'SELECT last_insert_rowid() AS seq')!.seq);
  // A record's kind is stored as its number in audit_kinds (schema 7), numbered on first use.
  for (const entity of new Set(created.map(([kind]) => kind)))
    run(db, 'INSERT OR IGNORE INTO audit_kinds (entity) VALUES (?)', [entity]);
  for (const [entity, id] of created) {
    run(
      db,
      `INSERT INTO audit_created_ids (seq, entity_id, kind)
       VALUES (?, ?, (SELECT kind FROM audit_kinds WHERE entity = ?))`,
      [seq, id, entity],
    );
  }
  for (const edit of edits) {
    run(
      db,
      'INSERT INTO audit_edits (seq, entity, entity_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?)',
      [seq, edit.entity, edit.id, edit.field, edit.before, edit.after],
    );
  }
}

/**
 * Each entry's hash covers the one before it and everything the entry records, so an entry
 * changed or removed other than through this path breaks the chain.
 */
export function auditHash(
  previous: string,
  hlc: string,
  author: string,
  created: Array<[string, string]>,
  edits: AuditEdit[],
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        previous,
        hlc,
        author,
        created,
        edits.map((e) => [e.entity, e.id, e.field, e.before, e.after]),
      ]),
    )
    .digest('hex');
}
