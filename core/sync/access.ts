import type { Cell, ChangeSet } from '../changes/changeSet';
import type { VaultAccess } from '../vault/access';

/** What sync needs of the open vault beyond a feature's: whose installation it is, and receiving. */
export interface SyncAccess extends VaultAccess {
  readonly installId: string;
  /**
   * Commits `cells` as one set of this installation together with sets received from a
   * colleague, all or nothing, then lets the clock move past the received timestamps (never
   * to one more than a day ahead of this computer's clock).
   */
  commitReceived(cells: Cell[], received: ChangeSet[]): Promise<void>;
}
