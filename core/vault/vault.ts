import path from 'node:path';
import { ApiError } from '../api/errors';
import type { DamageDetails } from '../api/schemas';
import { writableDb, type ReadDb, type WriteDb } from '../db/handle';
import { checkChangeSet, encodeChangeSet, type ChangeSet } from '../changes/changeSet';
import { applyJournalSet } from './replay';
import { prepareDatabase } from '../db/prepare';
import { ensureSearchIndex, SearchRefresh } from '../db/searchIndex';
import { ensureSortKeys } from '../db/sortKeys';
import { migrate } from '../db/schema';
import { run } from '../db/statements';
import { loadSqlJs } from '../db/sqlite';
import { DEFAULT_KDF, equalBytes, randomBytes, type KdfParams } from './crypto';
import {
  prepareFolder,
  readVaultFile,
  removeGenerationsBefore,
  setAside,
  writeGeneration,
  writeVaultFile,
  type VaultKeys,
} from './files';
import { classifyFsError } from './fsErrors';
import { unlockHeader, VAULT_ID_BYTES, withNewPassphrase } from './header';
import { journalPrefix, JournalWriter } from './journal';
import { HEADER_FILE, journalFile, listGenerations, snapshotFile, STATE_FILE } from './layout';
import { loadState } from './load';
import { checkKdf, checkNewPassphrase, headerMissing, newKeySet, unlockFolder } from './keys';
import { newLockOwner, VaultLock } from './lock';
import type { Secret } from './secret';
import { snapshotPieces } from './snapshot';
import { recoverRotation, rotateFiles } from './rotate';
import { ROTATED, StateWriter } from './state';
import { verifyCopy, verifyPreviousGeneration } from './verify';

/** When the journal passes either limit, a background compaction writes a new snapshot. */
export interface CompactionPolicy {
  maxRecords: number;
  maxBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxRecords: 20_000,
  maxBytes: 32 * 1024 * 1024,
};

/**
 * During a bulk write the journal may grow this many times past the policy's limits before it
 * is compacted: a large import compacts once or twice instead of a dozen times, while the
 * journal an unlock would have to replay after a crash mid-import stays bounded.
 */
const BULK_COMPACTION_FACTOR = 8;

interface PendingCommit {
  /** Applied and journaled together, or not at all. */
  sets: ChangeSet[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface VaultOptions {
  compaction?: CompactionPolicy;
  /**
   * Who claims the folder while it is open for writing (lock.ts). A host gives all its core
   * workers one token, so that a worker takes over what a terminated one left behind.
   */
  lockOwner?: string;
}

/** What a writable vault holds open in its folder, dropped together on close. */
interface Writable {
  journal: JournalWriter;
  state: StateWriter;
  lock: VaultLock;
  /** Records of the previous generation's journal (or ROTATED), kept in each commit state. */
  previousRecords: bigint;
}

/**
 * An unlocked vault: the decrypted database in memory, and the journal that makes each commit
 * durable. Commits that arrive while a sync is in flight are grouped into the next one; each is
 * acknowledged only once its record is on disk. A read-only vault (opened past damage) refuses
 * every commit and writes nothing, not even a lock.
 */
export class Vault {
  private pending: PendingCommit[] = [];
  /** Flushes, compaction switches and backups run one after another on this chain. */
  private chain: Promise<void> = Promise.resolve();
  /**
   * Commit-state writes, one after another. They run beside the next flush rather than before
   * it, so back-to-back commits wait for one sync each, not two.
   */
  private stateWrite: Promise<void> = Promise.resolve();
  private compacting: Promise<void> | null = null;
  /** Bulk writes under way (bulk()); automatic compaction waits until there are none. */
  private bulkWrites = 0;
  private readonly compaction: CompactionPolicy;
  /** Damage found in the previous generation, checked in the background after unlock. */
  readonly previousGeneration: Promise<DamageDetails[]>;
  /** What every reader gets; the write path below uses `writeDb`, the same database. */
  readonly db: ReadDb;

  private constructor(
    readonly folder: string,
    private readonly writeDb: WriteDb,
    private readonly vaultId: Buffer,
    private keys: VaultKeys,
    private writable: Writable | null,
    options: VaultOptions,
  ) {
    this.compaction = options.compaction ?? DEFAULT_COMPACTION;
    this.db = writeDb;
    prepareDatabase(writeDb);
    this.previousGeneration = writable
      ? verifyPreviousGeneration(
          folder,
          vaultId,
          keys,
          writable.journal.generation,
          writable.previousRecords,
        ).catch(() => [])
      : Promise.resolve([]);
  }

  get readOnly(): boolean {
    return this.writable === null;
  }

  get generation(): bigint | null {
    return this.writable?.journal.generation ?? null;
  }

  /**
   * Rebuilds the derived search index and the names' sort keys when they were made by other
   * rules (or never), and then writes a snapshot in the background so that the next unlock
   * need not rebuild them again.
   */
  refreshSearchIndex(): void {
    const searchRebuilt = ensureSearchIndex(this.writeDb);
    if (ensureSortKeys(this.writeDb) || searchRebuilt) this.keepUpgrade();
  }

  /**
   * A migration, a rebuilt index or an old snapshot version changed the database outside the
   * journal: a compaction in the background writes it down, or every unlock would redo it.
   */
  private keepUpgrade(): void {
    if (!this.readOnly) void this.compact().catch(() => undefined);
  }

  /**
   * The newest change timestamp in the vault before `beforeMs`, so the clock can move past it
   * without adopting a colleague's far-future clock.
   */
  latestHlc(beforeMs: number): string | null {
    const bound = new Date(Math.min(beforeMs, 253402300799999)).toISOString();
    const latest = this.db.exec('SELECT max(hlc) FROM hlcs WHERE hlc < ?', [bound])[0]
      ?.values[0]?.[0];
    return typeof latest === 'string' ? latest : null;
  }

  /** Creates a vault; returns it with the recovery key, which exists nowhere else. */
  static async create(
    folder: string,
    passphrase: string,
    kdf: KdfParams = DEFAULT_KDF,
    options: VaultOptions = {},
  ): Promise<{ vault: Vault; recoveryKey: string }> {
    checkNewPassphrase(passphrase);
    checkKdf(kdf);
    await prepareFolder(folder);
    const lock = await VaultLock.acquire(folder, options.lockOwner ?? newLockOwner());
    try {
      const vaultId = randomBytes(VAULT_ID_BYTES);
      const { header, keys, recoveryKey } = await newKeySet(vaultId, passphrase, kdf);

      const SQL = await loadSqlJs();
      const db = writableDb(new SQL.Database());
      migrate(db);
      // Marks the (empty) search index as built by today's rules, so unlocking never rebuilds it.
      ensureSearchIndex(db);
      await writeGeneration(folder, vaultId, keys, 1n, db.export());
      // The header goes last: until it exists, the folder does not hold a vault.
      await writeVaultFile(folder, HEADER_FILE, header);
      const vault = await Vault.openWritable(folder, db, vaultId, keys, lock, options, {
        generation: 1n,
        contents: { goodLength: journalPrefix(vaultId, 1n).length, payloads: [] },
        previousRecords: 0n,
      });
      return { vault, recoveryKey };
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /**
   * Opens a vault. Normally any damage refuses with VAULT_CORRUPT naming the file and record;
   * `readOnly` opens whatever is authentic up to the damage and never writes to the folder.
   */
  static async open(
    folder: string,
    secret: Secret,
    options: VaultOptions & { readOnly?: boolean } = {},
  ): Promise<Vault> {
    const { vaultId, keys } = await unlockFolder(folder, secret);
    if (options.readOnly) {
      const state = await loadState(folder, vaultId, keys, 'salvage');
      return new Vault(folder, state.db, vaultId, keys, null, options);
    }
    const lock = await VaultLock.acquire(folder, options.lockOwner ?? newLockOwner());
    try {
      return await Vault.openLocked(folder, vaultId, keys, lock, options);
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  private static async openLocked(
    folder: string,
    vaultId: Buffer,
    keys: VaultKeys,
    lock: VaultLock,
    options: VaultOptions,
  ): Promise<Vault> {
    const state = await loadState(folder, vaultId, keys, 'strict');
    try {
      // Strict loading reports a missing commit state, so there is one.
      await recoverRotation(folder, state.rotation, state.commitState!);
      // Strict loading reports a missing journal, so a journal is always there.
      const { generation, contents } = state.journal!;
      const vault = await Vault.openWritable(folder, state.db, vaultId, keys, lock, options, {
        generation,
        contents,
        previousRecords: state.previousRecords,
      });
      // A compaction was cut short after its journal started: finish it before anything else.
      if (generation > state.snapshotGeneration)
        await vault.writeSnapshot(generation, vault.exportImage());
      else if (state.upgraded) vault.keepUpgrade();
      return vault;
    } catch (err) {
      state.db.close();
      throw err;
    }
  }

  /** Opens the journal and the commit state for appending, and records where they stand. */
  private static async openWritable(
    folder: string,
    db: WriteDb,
    vaultId: Buffer,
    keys: VaultKeys,
    lock: VaultLock,
    options: VaultOptions,
    at: {
      generation: bigint;
      contents: Parameters<typeof JournalWriter.open>[4];
      previousRecords: bigint;
    },
  ): Promise<Vault> {
    const journal = await JournalWriter.open(
      path.join(folder, journalFile(at.generation)),
      keys.journal,
      vaultId,
      at.generation,
      at.contents,
    );
    const state = await StateWriter.open(path.join(folder, STATE_FILE), keys.state, vaultId);
    const writable = { journal, state, lock, previousRecords: at.previousRecords };
    const vault = new Vault(folder, db, vaultId, keys, writable, options);
    await vault.recordState();
    return vault;
  }

  /**
   * Rebuilds a damaged vault from everything authentic (the previous generation and every
   * readable record) into a new generation. Damaged files are renamed, never deleted. Run only
   * after the user has confirmed.
   */
  static async repair(
    folder: string,
    secret: Secret,
    options: VaultOptions = {},
  ): Promise<{ vault: Vault; damage: DamageDetails[] }> {
    const { vaultId, keys } = await unlockFolder(folder, secret);
    const lock = await VaultLock.acquire(folder, options.lockOwner ?? newLockOwner());
    try {
      const state = await loadState(folder, vaultId, keys, 'salvage');
      const generations = await listGenerations(folder);
      const newest = [...generations.snapshots, ...generations.journals].reduce(
        (a, b) => (a > b ? a : b),
        state.commitState?.generation ?? 0n,
      );
      const image = state.db.export();
      state.db.close();
      // Files behind the commit state are evidence of a loss, not damage: they stay in place.
      for (const damaged of state.damage)
        if (damaged.kind !== 'behind' && damaged.file !== STATE_FILE)
          await setAside(folder, damaged.file);
      // Twice: the first becomes the previous generation, a sound backup beside the new one.
      await writeGeneration(folder, vaultId, keys, newest + 1n, image);
      await writeGeneration(folder, vaultId, keys, newest + 2n, image);
      const vault = await Vault.openLocked(folder, vaultId, keys, lock, options);
      return { vault, damage: state.damage };
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /**
   * Applies a change set and makes it durable; a set that fails `checkChangeSet` is refused
   * with INVALID_INPUT before anything is queued. If the journal cannot be written the database is
   * rolled back, so memory never holds an edit the disk does not.
   */
  commit(set: ChangeSet): Promise<void> {
    return this.commitGroup([set]);
  }

  /**
   * Applies several change sets in one step (a received bundle and its bookkeeping): all of
   * them or none, each journaled as applied. A received set's cells this version cannot apply
   * are held rather than refused (replay.ts).
   */
  commitGroup(sets: ChangeSet[]): Promise<void> {
    if (this.readOnly)
      return Promise.reject(new ApiError('VAULT_READ_ONLY', 'The vault is open read-only'));
    // Replay runs the same check: a set it would refuse is never acknowledged or journaled.
    let checked: ChangeSet[];
    try {
      // Received sets come checked by the same function (validateChangeSet, in core/sync's
      // receive): cells this version cannot apply are held there, not refused.
      checked = sets.map((set) => (set.received ? set : checkChangeSet(set)));
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ sets: checked, resolve, reject });
      if (this.pending.length === 1) this.chain = this.chain.then(() => this.flush());
    });
  }

  /** Resolves once every commit made so far is durable (or refused). */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Resolves once, besides every commit, the commit state written after them is on disk. */
  quiet(): Promise<void> {
    return this.chain.then(() => this.stateWrite);
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    const journal = this.writable?.journal;
    if (!journal) return;
    const accepted: PendingCommit[] = [];
    const journaled: ChangeSet[] = [];
    // Cached statements: parsing even BEGIN and COMMIT anew costs as much as applying a cell.
    run(this.writeDb, 'BEGIN');
    for (const item of batch) {
      // Each commit stands alone: one that fails to apply does not sink its neighbours.
      run(this.writeDb, 'SAVEPOINT change_set');
      try {
        // A group (a received bundle) refreshes each person's search document once, at its end.
        const search = item.sets.length > 1 ? new SearchRefresh() : undefined;
        const applied = item.sets.map((set) => applyJournalSet(this.writeDb, set, { search }));
        search?.run(this.writeDb);
        run(this.writeDb, 'RELEASE change_set');
        accepted.push(item);
        journaled.push(...applied);
      } catch (err) {
        run(this.writeDb, 'ROLLBACK TO change_set');
        run(this.writeDb, 'RELEASE change_set');
        item.reject(err);
      }
    }
    try {
      if (journaled.length > 0) await journal.append(journaled.map(encodeChangeSet));
    } catch (err) {
      run(this.writeDb, 'ROLLBACK');
      const failure = new ApiError(
        'STORAGE_FAILED',
        `Journal write failed (${classifyFsError(err)})`,
      );
      for (const item of accepted) item.reject(failure);
      return;
    }
    run(this.writeDb, 'COMMIT');
    for (const item of accepted) item.resolve();
    // After the acknowledgement, and beside the next flush: the state is at most a group commit
    // or two behind the journal, never ahead of it (it counts only records already synced).
    if (accepted.length > 0) this.queueState();
    this.compactIfDue(this.bulkWrites === 0 ? 1 : BULK_COMPACTION_FACTOR);
  }

  /**
   * Runs a bulk write, such as an import or a demo load, whose commits go through `commit` as
   * usual. The journal is compacted only past BULK_COMPACTION_FACTOR times the policy's limits
   * while it runs: each compaction rewrites the whole database, which a large import did a
   * dozen times over. Once it ends, one compaction follows if the journal is past the limits.
   */
  async bulk<T>(work: () => Promise<T>): Promise<T> {
    this.bulkWrites++;
    try {
      return await work();
    } finally {
      this.bulkWrites--;
      if (this.bulkWrites === 0) this.compactIfDue(1);
    }
  }

  /** Starts a compaction in the background when the journal is `factor` times past the limits. */
  private compactIfDue(factor: number): void {
    const journal = this.writable?.journal;
    if (
      journal &&
      (journal.recordCount >= this.compaction.maxRecords * factor ||
        journal.byteLength >= this.compaction.maxBytes * factor)
    ) {
      void this.compact().catch(() => undefined);
    }
  }

  /**
   * Writes the commit state for the current journal. A failed write leaves the previous state,
   * which is behind the journal, never ahead of it: the next unlock still opens, and the next
   * commit tries again.
   */
  private queueState(): Promise<void> {
    this.stateWrite = this.stateWrite.then(() => this.recordState());
    return this.stateWrite;
  }

  private async recordState(): Promise<void> {
    const { state, journal, previousRecords } = this.writable!;
    const next = {
      generation: journal.generation,
      records: BigInt(journal.recordCount),
      previousRecords,
    };
    const current = state.current;
    const same =
      current.generation === next.generation &&
      current.records === next.records &&
      current.previousRecords === next.previousRecords;
    if (!same) await state.write(next).catch(() => undefined);
  }

  /**
   * Writes a new snapshot generation and starts its empty journal. Commits continue meanwhile:
   * the switch to the new journal and the database export happen together between two
   * flushes, and only the encryption and write of the snapshot run in the background. If the
   * app stops before the snapshot is in place, the next unlock replays both journals.
   */
  compact(): Promise<void> {
    if (this.readOnly)
      return Promise.reject(new ApiError('VAULT_READ_ONLY', 'The vault is open read-only'));
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private async runCompaction(): Promise<void> {
    const writable = this.writable!;
    const current = writable.journal.generation;
    const next = current + 1n;
    const file = path.join(this.folder, journalFile(next));
    await writeVaultFile(this.folder, journalFile(next), journalPrefix(this.vaultId, next));
    const writer = await JournalWriter.open(file, this.keys.journal, this.vaultId, next, {
      goodLength: journalPrefix(this.vaultId, next).length,
      payloads: [],
    });
    const { old, image } = await this.exclusive(async () => {
      const old = writable.journal;
      writable.journal = writer;
      writable.previousRecords = BigInt(old.recordCount);
      const image = this.exportImage();
      await this.queueState();
      return { old, image };
    });
    await old.close();
    await this.writeSnapshot(next, image);
    await removeGenerationsBefore(this.folder, current);
  }

  /** Runs `work` on the chain, between flushes, and returns its result. */
  private exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private exportImage(): Uint8Array {
    const image = this.db.export();
    prepareDatabase(this.db);
    return image;
  }

  private async writeSnapshot(generation: bigint, image: Uint8Array): Promise<void> {
    await writeVaultFile(
      this.folder,
      snapshotFile(generation),
      snapshotPieces(this.keys.snapshot, this.vaultId, generation, image),
    );
  }

  /**
   * Replaces the passphrase slot; the data, the recovery key and the other files are untouched.
   * With `rotate`, the vault also moves to a new data key and a new recovery key (returned, to
   * be shown once): an old copy of the header, opened with the old passphrase or recovery key,
   * then opens nothing written from now on.
   */
  async changePassphrase(
    current: Secret,
    passphrase: string,
    kdf: KdfParams,
    { rotate = false } = {},
  ): Promise<{ recoveryKey: string | null }> {
    // A damaged vault is left exactly as found until the user repairs it.
    if (this.readOnly) throw new ApiError('VAULT_READ_ONLY', 'The vault is open read-only');
    checkNewPassphrase(passphrase);
    checkKdf(kdf);
    const file = await readVaultFile(this.folder, HEADER_FILE, headerMissing);
    const { header, dataKey } = await unlockHeader(file, current);
    try {
      if (!equalBytes(header.vaultId, this.vaultId))
        throw new ApiError('VAULT_CORRUPT', 'Header changed on disk');
      if (rotate) return { recoveryKey: await this.rotateKeys(passphrase, kdf) };
      await writeVaultFile(
        this.folder,
        HEADER_FILE,
        await withNewPassphrase(header, dataKey, passphrase, kdf),
      );
      return { recoveryKey: null };
    } finally {
      dataKey.fill(0);
    }
  }

  /** Writes the vault anew under a new data key (rotate.ts), between two flushes. */
  private async rotateKeys(passphrase: string, kdf: KdfParams): Promise<string> {
    const { header, keys, recoveryKey } = await newKeySet(this.vaultId, passphrase, kdf);
    await this.exclusive(async () => {
      await this.stateWrite;
      const writable = this.writable!;
      const generation = writable.journal.generation + 1n;
      await rotateFiles(this.folder, this.vaultId, keys, header, generation, this.exportImage());
      await writable.journal.close();
      await writable.state.close();
      for (const key of Object.values(this.keys)) key.fill(0);
      this.keys = keys;
      writable.journal = await JournalWriter.open(
        path.join(this.folder, journalFile(generation)),
        keys.journal,
        this.vaultId,
        generation,
        { goodLength: journalPrefix(this.vaultId, generation).length, payloads: [] },
      );
      writable.state = await StateWriter.open(
        path.join(this.folder, STATE_FILE),
        keys.state,
        this.vaultId,
      );
      writable.previousRecords = ROTATED;
    });
    return recoveryKey;
  }

  /**
   * Writes a complete copy of the vault (the same keys and passphrase) into an empty folder,
   * then reads it back and checks every byte decrypts to what was written.
   */
  async saveBackup(destination: string): Promise<{ bytes: number }> {
    await prepareFolder(destination);
    const header = await readVaultFile(this.folder, HEADER_FILE, headerMissing);
    const image = await this.exclusive(() => this.exportImage());
    await writeGeneration(destination, this.vaultId, this.keys, 1n, image);
    await writeVaultFile(destination, HEADER_FILE, header);
    await verifyCopy(destination, this.vaultId, this.keys, image);
    return { bytes: image.length };
  }

  /**
   * Restores a backup into an empty folder: the backup is read in full and verified first, and
   * is never written to (it may be on a stick that must stay as it is).
   */
  static async restore(
    source: string,
    destination: string,
    secret: Secret,
    options: VaultOptions = {},
  ): Promise<Vault> {
    const { vaultId, keys } = await unlockFolder(source, secret);
    const state = await loadState(source, vaultId, keys, 'strict');
    try {
      const header = await readVaultFile(
        source,
        HEADER_FILE,
        () => new ApiError('VAULT_NOT_FOUND', 'Backup header missing'),
      );
      await prepareFolder(destination);
      await writeGeneration(destination, vaultId, keys, 1n, state.db.export());
      await writeVaultFile(destination, HEADER_FILE, header);
    } finally {
      state.db.close();
    }
    return Vault.open(destination, secret, options);
  }

  /** Waits for every commit, closes the files, releases the folder and forgets the keys. */
  async close(): Promise<void> {
    await this.quiet();
    await this.compacting?.catch(() => undefined);
    const writable = this.writable;
    this.writable = null;
    if (writable) {
      await writable.journal.close();
      await writable.state.close();
      await writable.lock.release();
    }
    this.db.close();
    for (const key of Object.values(this.keys)) key.fill(0);
  }
}
