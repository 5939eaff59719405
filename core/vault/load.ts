import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { DamageDetails } from '../api/schemas';
import { applyChanges } from '../db/apply';
import { writableDb, type WriteDb } from '../db/handle';
import { decodeChangeSet } from '../changes/changeSet';
import { migrate } from '../db/schema';
import { loadSqlJs } from '../db/sqlite';
import { classifyFsError } from './fsErrors';
import { decodeJournal, type JournalContents } from './journal';
import { journalFile, listGenerations, snapshotFile } from './layout';
import { decodeSnapshot } from './snapshot';

export interface VaultKeys {
  header: Buffer;
  snapshot: Buffer;
  journal: Buffer;
}

export interface LoadedState {
  db: WriteDb;
  /** The newest journal read, where new commits continue (null when none could be read). */
  journal: { generation: bigint; contents: JournalContents } | null;
  /** The generation of the snapshot the state was built on. */
  snapshotGeneration: bigint;
  /** Everything that could not be read; always empty in strict mode. */
  damage: DamageDetails[];
}

/**
 * Rebuilds the database from the newest readable snapshot and every journal from that
 * generation on. In strict mode the first damage throws VAULT_CORRUPT naming the file and
 * record; in salvage mode damage is collected and everything authentic before it is kept.
 */
export async function loadState(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  mode: 'strict' | 'salvage',
): Promise<LoadedState> {
  const generations = await listGenerations(folder);
  const damage: DamageDetails[] = [];
  const report = (details: DamageDetails, reason: string) => {
    if (mode === 'strict') throw new ApiError('VAULT_CORRUPT', reason, details);
    damage.push(details);
  };
  const hasOlder = (generation: bigint) => generations.snapshots.some((g) => g < generation);

  let base: { generation: bigint; database: Buffer } | null = null;
  for (const generation of generations.snapshots) {
    try {
      base = decodeSnapshot(
        keys.snapshot,
        vaultId,
        await readFile(folder, snapshotFile(generation)),
      );
      if (base.generation !== generation)
        throw new ApiError('VAULT_CORRUPT', 'Snapshot generation differs');
      break;
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'VAULT_CORRUPT') throw err;
      report({ file: snapshotFile(generation), repairable: hasOlder(generation) }, err.message);
    }
  }
  if (!base)
    throw new ApiError('VAULT_CORRUPT', 'No readable snapshot', {
      file: 'snapshot',
      repairable: false,
    });

  const SQL = await loadSqlJs();
  // sql.js keeps this buffer as its in-memory file, so it is not wiped; it dies with the worker.
  const db = writableDb(new SQL.Database(base.database));
  try {
    migrate(db);
    const journal = replayJournals(
      db,
      folder,
      vaultId,
      keys,
      base.generation,
      generations.journals,
      report,
    );
    return { db, journal: await journal, snapshotGeneration: base.generation, damage };
  } catch (err) {
    db.close();
    throw err;
  }
}

async function replayJournals(
  db: WriteDb,
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  from: bigint,
  journals: bigint[],
  report: (details: DamageDetails, reason: string) => void,
): Promise<LoadedState['journal']> {
  const last = journals.length > 0 ? journals[journals.length - 1]! : from;
  let newest: LoadedState['journal'] = null;
  db.exec('BEGIN');
  try {
    for (let generation = from; generation <= last; generation++) {
      const name = journalFile(generation);
      const bytes = await readFile(folder, name).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'VAULT_CORRUPT') return null;
        throw err;
      });
      if (!bytes) {
        report({ file: name, record: 0, repairable: true }, 'Journal missing');
        continue;
      }
      const contents = decodeJournal(keys.journal, vaultId, generation, bytes);
      for (const [index, payload] of contents.payloads.entries()) {
        const set = decodeChangeSet(payload);
        if (!set) {
          report({ file: name, record: index + 1, repairable: true }, 'Record is not a change set');
          break;
        }
        applyChanges(db, set);
      }
      if (contents.damage) {
        report(
          { file: name, record: contents.damage.record, repairable: true },
          `Journal ${contents.damage.reason}`,
        );
      }
      newest = { generation, contents };
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return newest;
}

async function readFile(folder: string, name: string): Promise<Buffer> {
  try {
    return await fs.readFile(path.join(folder, name));
  } catch (err) {
    const kind = classifyFsError(err);
    if (kind === 'ENOENT') throw new ApiError('VAULT_CORRUPT', `Vault file missing: ${name}`);
    throw new ApiError('STORAGE_FAILED', `Cannot read vault file (${kind})`);
  }
}
