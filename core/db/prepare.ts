import type { ReadDb } from './handle';
import { forgetStatements } from './statements';

/**
 * Per-connection setup. sql.js closes and reopens its connection on every export (snapshot,
 * backup), freeing every prepared statement, so this runs after each of them as well as on open.
 */
export function prepareDatabase(db: ReadDb): void {
  forgetStatements(db);
}
