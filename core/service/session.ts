import path from 'node:path';
import type {
  DamageDetails,
  Settings as UserSettings,
  CoreVaultStatus as VaultStatus,
} from '../api/schemas';
import { ApiError } from '../api/errors';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { HybridClock, MAX_DRIFT_MS } from '../changes/hlc';
import { calibrateKdf } from '../vault/calibrate';
import type { KdfParams } from '../vault/crypto';
import type { Secret } from '../vault/secret';
import { Vault, type VaultOptions } from '../vault/vault';
import type { AuditState } from '../api/records';
import { needsSeed, seedChangeSet } from '../model/seed';
import { verifyAuditChain } from './history';
import type { PrintPdf } from '../api/print';
import { defaultFontDir } from '../reports/fonts';
import type { ReportDeps } from '../reports/types';
import { loadSettings, saveSettings, type Settings } from './settings';
import { warmStatsModel, type Warmup, type WarmupEnd } from '../stats/warm';

const UNDO_DEPTH = 50;

const CHECKING: AuditState = {
  state: 'checking',
  entries: 0,
  firstBadEntry: null,
  previousGeneration: [],
};

export interface SessionOptions {
  dataDir: string;
  /** Only tests and benchmarks fix the KDF cost; the app calibrates it on the user's machine. */
  kdf?: KdfParams;
  vault?: VaultOptions;
  /** How reports are printed and with which font files (see core/reports/produce.ts). */
  reports?: { printPdf?: PrintPdf; fontDir?: string };
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
  private audit: AuditState = CHECKING;
  /** The figure model being read in the background since unlock. */
  private warmup: Warmup | null = null;

  private constructor(
    private readonly options: SessionOptions,
    private settings: Settings,
  ) {}

  static async start(options: SessionOptions): Promise<CoreSession> {
    return new CoreSession(options, await loadSettings(options.dataDir));
  }

  /** What reports need from outside the vault: the host's PDF engine, the font, today. */
  reportDeps(): ReportDeps {
    const reports = this.options.reports;
    return {
      printPdf: reports?.printPdf,
      fontDir: reports?.fontDir ?? defaultFontDir(),
      today: () => localDate(new Date()),
    };
  }

  status(): VaultStatus {
    return {
      state: this.vault ? 'unlocked' : this.settings.lastVaultFolder ? 'locked' : 'none',
      readOnly: this.vault?.readOnly ?? false,
      folder: this.vault?.folder ?? this.settings.lastVaultFolder,
      installId: this.settings.installId,
    };
  }

  async createVault(
    folder: string,
    passphrase: string,
  ): Promise<VaultStatus & { recoveryKey: string }> {
    const absolute = path.resolve(folder);
    const kdf = await this.kdf();
    const { recoveryKey } = await this.switchTo(() =>
      Vault.create(absolute, passphrase, kdf, this.options.vault),
    );
    return { ...this.status(), recoveryKey };
  }

  async unlockVault(folder: string, secret: Secret, readOnly: boolean): Promise<VaultStatus> {
    const absolute = path.resolve(folder);
    await this.closeIfOpen(absolute);
    await this.switchTo(async () => ({
      vault: await Vault.open(absolute, secret, { ...this.options.vault, readOnly }),
    }));
    return this.status();
  }

  async repairVault(
    folder: string,
    secret: Secret,
  ): Promise<{ status: VaultStatus; damage: DamageDetails[] }> {
    const absolute = path.resolve(folder);
    await this.closeIfOpen(absolute);
    const { damage } = await this.switchTo(() =>
      Vault.repair(absolute, secret, this.options.vault),
    );
    return { status: this.status(), damage };
  }

  async restoreBackup(source: string, folder: string, secret: Secret): Promise<VaultStatus> {
    await this.switchTo(async () => ({
      vault: await Vault.restore(
        path.resolve(source),
        path.resolve(folder),
        secret,
        this.options.vault,
      ),
    }));
    return this.status();
  }

  async changePassphrase(
    current: Secret,
    newPassphrase: string,
    options: { rotate: boolean },
  ): Promise<VaultStatus & { recoveryKey: string | null }> {
    const vault = this.requireVault();
    const { recoveryKey } = await vault.changePassphrase(
      current,
      newPassphrase,
      await this.kdf(),
      options,
    );
    return { ...this.status(), recoveryKey };
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
    this.warmup?.stop();
    this.warmup = null;
    await vault?.close();
    return this.status();
  }

  auditState(): AuditState {
    return this.audit;
  }

  /**
   * Runs in the background after unlock: a large vault's chain takes a while to recompute, and
   * the previous generation is read in full to prove the fallback copy still opens.
   */
  private checkAudit(vault: Vault): void {
    this.audit = CHECKING;
    void Promise.all([verifyAuditChain(vault.db), vault.previousGeneration]).then(
      ([result, previousGeneration]) => {
        if (this.vault !== vault) return;
        this.audit = {
          state: result.intact ? 'intact' : 'broken',
          entries: result.entries,
          firstBadEntry: result.firstBadEntry,
          previousGeneration,
        };
      },
      () => {
        if (this.vault === vault) this.audit = { ...CHECKING, state: 'broken' };
      },
    );
  }

  /** Settles when the figure model read after unlock is cached, or was stopped by a lock. */
  figuresWarm(): Promise<WarmupEnd> {
    return this.warmup?.done ?? Promise.resolve('stopped');
  }

  userSettings(): UserSettings {
    return { autoLockMinutes: this.settings.autoLockMinutes, language: this.settings.language };
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

  /**
   * Commits groups of cells as change sets of one step, all or none (a change set's size is
   * bounded by the journal, so a large undo needs several). Not undoable with "undo last change".
   */
  async commitAll(groups: Cell[][]): Promise<ChangeSet[]> {
    const vault = this.requireVault();
    const clock = this.clock;
    if (!clock) throw new ApiError('VAULT_LOCKED', 'The vault is locked');
    const sets = groups
      .filter((cells) => cells.length > 0)
      .map((cells): ChangeSet => ({
        v: 1,
        hlc: clock.tick(),
        author: this.settings.installId,
        cells,
      }));
    if (sets.length > 0) await vault.commitGroup(sets);
    return sets;
  }

  /** Runs many commits as one bulk write: the vault is not compacted until it ends. */
  bulk<T>(work: () => Promise<T>): Promise<T> {
    return this.requireVault().bulk(work);
  }

  get installId(): string {
    return this.settings.installId;
  }

  /**
   * Commits cells of this installation together with sets received from a colleague, in one
   * step, then moves the clock past the received timestamps; one more than a day ahead of this
   * computer's clock never moves it (observeLatest).
   */
  async commitReceived(cells: Cell[], received: ChangeSet[]): Promise<void> {
    const vault = this.requireVault();
    const clock = this.clock;
    if (!clock) throw new ApiError('VAULT_LOCKED', 'The vault is locked');
    const own: ChangeSet[] =
      cells.length > 0 ? [{ v: 1, hlc: clock.tick(), author: this.settings.installId, cells }] : [];
    await vault.commitGroup([...own, ...received]);
    for (const set of received) observeLatest(clock, set.hlc);
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

  /** One folder is never open twice: reopening the open vault closes it first. */
  private async closeIfOpen(folder: string): Promise<void> {
    if (this.vault?.folder === folder) await this.lock();
  }

  /**
   * Opens the next vault before closing the one that is open, so a wrong passphrase or a
   * refused folder leaves the open vault as it was.
   */
  private async switchTo<T extends { vault: Vault }>(open: () => Promise<T>): Promise<T> {
    const opened = await open();
    try {
      await this.lock();
    } catch (err) {
      await opened.vault.close();
      throw err;
    }
    await this.attach(opened.vault);
    return opened;
  }

  private async attach(vault: Vault): Promise<void> {
    const clock = new HybridClock(this.settings.installId);
    observeLatest(clock, vault.latestHlc(Date.now() + MAX_DRIFT_MS));
    this.vault = vault;
    this.clock = clock;
    vault.refreshSearchIndex();
    if (!vault.readOnly && needsSeed(vault.db)) await vault.commit(seedChangeSet());
    this.checkAudit(vault);
    this.settings = { ...this.settings, lastVaultFolder: vault.folder };
    await saveSettings(this.options.dataDir, this.settings);
    // Last, with nothing left to wait for: calls already queued behind the unlock go first.
    this.warmup = warmStatsModel(vault.db, () => vault.settled());
  }
}

/**
 * The clock is set past the vault's newest timestamp once, on unlock; it ticks for each commit
 * of this session and observes nothing else. If that timestamp is more than a day ahead of this
 * computer's clock (a wrong clock here or at the colleague who wrote it), the vault still
 * opens and the clock stays at local time. What that means for ordering: new edits sort before
 * the far-future change set, so a field it wrote keeps its value against edits made here until
 * this computer's clock passes that time; every other field takes new edits as usual.
 */
function observeLatest(clock: HybridClock, latest: string | null): void {
  if (!latest) return;
  try {
    clock.observe(latest);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'CLOCK_AHEAD') throw err;
  }
}

/** YYYY-MM-DD of the computer's own day, which is what a researcher calls today. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
