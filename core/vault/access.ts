import type { Cell, ChangeSet } from '../changes/changeSet';
import type { Vault } from './vault';

/**
 * What a feature (import, export, demo data) may do with the open vault, without knowing the
 * session that holds it: read it once every acknowledged commit is durable, and commit cells
 * through the one write path. The service's `CoreSession` is one; features sit below the
 * service layer, so they take this instead.
 */
export interface VaultAccess {
  readVault(): Promise<Pick<Vault, 'db' | 'readOnly'>>;
  commit(cells: Cell[], options?: { undoable?: boolean }): Promise<ChangeSet>;
  /** Runs many commits as one bulk write (Vault.bulk): no compaction until it ends. */
  bulk<T>(work: () => Promise<T>): Promise<T>;
}
