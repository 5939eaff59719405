import type { ReadDb } from './handle';
import { forgetStatements } from './statements';

/**
 * Per-connection setup. sql.js closes and reopens its connection on every export (snapshot,
 * backup), freeing every prepared statement and resetting the pragmas, so this runs after each
 * of them as well as on open.
 *
 * sql.js keeps the database as a file in its in-memory file system, and SQLite's default
 * rollback journal is a second such file, created, written and deleted by every transaction:
 * about a third of a one-field commit's processor time. Durability is the vault journal's job
 * (nothing of this file outlives the process), so SQLite's own journal is kept in memory; it
 * still rolls back a failed change set or a failed journal write.
 */
export function prepareDatabase(db: ReadDb): void {
  forgetStatements(db);
  db.exec('PRAGMA journal_mode = MEMORY');
}
