import { createHash } from 'node:crypto';
import type { SqlValue } from 'sql.js';
import { ApiError } from '../api/errors';
import type { RecordKind } from '../api/records';
import type { WriteDb } from './handle';
import { first, run } from './statements';
import { personsTouched, refreshPersonDocument } from './searchIndex';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { codecOf, columnFor, isRecordKind, TABLES } from '../changes/entities';
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
}

/**
 * The single write path: applies a change set to the database. A field takes a value only when
 * the change set is newer than the field's timestamp (last writer wins), which makes replay
 * idempotent. What the set changed goes into the hash-chained audit log: the records it created,
 * and, for fields it overwrote, the values before and after. The caller owns the transaction.
 * `held` marks cells held back when their set arrived and applied now: they take a field its
 * own set left at its default (whose timestamp is the set's), as they would have on arrival.
 */
export function applyChanges(db: WriteDb, set: ChangeSet, { held = false } = {}): void {
  const time = hlcTime(set.hlc);
  const created: Array<[string, string]> = [];
  const edits: AuditEdit[] = [];
  let hlcId: number | null = null;
  const intern = () => (hlcId ??= internHlc(db, set.hlc));
  for (const record of groupByRecord(set.cells)) {
    const table = TABLES[record.kind];
    const fields = [...record.values.keys()];
    const columns = fields.map((field) => columnFor(record.kind, field)!.column);
    const row = first(
      db,
      `SELECT t.clock AS clock, h.hlc AS base, ${columns.map((c, i) => `t.${c} AS c${i}`).join(', ')}
       FROM ${table} t LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
      [record.id],
    );
    if (!row) {
      const values = fields.map((field) => toSql(record.kind, field, record.values.get(field)!));
      run(
        db,
        `INSERT INTO ${table} (id, created_at, updated_at, clock_base, ${columns.join(', ')})
         VALUES (?, ?, ?, ?, ${columns.map(() => '?').join(', ')})`,
        [record.id, time, time, intern(), ...values],
      );
      created.push([record.kind, record.id]);
      continue;
    }
    const clock = JSON.parse(String(row.clock)) as Record<string, string>;
    const assignments: string[] = [];
    const params: SqlValue[] = [];
    fields.forEach((field, i) => {
      const current = clock[field] ?? (row.base as string | null) ?? '';
      if (held ? current > set.hlc : current >= set.hlc) return;
      const value = toSql(record.kind, field, record.values.get(field)!);
      assignments.push(`${columns[i]} = ?`);
      params.push(value);
      clock[field] = set.hlc;
      edits.push({
        entity: record.kind,
        id: record.id,
        field,
        before: JSON.stringify(row[`c${i}`]),
        after: JSON.stringify(value),
      });
    });
    if (assignments.length === 0) continue;
    run(
      db,
      `UPDATE ${table} SET ${assignments.join(', ')}, clock = ?, updated_at = max(updated_at, ?) WHERE id = ?`,
      [...params, JSON.stringify(clock), time, record.id],
    );
  }
  if (created.length > 0 || edits.length > 0) appendAudit(db, intern(), set, created, edits);
  const createdIds = new Set(created.map(([, id]) => id));
  const citing = set.cells.some((cell) => cell.entity === 'citation');
  for (const personId of personsTouched(db, set.cells)) {
    refreshPersonDocument(db, personId, createdIds.has(personId), citing);
  }
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
      record = { kind: cell.entity, id: cell.id, values: new Map() };
      records.set(key, record);
    }
    record.values.set(cell.field, cell.value);
  }
  return [...records.values()];
}

/** Change-set timestamps are stored once and referred to by number. */
function internHlc(db: WriteDb, hlc: string): number {
  run(db, 'INSERT OR IGNORE INTO hlcs (hlc) VALUES (?)', [hlc]);
  return Number(first(db, 'SELECT id FROM hlcs WHERE hlc = ?', [hlc])!.id);
}

function toSql(kind: RecordKind, field: string, value: Cell['value']): SqlValue {
  const codec = codecOf(kind, field);
  if (codec === 'json') return JSON.stringify(value ?? []);
  if (codec === 'bool' || typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
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
  for (const [entity, id] of created) {
    run(db, 'INSERT INTO audit_created (seq, entity, entity_id) VALUES (?, ?, ?)', [
      seq,
      entity,
      id,
    ]);
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
