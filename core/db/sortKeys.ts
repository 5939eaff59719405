import type { Language } from '../api/schemas';
import type { Cell } from '../changes/changeSet';
import { COLLATION_VERSION, collationKey } from '../search/collation';
import type { ReadDb, WriteDb } from './handle';
import { all, first, run } from './statements';

/**
 * Each person's name as a sort key per interface language (core/search/collation.ts), in
 * columns of `persons` since schema 8, each with an index `(key, id)`: sql.js has neither ICU nor
 * custom collations, and a key compared as plain bytes gives the language's alphabetical order,
 * so the person list pages through an index in that order. Keys are derived data, rewritten in
 * the transaction that changed the name; they are never in a change record, a bundle or an export.
 */
export const SORT_KEY_COLUMNS: Readonly<Record<Language, string>> = {
  en: 'sort_en',
  be: 'sort_be',
  ru: 'sort_ru',
};

/** The index that walks the person list by name in a language. */
export const SORT_KEY_INDEXES: Readonly<Record<Language, string>> = {
  en: 'persons_sort_en',
  be: 'persons_sort_be',
  ru: 'persons_sort_ru',
};

const LANGUAGES = Object.keys(SORT_KEY_COLUMNS) as Language[];

const UPDATE = `UPDATE persons SET ${LANGUAGES.map((l) => `${SORT_KEY_COLUMNS[l]} = ?`).join(', ')}
  WHERE id = ?`;

const VERSION_KEY = 'sort_key_version';

function writeKeys(db: WriteDb, id: string, name: string): void {
  run(db, UPDATE, [...LANGUAGES.map((language) => collationKey(language, name)), id]);
}

/**
 * The key columns and their values for a person inserted with this name: the write path puts
 * them in the INSERT, since writing the row a second time would double an import's work.
 */
export function insertedSortKeys(name: string): { columns: string[]; values: string[] } {
  return {
    columns: LANGUAGES.map((language) => SORT_KEY_COLUMNS[language]),
    values: LANGUAGES.map((language) => collationKey(language, name)),
  };
}

/**
 * The persons whose stored keys a change set may have changed and the INSERT did not write:
 * those whose name it wrote, other than those it created.
 */
export function sortKeysTouched(cells: readonly Cell[], created: ReadonlySet<string>): Set<string> {
  const persons = new Set<string>();
  for (const cell of cells)
    if (cell.entity === 'person' && cell.field === 'name' && !created.has(cell.id))
      persons.add(cell.id);
  return persons;
}

/** Rewrites a person's keys from the name as it now stands (the set's value may have lost). */
export function refreshSortKeys(db: WriteDb, personId: string): void {
  const row = first(db, 'SELECT name FROM persons WHERE id = ?', [personId]);
  if (row) writeKeys(db, personId, String(row.name));
}

/** Every person's keys, and the version that made them; the caller owns the transaction. */
export function writeAllSortKeys(db: WriteDb): void {
  for (const row of all(db, 'SELECT id, name FROM persons'))
    writeKeys(db, String(row.id), String(row.name));
  run(db, 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [
    VERSION_KEY,
    String(COLLATION_VERSION),
  ]);
}

/** Whether the stored keys were made by this version's collation. */
export function sortKeysCurrent(db: ReadDb): boolean {
  return (
    first(db, 'SELECT value FROM meta WHERE key = ?', [VERSION_KEY])?.value ===
    String(COLLATION_VERSION)
  );
}

/**
 * Rebuilds every key when they were made by other rules, or by a writer that does not make
 * them (docs/vault-format.md, migration 8). Returns whether it did, which only a new snapshot
 * keeps: the journal does not hold it.
 */
export function ensureSortKeys(db: WriteDb): boolean {
  if (sortKeysCurrent(db)) return false;
  run(db, 'BEGIN');
  try {
    writeAllSortKeys(db);
    run(db, 'COMMIT');
  } catch (err) {
    run(db, 'ROLLBACK');
    throw err;
  }
  return true;
}
