import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { DamageDetails } from '../api/schemas';
import { applyChanges } from '../db/apply';
import { writableDb, type ReadDb, type WriteDb } from '../db/handle';
import { encodeChangeSet, type ChangeSet } from '../changes/changeSet';
import { prepareDatabase } from '../db/prepare';
import { ensureSearchIndex } from '../db/searchIndex';
import { migrate } from '../db/schema';
import { run } from '../db/statements';
import { loadSqlJs } from '../db/sqlite';
import { writeFileAtomic } from './atomicFile';
import {
  DEFAULT_KDF,
  equalBytes,
  hmac,
  randomBytes,
  randomKey,
  subkey,
  type KdfParams,
} from './crypto';
import { classifyFsError } from './fsErrors';
import {
  decodeHeader,
  encodeHeader,
  FORMAT_VERSION,
  makeSlot,
  unlockHeader,
  VAULT_ID_BYTES,
  withNewPassphrase,
} from './header';
import { decodeJournal, journalPrefix, JournalWriter } from './journal';
import { HEADER_FILE, journalFile, listGenerations, snapshotFile } from './layout';
import { loadState, type VaultKeys } from './load';
import { newRecoveryKey, type Secret } from './secret';
import { decodeSnapshot, encodeSnapshot } from './snapshot';

/** When the journal passes either limit, a background compaction writes a new snapshot. */
export interface CompactionPolicy {
  maxRecords: number;
  maxBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxRecords: 20_000,
  maxBytes: 32 * 1024 * 1024,
};

function deriveKeys(dataKey: Buffer, vaultId: Buffer): VaultKeys {
  return {
    header: subkey(dataKey, vaultId, 'header'),
    snapshot: subkey(dataKey, vaultId, 'snapshot'),
    journal: subkey(dataKey, vaultId, 'journal'),
  };
}

interface PendingCommit {
  set: ChangeSet;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface VaultOptions {
  compaction?: CompactionPolicy;
}

/**
 * An unlocked vault: the decrypted database in memory, and the journal that makes each commit
 * durable. Commits that arrive while a sync is in flight are grouped into the next one; each is
 * acknowledged only once its record is on disk. A read-only vault (opened past damage) refuses
 * every commit and writes nothing.
 */
export class Vault {
  private pending: PendingCommit[] = [];
  /** Flushes, compaction switches and backups run one after another on this chain. */
  private chain: Promise<void> = Promise.resolve();
  private compacting: Promise<void> | null = null;
  private readonly compaction: CompactionPolicy;
  /** What every reader gets; the write path below uses `writeDb`, the same database. */
  readonly db: ReadDb;

  private constructor(
    readonly folder: string,
    private readonly writeDb: WriteDb,
    private readonly vaultId: Buffer,
    private readonly keys: VaultKeys,
    private journal: JournalWriter | null,
    options: VaultOptions,
  ) {
    this.compaction = options.compaction ?? DEFAULT_COMPACTION;
    this.db = writeDb;
    prepareDatabase(writeDb);
  }

  get readOnly(): boolean {
    return this.journal === null;
  }

  get generation(): bigint | null {
    return this.journal?.generation ?? null;
  }

  /** Rebuilds the derived search index when it was built by other rules (or never). */
  refreshSearchIndex(): void {
    ensureSearchIndex(this.writeDb);
  }

  /** The newest change timestamp in the vault, so the clock can move past it. */
  latestHlc(): string | null {
    const latest = this.db.exec('SELECT max(hlc) FROM hlcs')[0]?.values[0]?.[0];
    return typeof latest === 'string' ? latest : null;
  }

  /** Creates a vault; returns it with the recovery key, which exists nowhere else. */
  static async create(
    folder: string,
    passphrase: string,
    kdf: KdfParams = DEFAULT_KDF,
    options: VaultOptions = {},
  ): Promise<{ vault: Vault; recoveryKey: string }> {
    if (passphrase.length === 0) throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
    await prepareFolder(folder);
    const vaultId = randomBytes(VAULT_ID_BYTES);
    const dataKey = randomKey();
    const recovery = newRecoveryKey();
    const slots = [
      await makeSlot(vaultId, dataKey, { passphrase }, kdf),
      await makeSlot(vaultId, dataKey, { recoveryKey: recovery.words }, kdf),
    ];
    recovery.entropy.fill(0);
    const header = encodeHeader({ version: FORMAT_VERSION, vaultId, slots }, dataKey);
    const keys = deriveKeys(dataKey, vaultId);
    dataKey.fill(0);

    const SQL = await loadSqlJs();
    const db = writableDb(new SQL.Database());
    migrate(db);
    await writeGeneration(folder, vaultId, keys, 1n, db.export());
    // The header goes last: until it exists, the folder does not hold a vault.
    await writeVaultFile(folder, HEADER_FILE, header);
    const journal = await JournalWriter.open(
      path.join(folder, journalFile(1n)),
      keys.journal,
      vaultId,
      1n,
      {
        goodLength: journalPrefix(vaultId, 1n).length,
        payloads: [],
      },
    );
    return {
      vault: new Vault(folder, db, vaultId, keys, journal, options),
      recoveryKey: recovery.words,
    };
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
    const state = await loadState(folder, vaultId, keys, options.readOnly ? 'salvage' : 'strict');
    if (options.readOnly || !state.journal) {
      return new Vault(folder, state.db, vaultId, keys, null, options);
    }
    const { generation, contents } = state.journal;
    const journal = await JournalWriter.open(
      path.join(folder, journalFile(generation)),
      keys.journal,
      vaultId,
      generation,
      contents,
    );
    const vault = new Vault(folder, state.db, vaultId, keys, journal, options);
    // A compaction was cut short after its journal started: finish it before anything else.
    if (generation > state.snapshotGeneration)
      await vault.writeSnapshot(generation, vault.exportImage());
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
    const state = await loadState(folder, vaultId, keys, 'salvage');
    const generations = await listGenerations(folder);
    const newest = [...generations.snapshots, ...generations.journals].reduce(
      (a, b) => (a > b ? a : b),
      0n,
    );
    const next = newest + 1n;
    const image = state.db.export();
    await writeGeneration(folder, vaultId, keys, next, image);
    for (const damaged of state.damage) await setAside(folder, damaged.file);
    state.db.close();
    const vault = await Vault.open(folder, secret, options);
    return { vault, damage: state.damage };
  }

  /**
   * Applies a change set and makes it durable. If the journal cannot be written the database is
   * rolled back, so memory never holds an edit the disk does not.
   */
  commit(set: ChangeSet): Promise<void> {
    if (this.readOnly)
      return Promise.reject(new ApiError('VAULT_READ_ONLY', 'The vault is open read-only'));
    return new Promise((resolve, reject) => {
      this.pending.push({ set, resolve, reject });
      if (this.pending.length === 1) this.chain = this.chain.then(() => this.flush());
    });
  }

  /** Resolves once every commit made so far is durable (or refused). */
  settled(): Promise<void> {
    return this.chain;
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    const journal = this.journal;
    if (!journal) return;
    const accepted: PendingCommit[] = [];
    // Cached statements: parsing even BEGIN and COMMIT anew costs as much as applying a cell.
    run(this.writeDb, 'BEGIN');
    for (const item of batch) {
      // Each change set stands alone: one that fails to apply does not sink its neighbours.
      run(this.writeDb, 'SAVEPOINT change_set');
      try {
        applyChanges(this.writeDb, item.set);
        run(this.writeDb, 'RELEASE change_set');
        accepted.push(item);
      } catch (err) {
        run(this.writeDb, 'ROLLBACK TO change_set');
        run(this.writeDb, 'RELEASE change_set');
        item.reject(err);
      }
    }
    try {
      if (accepted.length > 0)
        await journal.append(accepted.map((item) => encodeChangeSet(item.set)));
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
    if (
      journal.recordCount >= this.compaction.maxRecords ||
      journal.byteLength >= this.compaction.maxBytes
    ) {
      void this.compact().catch(() => undefined);
    }
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
    const current = this.journal!.generation;
    const next = current + 1n;
    const file = path.join(this.folder, journalFile(next));
    await writeVaultFile(this.folder, journalFile(next), journalPrefix(this.vaultId, next));
    const writer = await JournalWriter.open(file, this.keys.journal, this.vaultId, next, {
      goodLength: journalPrefix(this.vaultId, next).length,
      payloads: [],
    });
    const switched = this.exclusive(() => {
      const old = this.journal!;
      this.journal = writer;
      return { old, image: this.exportImage() };
    });
    const { old, image } = await switched;
    await old.close();
    await this.writeSnapshot(next, image);
    await removeGenerationsBefore(this.folder, current);
  }

  /** Runs `work` on the chain, between flushes, and returns its result. */
  private exclusive<T>(work: () => T): Promise<T> {
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
      encodeSnapshot(this.keys.snapshot, this.vaultId, generation, image),
    );
  }

  /** Replaces the passphrase slot; the data, the recovery key and the other files are untouched. */
  async changePassphrase(current: Secret, passphrase: string, kdf: KdfParams): Promise<void> {
    // A damaged vault is left exactly as found until the user repairs it.
    if (this.readOnly) throw new ApiError('VAULT_READ_ONLY', 'The vault is open read-only');
    // A damaged vault is left exactly as found until the user repairs it.
    if (this.readOnly) throw new ApiError('VAULT_READ_ONLY', 'The vault is open read-only');
    if (passphrase.length === 0) throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
    const file = await readVaultFile(this.folder, HEADER_FILE, 'VAULT_CORRUPT');
    const { header, dataKey } = await unlockHeader(file, current);
    try {
      if (!equalBytes(header.vaultId, this.vaultId))
        throw new ApiError('VAULT_CORRUPT', 'Header changed on disk');
      await writeVaultFile(
        this.folder,
        HEADER_FILE,
        await withNewPassphrase(header, dataKey, passphrase, kdf),
      );
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * Writes a complete copy of the vault (the same keys and passphrase) into an empty folder,
   * then reads it back and checks every byte decrypts to what was written.
   */
  async saveBackup(destination: string): Promise<{ bytes: number }> {
    await prepareFolder(destination);
    const header = await readVaultFile(this.folder, HEADER_FILE, 'VAULT_CORRUPT');
    const image = await this.exclusive(() => this.exportImage());
    await writeGeneration(destination, this.vaultId, this.keys, 1n, image);
    await writeVaultFile(destination, HEADER_FILE, header);
    await verifyCopy(destination, this.vaultId, this.keys, image).catch(async (err: unknown) => {
      await removeVaultFiles(destination);
      throw err;
    });
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
      const header = await readVaultFile(source, HEADER_FILE, 'VAULT_NOT_FOUND');
      await prepareFolder(destination);
      await writeGeneration(destination, vaultId, keys, 1n, state.db.export());
      await writeVaultFile(destination, HEADER_FILE, header);
    } finally {
      state.db.close();
    }
    return Vault.open(destination, secret, options);
  }

  async close(): Promise<void> {
    await this.chain;
    await this.compacting?.catch(() => undefined);
    await this.journal?.close();
    this.db.close();
  }
}

async function unlockFolder(
  folder: string,
  secret: Secret,
): Promise<{ vaultId: Buffer; keys: VaultKeys }> {
  if ('passphrase' in secret && secret.passphrase.length === 0) {
    throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
  }
  const headerFile = await readVaultFile(folder, HEADER_FILE, 'VAULT_NOT_FOUND');
  const { header, dataKey } = await unlockHeader(headerFile, secret);
  const keys = deriveKeys(dataKey, header.vaultId);
  dataKey.fill(0);
  return { vaultId: header.vaultId, keys };
}

/** The journal first, then the snapshot that makes the generation current. */
async function writeGeneration(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  generation: bigint,
  image: Uint8Array,
): Promise<void> {
  await writeVaultFile(folder, journalFile(generation), journalPrefix(vaultId, generation));
  await writeVaultFile(
    folder,
    snapshotFile(generation),
    encodeSnapshot(keys.snapshot, vaultId, generation, image),
  );
}

async function verifyCopy(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  image: Uint8Array,
): Promise<void> {
  const failed = () =>
    new ApiError('BACKUP_VERIFY_FAILED', 'The copy does not read back as written');
  try {
    const { header, body, mac } = decodeHeader(await fs.readFile(path.join(folder, HEADER_FILE)));
    if (!equalBytes(header.vaultId, vaultId) || !equalBytes(hmac(keys.header, body), mac))
      throw failed();
    const snapshot = decodeSnapshot(
      keys.snapshot,
      vaultId,
      await fs.readFile(path.join(folder, snapshotFile(1n))),
    );
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
    if (!equalBytes(sha(snapshot.database), sha(image))) throw failed();
    const journal = decodeJournal(
      keys.journal,
      vaultId,
      1n,
      await fs.readFile(path.join(folder, journalFile(1n))),
    );
    if (journal.damage || journal.payloads.length > 0) throw failed();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BACKUP_VERIFY_FAILED') throw err;
    throw failed();
  }
}

async function prepareFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (err) {
    throw new ApiError('FOLDER_NOT_WRITABLE', `Cannot create folder (${classifyFsError(err)})`);
  }
  const exists = await fs
    .access(path.join(folder, HEADER_FILE))
    .then(() => true)
    .catch(() => false);
  if (exists) throw new ApiError('VAULT_EXISTS', 'The folder already holds a vault');
}

/** Generations older than `keep` are superseded twice over: the previous one stays as backup. */
async function removeGenerationsBefore(folder: string, keep: bigint): Promise<void> {
  const { snapshots, journals } = await listGenerations(folder);
  for (const generation of snapshots.filter((g) => g < keep))
    await fs.rm(path.join(folder, snapshotFile(generation)), { force: true });
  for (const generation of journals.filter((g) => g < keep))
    await fs.rm(path.join(folder, journalFile(generation)), { force: true });
}

async function removeVaultFiles(folder: string): Promise<void> {
  await fs.rm(path.join(folder, HEADER_FILE), { force: true });
  await removeGenerationsBefore(folder, BigInt(Number.MAX_SAFE_INTEGER));
}

/** Keeps a damaged file for inspection under a name no loader reads. */
async function setAside(folder: string, name: string): Promise<void> {
  const from = path.join(folder, name);
  await fs.rename(from, `${from}.damaged-${Date.now()}`).catch((err: unknown) => {
    if (classifyFsError(err) !== 'ENOENT') throw err;
  });
}

async function writeVaultFile(folder: string, name: string, data: Buffer): Promise<void> {
  try {
    await writeFileAtomic(path.join(folder, name), data);
  } catch (err) {
    const kind = classifyFsError(err);
    const code = kind === 'ENOSPC' || kind === 'EIO' ? 'STORAGE_FAILED' : 'FOLDER_NOT_WRITABLE';
    throw new ApiError(code, `Cannot write vault file (${kind})`);
  }
}

async function readVaultFile(
  folder: string,
  name: string,
  missing: 'VAULT_NOT_FOUND' | 'VAULT_CORRUPT',
): Promise<Buffer> {
  try {
    return await fs.readFile(path.join(folder, name));
  } catch (err) {
    const kind = classifyFsError(err);
    if (kind === 'ENOENT' || kind === 'ENOTDIR')
      throw new ApiError(missing, `Vault file missing: ${name}`);
    throw new ApiError('STORAGE_FAILED', `Cannot read vault file (${kind})`);
  }
}
