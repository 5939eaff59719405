import path from 'node:path';
import type { DamageDetails, Settings as UserSettings, VaultStatus } from '../api/schemas';
import { ApiError } from '../api/errors';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { HybridClock } from '../changes/hlc';
import { calibrateKdf } from '../vault/calibrate';
import type { KdfParams } from '../vault/crypto';
import type { Secret } from '../vault/secret';
import { Vault, type VaultOptions } from '../vault/vault';
import type { AuditState } from '../api/records';
import { needsSeed, seedChangeSet } from '../model/seed';
import { verifyAuditChain } from './history';
import { loadSettings, saveSettings, type Settings } from './settings';

const UNDO_DEPTH = 50;

export interface SessionOptions {
  dataDir: string;
  /** Only tests and benchmarks fix the KDF cost; the app calibrates it on the user's machine. */
  kdf?: KdfParams;
  vault?: VaultOptions;
}

/** The secret fields every unlocking method takes, turned into one value. */
export function secretOf(args: { passphrase?: string; recoveryKey?: string }): Secret {
  return args.passphrase !== undefined
    ? { passphrase: args.passphrase }
    : { recoveryKey: args.recoveryKey ?? '' };
}

/**
 * What one core worker holds: at most one unlocked vault and the clock that stamps its edits.
 * Every mutation becomes a change set committed through the vault's single write path.
 */
export class CoreSession {
  private vault: Vault | null = null;
  private clock: HybridClock | null = null;
  /** Change sets of this unlock, newest last; locking forgets them with everything else. */
  private undoable: ChangeSet[] = [];
  private audit: AuditState = { state: 'checking', entries: 0, firstBadEntry: null };

  private constructor(
    private readonly options: SessionOptions,
    private settings: Settings,
  ) {}

  static async start(options: SessionOptions): Promise<CoreSession> {
    return new CoreSession(options, await loadSettings(options.dataDir));
  }

  status(): VaultStatus {
    return {
      state: this.vault ? 'unlocked' : this.settings.lastVaultFolder ? 'locked' : 'none',
      readOnly: this.vault?.readOnly ?? false,
      folder: this.vault?.folder ?? this.settings.lastVaultFolder,
      defaultFolder: path.join(this.options.dataDir, 'vault'),
      installId: this.settings.installId,
    };
  }

  async createVault(
    folder: string,
    passphrase: string,
  ): Promise<VaultStatus & { recoveryKey: string }> {
    await this.lock();
    const absolute = path.resolve(folder);
    const kdf = await this.kdf();
    const { vault, recoveryKey } = await Vault.create(
      absolute,
      passphrase,
      kdf,
      this.options.vault,
    );
    await this.attach(vault);
    return { ...this.status(), recoveryKey };
  }

  async unlockVault(folder: string, secret: Secret, readOnly: boolean): Promise<VaultStatus> {
    await this.lock();
    await this.attach(
      await Vault.open(path.resolve(folder), secret, { ...this.options.vault, readOnly }),
    );
    return this.status();
  }

  async repairVault(
    folder: string,
    secret: Secret,
  ): Promise<{ status: VaultStatus; damage: DamageDetails[] }> {
    await this.lock();
    const { vault, damage } = await Vault.repair(path.resolve(folder), secret, this.options.vault);
    await this.attach(vault);
    return { status: this.status(), damage };
  }

  async restoreBackup(source: string, folder: string, secret: Secret): Promise<VaultStatus> {
    await this.lock();
    await this.attach(
      await Vault.restore(path.resolve(source), path.resolve(folder), secret, this.options.vault),
    );
    return this.status();
  }

  async changePassphrase(current: Secret, newPassphrase: string): Promise<VaultStatus> {
    await this.requireVault().changePassphrase(current, newPassphrase, await this.kdf());
    return this.status();
  }

  async saveBackup(folder: string): Promise<{ folder: string; bytes: number }> {
    const absolute = path.resolve(folder);
    const { bytes } = await this.requireVault().saveBackup(absolute);
    return { folder: absolute, bytes };
  }

  async lock(): Promise<VaultStatus> {
    const vault = this.vault;
    this.vault = null;
    this.clock = null;
    this.undoable = [];
    await vault?.close();
    return this.status();
  }

  auditState(): AuditState {
    return this.audit;
  }

  /** Runs in the background after unlock: a large vault's chain takes a while to recompute. */
  private checkAudit(vault: Vault): void {
    this.audit = { state: 'checking', entries: 0, firstBadEntry: null };
    void verifyAuditChain(vault.db).then(
      (result) => {
        if (this.vault !== vault) return;
        this.audit = {
          state: result.intact ? 'intact' : 'broken',
          entries: result.entries,
          firstBadEntry: result.firstBadEntry,
        };
      },
      () => {
        if (this.vault === vault) this.audit = { state: 'broken', entries: 0, firstBadEntry: null };
      },
    );
  }

  userSettings(): UserSettings {
    return { autoLockMinutes: this.settings.autoLockMinutes };
  }

  async updateUserSettings(changes: Partial<UserSettings>): Promise<UserSettings> {
    this.settings = { ...this.settings, ...changes };
    await saveSettings(this.options.dataDir, this.settings);
    return this.userSettings();
  }

  /** The unlocked vault, after every commit already made is durable: reads never see less. */
  async readVault(): Promise<Vault> {
    const vault = this.requireVault();
    await vault.settled();
    return vault;
  }

  /** Stamps cells with one clock time and commits them as one change set. */
  async commit(cells: Cell[], { undoable = true } = {}): Promise<ChangeSet> {
    const vault = this.requireVault();
    if (!this.clock) throw new ApiError('VAULT_LOCKED', 'The vault is locked');
    const set: ChangeSet = { v: 1, hlc: this.clock.tick(), author: this.settings.installId, cells };
    await vault.commit(set);
    if (undoable) this.undoable = [...this.undoable.slice(-(UNDO_DEPTH - 1)), set];
    return set;
  }

  /** The newest change set of this session that can still be undone, taken off the list. */
  takeUndoable(): ChangeSet | null {
    return this.undoable.pop() ?? null;
  }

  private requireVault(): Vault {
    if (!this.vault) throw new ApiError('VAULT_LOCKED', 'The vault is locked');
    return this.vault;
  }

  private kdf(): Promise<KdfParams> {
    return this.options.kdf ? Promise.resolve(this.options.kdf) : calibrateKdf();
  }

  private async attach(vault: Vault): Promise<void> {
    const clock = new HybridClock(this.settings.installId);
    const latest = vault.latestHlc();
    if (latest) clock.observe(latest);
    this.vault = vault;
    this.clock = clock;
    vault.refreshSearchIndex();
    if (!vault.readOnly && needsSeed(vault.db)) await vault.commit(seedChangeSet());
    this.checkAudit(vault);
    this.settings = { ...this.settings, lastVaultFolder: vault.folder };
    await saveSettings(this.options.dataDir, this.settings);
  }
}
