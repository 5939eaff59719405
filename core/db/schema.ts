import { ApiError } from '../api/errors';
import type { Database } from 'sql.js';

/**
 * Migrations, applied in order and recorded in `PRAGMA user_version`. They only add: a newer
 * vault must stay readable by the records an older version wrote.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE persons (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL DEFAULT '',
     name_latin TEXT NOT NULL DEFAULT '',
     birth_date TEXT,
     citizenship TEXT NOT NULL DEFAULT '[]',
     notes TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE field_clock (
     entity TEXT NOT NULL,
     id TEXT NOT NULL,
     field TEXT NOT NULL,
     hlc TEXT NOT NULL,
     PRIMARY KEY (entity, id, field)
   ) WITHOUT ROWID;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database): void {
  const current = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  if (current > MIGRATIONS.length) {
    throw new ApiError('UNSUPPORTED_VERSION', 'The database was written by a newer version');
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.exec('BEGIN');
    db.exec(MIGRATIONS[version]!);
    db.exec(`PRAGMA user_version = ${version + 1}`);
    db.exec('COMMIT');
  }
}
