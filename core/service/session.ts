import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../api/errors';
import type { ParsedArgs, MethodResult } from '../api/contract';
import type { PersonFields, VaultStatus } from '../api/schemas';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { HybridClock, hlcTime } from '../changes/hlc';
import { findPerson, registerSearchFunctions, searchPersons } from '../db/persons';
import type { KdfParams } from '../vault/crypto';
import { Vault } from '../vault/vault';
import { loadSettings, saveSettings, type Settings } from './settings';

export interface SessionOptions {
  dataDir: string;
  /** Only tests lower the KDF cost; the app always uses the default. */
  kdf?: KdfParams;
}

/**
 * What one core worker holds: at most one unlocked vault and the clock that stamps its edits.
 * Every mutation becomes a change set committed through the vault's single write path.
 */
export class CoreSession {
  private vault: Vault | null = null;
  private clock: HybridClock | null = null;

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
      folder: this.vault?.folder ?? this.settings.lastVaultFolder,
      defaultFolder: path.join(this.options.dataDir, 'vault'),
    };
  }

  async createVault({ folder, passphrase }: ParsedArgs<'createVault'>): Promise<VaultStatus> {
    await this.lock();
    const absolute = path.resolve(folder);
    this.attach(await Vault.create(absolute, passphrase, this.options.kdf));
    await this.remember(absolute);
    return this.status();
  }

  async unlockVault({ folder, passphrase }: ParsedArgs<'unlockVault'>): Promise<VaultStatus> {
    await this.lock();
    const absolute = path.resolve(folder);
    this.attach(await Vault.open(absolute, passphrase));
    await this.remember(absolute);
    return this.status();
  }

  async lock(): Promise<VaultStatus> {
    const vault = this.vault;
    this.vault = null;
    this.clock = null;
    await vault?.close();
    return this.status();
  }

  async createPerson(args: ParsedArgs<'createPerson'>): Promise<MethodResult<'createPerson'>> {
    const vault = this.requireVault();
    const id = randomBytes(16).toString('hex');
    const fields: PersonFields = {
      nameLatin: '',
      birthDate: null,
      citizenship: [],
      notes: '',
      ...args,
    };
    const set = this.changeSet(personCells(id, fields));
    set.cells.push({ entity: 'person', id, field: 'createdAt', value: hlcTime(set.hlc) });
    await vault.commit(set);
    return this.getPerson({ id });
  }

  async updatePerson({
    id,
    changes,
  }: ParsedArgs<'updatePerson'>): Promise<MethodResult<'updatePerson'>> {
    const vault = this.requireVault();
    if (!findPerson(vault.db, id)) throw new ApiError('NOT_FOUND', 'No such person');
    const cells = personCells(id, changes);
    if (cells.length > 0) await vault.commit(this.changeSet(cells));
    return this.getPerson({ id });
  }

  getPerson({ id }: ParsedArgs<'getPerson'>): MethodResult<'getPerson'> {
    const person = findPerson(this.requireVault().db, id);
    if (!person) throw new ApiError('NOT_FOUND', 'No such person');
    return person;
  }

  listPersons({ query, limit, offset }: ParsedArgs<'listPersons'>): MethodResult<'listPersons'> {
    return searchPersons(this.requireVault().db, query, limit, offset);
  }

  private attach(vault: Vault): void {
    registerSearchFunctions(vault.db);
    const clock = new HybridClock(this.settings.installId);
    if (vault.latestHlc) clock.observe(vault.latestHlc);
    this.vault = vault;
    this.clock = clock;
  }

  private async remember(folder: string): Promise<void> {
    this.settings = { ...this.settings, lastVaultFolder: folder };
    await saveSettings(this.options.dataDir, this.settings);
  }

  private requireVault(): Vault {
    if (!this.vault) throw new ApiError('VAULT_LOCKED', 'The vault is locked');
    return this.vault;
  }

  private changeSet(cells: Cell[]): ChangeSet {
    if (!this.clock) throw new ApiError('VAULT_LOCKED', 'The vault is locked');
    return { v: 1, hlc: this.clock.tick(), author: this.settings.installId, cells };
  }
}

function personCells(id: string, fields: Partial<PersonFields>): Cell[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ entity: 'person', id, field, value: value as Cell['value'] }));
}
