import { ApiError } from '../api/errors';
import type { DamageDetails } from '../api/schemas';
import { writableDb, type WriteDb } from '../db/handle';
import { migrate } from '../db/schema';
import { loadSqlJs } from '../db/sqlite';
import { readSnapshotFile, readVaultFile, type VaultKeys } from './files';
import { decodeJournal, type JournalContents } from './journal';
import { journalFile, listGenerations, snapshotFile, STATE_FILE } from './layout';
import { replayRecord, retryHeldCells } from './replay';
import { SNAPSHOT_VERSION } from './snapshot';
import { rotationOnDisk, type RotationOnDisk } from './rotate';
import { decodeState, ROTATED, type CommitState } from './state';

export interface LoadedState {
  db: WriteDb;
  /** The newest journal read, where new commits continue (null when none could be read). */
  journal: { generation: bigint; contents: JournalContents } | null;
  /** Records in the journal before the newest one read (or ROTATED), for the commit state. */
  previousRecords: bigint;
  /** The generation of the snapshot the state was built on. */
  snapshotGeneration: bigint;
  /** Whether loading changed the database (a migration) or read an older snapshot version. */
  upgraded: boolean;
  /** The commit state as read (null when missing or damaged, which is damage too). */
  commitState: CommitState | null;
  /** A key rotation cut short, for a writable open to clean up. */
  rotation: RotationOnDisk;
  /** Everything that could not be read; always empty in strict mode. */
  damage: DamageDetails[];
}

type Report = (details: DamageDetails, reason: string) => void;

/**
 * Rebuilds the database from the newest readable snapshot and every journal from that
 * generation on, and checks the result against the vault's commit state. In strict mode the
 * first damage throws VAULT_CORRUPT naming the file and record; in salvage mode damage is
 * collected and everything authentic before it is kept. Nothing here writes to the folder.
 */
export async function loadState(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  mode: 'strict' | 'salvage',
): Promise<LoadedState> {
  const damage: DamageDetails[] = [];
  const report: Report = (details, reason) => {
    if (mode === 'strict') throw new ApiError('VAULT_CORRUPT', reason, details);
    damage.push(details);
  };
  const rotation = await rotationOnDisk(folder, vaultId, keys);
  const commitState =
    rotation.committedState ?? (await readCommitState(folder, vaultId, keys, report));
  const generations = await listGenerations(folder);
  // A rotation that never took place staged a generation under keys this header cannot open.
  if (rotation.staged && commitState) {
    const current = (g: bigint) => g <= commitState.generation;
    generations.snapshots = generations.snapshots.filter(current);
    generations.journals = generations.journals.filter(current);
  }
  const base = await readNewestSnapshot(folder, vaultId, keys, generations.snapshots, report);

  const SQL = await loadSqlJs();
  // sql.js keeps this buffer as its in-memory file, so it is not wiped; it dies with the worker.
  const db = writableDb(new SQL.Database(base.database));
  try {
    const migrated = migrate(db);
    retryHeldCells(db);
    const newestOnDisk = [...generations.snapshots, ...generations.journals].reduce(
      (a, b) => (a > b ? a : b),
      base.generation,
    );
    // The current generation's journal must be there even when no journal file is left.
    const last = newestOnDisk > base.generation ? newestOnDisk : base.generation;
    const counts = await replayJournals(db, folder, vaultId, keys, base.generation, last, report);
    if (commitState) checkAgainstState(commitState, newestOnDisk, counts, report);
    const newest = counts.newest;
    return {
      db,
      journal: newest,
      previousRecords:
        commitState && newest && commitState.generation === newest.generation
          ? commitState.previousRecords
          : BigInt(newest ? (counts.records.get(newest.generation - 1n) ?? 0) : 0),
      snapshotGeneration: base.generation,
      upgraded: migrated || base.version < SNAPSHOT_VERSION,
      commitState,
      rotation,
      damage,
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

async function readCommitState(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  report: Report,
): Promise<CommitState | null> {
  const missing = () =>
    new ApiError('VAULT_CORRUPT', 'Commit state missing', {
      file: STATE_FILE,
      repairable: true,
      kind: 'missing',
    });
  let file: Buffer;
  try {
    file = await readVaultFile(folder, STATE_FILE, missing);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'VAULT_CORRUPT') throw err;
    report({ ...err.details!, repairable: true }, err.message);
    return null;
  }
  const state = decodeState(keys.state, vaultId, file);
  if (!state)
    report({ file: STATE_FILE, repairable: true, kind: 'damaged' }, 'Commit state damaged');
  return state;
}

async function readNewestSnapshot(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  snapshots: bigint[],
  report: Report,
): ReturnType<typeof readSnapshotFile> {
  for (const [index, generation] of snapshots.entries()) {
    const name = snapshotFile(generation);
    const missing = () => new ApiError('VAULT_CORRUPT', `Vault file missing: ${name}`);
    try {
      const base = await readSnapshotFile(folder, name, keys, vaultId, missing);
      if (base.generation !== generation)
        throw new ApiError('VAULT_CORRUPT', 'Snapshot generation differs');
      return base;
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'VAULT_CORRUPT') throw err;
      report(
        { file: name, repairable: index < snapshots.length - 1, kind: 'damaged' },
        err.message,
      );
    }
  }
  throw new ApiError('VAULT_CORRUPT', 'No readable snapshot', {
    file: 'snapshot',
    repairable: false,
    kind: snapshots.length === 0 ? 'missing' : 'damaged',
  });
}

interface ReplayCounts {
  newest: LoadedState['journal'];
  /** Authentic records read per generation, for journals read without damage. */
  records: Map<bigint, number>;
}

async function replayJournals(
  db: WriteDb,
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  from: bigint,
  last: bigint,
  report: Report,
): Promise<ReplayCounts> {
  const counts: ReplayCounts = { newest: null, records: new Map() };
  db.exec('BEGIN');
  try {
    for (let generation = from; generation <= last; generation++) {
      const name = journalFile(generation);
      const missing = () =>
        new ApiError('VAULT_CORRUPT', 'Journal missing', {
          file: name,
          record: 0,
          repairable: true,
          kind: 'missing',
        });
      const bytes = await readVaultFile(folder, name, missing).catch((err: unknown) => {
        if (!(err instanceof ApiError) || err.code !== 'VAULT_CORRUPT') throw err;
        report({ ...err.details!, file: name, repairable: true }, err.message);
        return null;
      });
      if (!bytes) continue;
      const contents = decodeJournal(keys.journal, vaultId, generation, bytes);
      for (const [index, payload] of contents.payloads.entries()) {
        const unapplied = replayRecord(db, payload, { file: name, record: index + 1 });
        if (unapplied) report(unapplied.details, unapplied.reason);
      }
      if (contents.damage) {
        report(
          { file: name, record: contents.damage.record, repairable: true },
          `Journal ${contents.damage.reason}`,
        );
      } else counts.records.set(generation, contents.payloads.length);
      counts.newest = { generation, contents };
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return counts;
}

/**
 * Files behind the commit state lost acknowledged work: records cut off a journal, an older
 * copy of it put back, or the newest generation deleted. A newer generation than the state
 * names is fine: a compaction was interrupted before it recorded the switch.
 */
function checkAgainstState(
  state: CommitState,
  newestOnDisk: bigint,
  counts: ReplayCounts,
  report: Report,
): void {
  const behind = (generation: bigint, record: number) =>
    report(
      { file: journalFile(generation), record, repairable: true, kind: 'behind' },
      'Vault files are behind the commit state',
    );
  if (newestOnDisk < state.generation) return behind(state.generation, 0);
  const expected: Array<[bigint, bigint]> = [[state.generation, state.records]];
  if (state.previousRecords !== ROTATED)
    expected.push([state.generation - 1n, state.previousRecords]);
  for (const [generation, records] of expected) {
    const read = counts.records.get(generation);
    if (read !== undefined && BigInt(read) < records) behind(generation, read + 1);
  }
}
