import type { Database } from 'sql.js';

declare const readable: unique symbol;
declare const writable: unique symbol;

/**
 * The one write path as a type rule, after Signal Desktop's `ReadableDB` and `WritableDB`. Every
 * reader (stats, export, import's checks, search queries, the service) gets a `ReadDb`: the
 * vault hands out nothing else. Only the write path (`applyChanges`), the migrations and the
 * derived search index get a `WriteDb`, and the statement helper that writes (`run`) takes
 * only a `WriteDb`. The brands exist only for the compiler: both are the same sql.js database.
 */
export type ReadDb = Database & { readonly [readable]: true };
export type WriteDb = ReadDb & { readonly [writable]: true };

/**
 * The handle of a database its caller has just created or loaded and owns: the vault, and
 * tests that build a database of their own. Lint allows no other caller (eslint.layers.mjs).
 */
export function writableDb(db: Database): WriteDb {
  return db as WriteDb;
}
