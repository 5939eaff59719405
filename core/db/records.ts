import type { SqlValue } from 'sql.js';
import type { ReadDb } from './handle';
import type { RecordKind } from '../api/records';
import { codecOf, fieldsOf, snakeCase, TABLES } from '../changes/entities';
import { all, type Row } from './statements';

export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

interface Column {
  field: string;
  column: string;
  codec: ReturnType<typeof codecOf>;
}

/**
 * Each kind's fields with their columns and codecs, worked out once: reading them from the
 * schema for every row cost more than the query when a report reads tens of thousands.
 */
const plans = new Map<RecordKind, { select: string; columns: Column[] }>();

function planOf(kind: RecordKind) {
  let plan = plans.get(kind);
  if (!plan) {
    const columns = fieldsOf(kind).map((field) => ({
      field,
      column: snakeCase(field),
      codec: codecOf(kind, field),
    }));
    const select = ['id', 'created_at', 'updated_at', ...columns.map((c) => c.column)].join(', ');
    plan = { select, columns };
    plans.set(kind, plan);
  }
  return plan;
}

function decode(kind: RecordKind, row: Row): StoredRecord {
  const record: StoredRecord = {
    id: String(row.id),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
  for (const { field, column, codec } of planOf(kind).columns) {
    const value = row[column] ?? null;
    record[field] =
      codec === 'json' ? JSON.parse(String(value ?? '[]')) : codec === 'bool' ? value === 1 : value;
  }
  return record;
}

export function readRecord(db: ReadDb, kind: RecordKind, id: string): StoredRecord | null {
  const row = all(
    db,
    `SELECT ${planOf(kind).select} FROM ${TABLES[kind]} WHERE id = ? AND deleted = 0`,
    [id],
  )[0];
  return row ? decode(kind, row) : null;
}

/**
 * Live records of a kind matching `where` (a fixed SQL fragment written in this codebase, with
 * `?` placeholders for every value).
 */
export function readRecords(
  db: ReadDb,
  kind: RecordKind,
  where: string,
  params: SqlValue[],
  orderBy = 'created_at, id',
): StoredRecord[] {
  return all(
    db,
    `SELECT ${planOf(kind).select} FROM ${TABLES[kind]} WHERE deleted = 0 AND (${where}) ORDER BY ${orderBy}`,
    params,
  ).map((row) => decode(kind, row));
}
