import type { KdfParams } from '../../core/vault/crypto';

/** Lines the crash child prints, one JSON object each. */
export type ChildMessage =
  | { kind: 'ready' }
  | { kind: 'ack'; id: string; n: number }
  | { kind: 'compacting' }
  | { kind: 'changing-passphrase' }
  | { kind: 'error'; code: string };

/** The child alternates between these, so a kill can land in the middle of a change. */
export const PASSPHRASES = ['first crash passphrase', 'second crash passphrase'];

/** A person whose notes every commit overwrites with its sequence number. */
export const COUNTER_ID = 'c'.repeat(32);

export const CHILD_KDF: KdfParams = { opsLimit: 1, memKiB: 8 * 1024 };
