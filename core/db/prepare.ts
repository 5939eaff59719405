import type { Database } from 'sql.js';
import { registerSearchFunctions } from './persons';
import { forgetStatements } from './statements';

/**
 * Per-connection setup. sql.js closes and reopens its connection on every export (snapshot,
 * backup), which drops custom functions, so this runs after each of them as well as on open.
 */
export function prepareDatabase(db: Database): void {
  forgetStatements(db);
  registerSearchFunctions(db);
}
