import type { Database, SqlValue, Statement } from 'sql.js';
import type { ReadDb, WriteDb } from './handle';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement per SQL text and connection. Preparing costs more than running the
 * small statements of a commit, so the write path and the hot reads reuse them.
 */
export function statement(db: ReadDb, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** sql.js frees every statement when it exports; the cache must forget them too. */
export function forgetStatements(db: ReadDb): void {
  caches.delete(db);
}

export type Row = Record<string, SqlValue>;

/**
 * Every row of a query. sql.js's `getAsObject` asks for the column names again on every row,
 * which made reading tens of thousands of rows (a list report's custody events) three times
 * slower than reading the values: the names are read once here.
 */
export function all(db: ReadDb, sql: string, params: SqlValue[] = []): Row[] {
  const s = statement(db, sql);
  try {
    s.bind(params);
    const out: Row[] = [];
    let names: string[] | null = null;
    while (s.step()) {
      names ??= s.getColumnNames();
      const values = s.get();
      const row: Row = {};
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]!;
      out.push(row);
    }
    return out;
  } finally {
    s.reset();
  }
}

export function first(db: ReadDb, sql: string, params: SqlValue[] = []): Row | undefined {
  const s = statement(db, sql);
  try {
    s.bind(params);
    return s.step() ? s.getAsObject() : undefined;
  } finally {
    s.reset();
  }
}

/** The one helper that writes: only the write path, migrations and the search index call it. */
export function run(db: WriteDb, sql: string, params: SqlValue[] = []): void {
  const s = statement(db, sql);
  try {
    s.run(params);
  } finally {
    s.reset();
  }
}
