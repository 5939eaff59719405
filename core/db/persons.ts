import type { Database, SqlValue } from 'sql.js';
import { readRecord } from './records';
import { all } from './statements';
import type { Person, PersonSummary } from '../api/records';

const COLUMNS = 'id, name, name_latin, birth_date, citizenship, region, updated_at';

export function findPerson(db: Database, id: string): Person | null {
  return readRecord(db, 'person', id) as Person | null;
}

/**
 * Case- and accent-insensitive substring search over both name fields. Full-text search with
 * transliteration replaces this when the case model grows.
 */
export function searchPersons(
  db: Database,
  query: string,
  limit: number,
  offset: number,
): { items: PersonSummary[]; total: number } {
  const needle = foldForSearch(query.trim());
  const where = needle
    ? "deleted = 0 AND instr(vigil_fold(name || ' ' || name_latin), ?) > 0"
    : 'deleted = 0';
  const params = needle ? [needle] : [];
  const total = Number(
    all(db, `SELECT count(*) AS n FROM persons WHERE ${where}`, params)[0]?.n ?? 0,
  );
  const items = all(
    db,
    `SELECT ${COLUMNS} FROM persons WHERE ${where} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  ).map((row) => ({
    id: String(row.id),
    name: String(row.name),
    nameLatin: String(row.name_latin),
    birthDate: row.birth_date === null ? null : String(row.birth_date),
    citizenship: JSON.parse(String(row.citizenship)) as string[],
    region: row.region === null ? null : String(row.region),
    updatedAt: String(row.updated_at),
  }));
  return { items, total };
}

export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Registers the SQL functions the queries above use; called once per opened database. */
export function registerSearchFunctions(db: Database): void {
  db.create_function('vigil_fold', (text: SqlValue) => foldForSearch(String(text ?? '')));
}
