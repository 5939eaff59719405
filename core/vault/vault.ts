import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { ApiError } from '../api/errors';
import { applyChanges } from '../changes/apply';
import { decodeChangeSet, encodeChangeSet, type ChangeSet } from '../changes/changeSet';
import { migrate } from '../db/schema';
import { loadSqlJs } from '../db/sqlite';
import { writeFileAtomic } from './atomicFile';
import { DEFAULT_KDF, randomBytes, randomKey, subkey, type KdfParams } from './crypto';
import {
  encodeHeader,
  FORMAT_VERSION,
  makePassphraseSlot,
  unlockHeader,
  VAULT_ID_BYTES,
} from './header';
import { decodeJournal, journalPrefix, JournalWriter } from './journal';
import { decodeSnapshot, encodeSnapshot } from './snapshot';
import { classifyFsError } from './fsErrors';

export const VAULT_FILES = {
  header: 'vault.vgh',
  snapshot: 'snapshot.vgs',
  journal: 'journal.vgj',
} as const;

interface Keys {
  snapshot: Buffer;
  journal: Buffer;
}

function deriveKeys(dataKey: Buffer, vaultId: Buffer): Keys {
  return {
    snapshot: subkey(dataKey, vaultId, 'snapshot'),
    journal: subkey(dataKey, vaultId, 'journal'),
  };
}

/**
 * An unlocked vault: the decrypted database in memory, and the journal that makes each commit
 * durable. Commits run one at a time; each is acknowledged only once its record is on disk.
 */
export class Vault {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly folder: string,
    readonly db: Database,
    private readonly journal: JournalWriter,
    /** The newest change timestamp in the vault, so the clock can move past it. */
    readonly latestHlc: string | null,
  ) {}

  static async create(
    folder: string,
    passphrase: string,
    kdf: KdfParams = DEFAULT_KDF,
  ): Promise<Vault> {
    if (passphrase.length === 0) throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
    await prepareFolder(folder);
    const vaultId = randomBytes(VAULT_ID_BYTES);
    const dataKey = randomKey();
    const keys = deriveKeys(dataKey, vaultId);
    const slot = await makePassphraseSlot(vaultId, dataKey, passphrase, kdf);
    const header = encodeHeader({ version: FORMAT_VERSION, vaultId, slots: [slot] }, dataKey);
    dataKey.fill(0);

    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    migrate(db);
    const generation = 1n;
    await writeVaultFile(
      folder,
      VAULT_FILES.snapshot,
      encodeSnapshot(keys.snapshot, vaultId, generation, db.export()),
    );
    await writeVaultFile(folder, VAULT_FILES.journal, journalPrefix(vaultId, generation));
    // The header goes last: until it exists, the folder does not hold a vault.
    await writeVaultFile(folder, VAULT_FILES.header, header);
    const journal = await JournalWriter.open(
      path.join(folder, VAULT_FILES.journal),
      keys.journal,
      vaultId,
      generation,
      { goodLength: journalPrefix(vaultId, generation).length, payloads: [] },
    );
    return new Vault(folder, db, journal, null);
  }

  static async open(folder: string, passphrase: string): Promise<Vault> {
    if (passphrase.length === 0) throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
    const headerFile = await readVaultFile(folder, VAULT_FILES.header, 'VAULT_NOT_FOUND');
    const { header, dataKey } = await unlockHeader(headerFile, passphrase);
    const keys = deriveKeys(dataKey, header.vaultId);
    dataKey.fill(0);

    const snapshotFile = await readVaultFile(folder, VAULT_FILES.snapshot, 'VAULT_CORRUPT');
    const snapshot = decodeSnapshot(keys.snapshot, header.vaultId, snapshotFile);
    const journalFile = await readVaultFile(folder, VAULT_FILES.journal, 'VAULT_CORRUPT');
    const contents = decodeJournal(keys.journal, header.vaultId, journalFile);
    if (contents.generation !== snapshot.generation) {
      throw new ApiError('VAULT_CORRUPT', 'Journal and snapshot generations differ');
    }

    const SQL = await loadSqlJs();
    // sql.js keeps this buffer as its in-memory file, so it must not be wiped here; it dies
    // with the worker on lock.
    const db = new SQL.Database(snapshot.database);
    migrate(db);
    for (const payload of contents.payloads) {
      const set = decodeChangeSet(payload);
      if (!set) throw new ApiError('VAULT_CORRUPT', 'Journal record is not a change set');
      inTransaction(db, () => applyChanges(db, set));
    }
    const journal = await JournalWriter.open(
      path.join(folder, VAULT_FILES.journal),
      keys.journal,
      header.vaultId,
      contents.generation,
      contents,
    );
    const latest = db.exec('SELECT max(hlc) FROM field_clock')[0]?.values[0]?.[0];
    return new Vault(folder, db, journal, typeof latest === 'string' ? latest : null);
  }

  /**
   * Applies a change set and makes it durable. If the journal cannot be written the database is
   * rolled back, so memory never holds an edit the disk does not.
   */
  commit(set: ChangeSet): Promise<void> {
    const run = this.queue.then(async () => {
      this.db.exec('BEGIN');
      try {
        applyChanges(this.db, set);
        await this.journal.append(encodeChangeSet(set)).catch((err: unknown) => {
          throw new ApiError('STORAGE_FAILED', `Journal write failed (${classifyFsError(err)})`);
        });
        this.db.exec('COMMIT');
      } catch (err) {
        this.db.exec('ROLLBACK');
        throw err;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.journal.close();
    this.db.close();
  }
}

function inTransaction(db: Database, work: () => void): void {
  db.exec('BEGIN');
  try {
    work();
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

async function prepareFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (err) {
    throw new ApiError('FOLDER_NOT_WRITABLE', `Cannot create folder (${classifyFsError(err)})`);
  }
  const exists = await fs
    .access(path.join(folder, VAULT_FILES.header))
    .then(() => true)
    .catch(() => false);
  if (exists) throw new ApiError('VAULT_EXISTS', 'The folder already holds a vault');
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
