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

const selectLists = new Map<RecordKind, string>();

function selectList(kind: RecordKind): string {
  let list = selectLists.get(kind);
  if (!list) {
    list = ['id', 'created_at', 'updated_at', ...fieldsOf(kind).map(snakeCase)].join(', ');
    selectLists.set(kind, list);
  }
  return list;
}

function decode(kind: RecordKind, row: Row): StoredRecord {
  const record: StoredRecord = {
    id: String(row.id),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
  for (const field of fieldsOf(kind)) {
    const value = row[snakeCase(field)] ?? null;
    const codec = codecOf(kind, field);
    record[field] =
      codec === 'json' ? JSON.parse(String(value ?? '[]')) : codec === 'bool' ? value === 1 : value;
  }
  return record;
}

export function readRecord(db: ReadDb, kind: RecordKind, id: string): StoredRecord | null {
  const row = all(
    db,
    `SELECT ${selectList(kind)} FROM ${TABLES[kind]} WHERE id = ? AND deleted = 0`,
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
    `SELECT ${selectList(kind)} FROM ${TABLES[kind]} WHERE deleted = 0 AND (${where}) ORDER BY ${orderBy}`,
    params,
  ).map((row) => decode(kind, row));
}
