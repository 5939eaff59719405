import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ReadDb } from '../db/handle';
import { first } from '../db/statements';
import type { ImportMapping, ImportShape } from '../api/import';
import type { AnalyseOptions, Analysis } from './analyse';
import type { Table } from './read';

/** What a dry run read and found, kept for the import that follows it. */
export interface DryRun {
  table: Table;
  analysis: Analysis;
}

export interface DryRunSource extends AnalyseOptions {
  path: string;
  shape: ImportShape;
  sheet?: string;
  mapping: ImportMapping;
}

/**
 * The last preview's dry run per open vault, for the import of the same file: reading and
 * checking a large file again was a tenth of an import's time. One per vault, replaced by the
 * next preview and taken by the import; it holds case data as the database does, and goes
 * with the database when the vault locks.
 */
const kept = new WeakMap<ReadDb, { key: string; dryRun: DryRun }>();

/**
 * What a dry run depends on: the bytes it read (by digest, so a file changed since, even to the
 * same size and time, is read again), the choices made for it, and the vault's records, which
 * every applied change moves on by an audit entry. Taken right before the dry run, with no
 * commit between them.
 */
export function dryRunKey(db: ReadDb, bytes: Uint8Array, source: DryRunSource): string {
  // The newest entry's hash rather than its number: a set rolled back after a failed journal
  // write leaves its number to the next, different set.
  const audited = first(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')?.hash ?? '';
  return JSON.stringify([
    path.resolve(source.path),
    createHash('sha256').update(bytes).digest('hex'),
    source.sheet ?? null,
    source.shape,
    source.mapping,
    source.values ?? null,
    source.schemes ?? null,
    source.decisions ?? null,
    audited,
  ]);
}

export function keepDryRun(db: ReadDb, key: string, dryRun: DryRun): void {
  kept.set(db, { key, dryRun });
}

/** The kept dry run if nothing it depends on has changed, taken so that it serves one import. */
export function takeDryRun(db: ReadDb, key: string): DryRun | null {
  const entry = kept.get(db);
  kept.delete(db);
  return entry?.key === key ? entry.dryRun : null;
}
