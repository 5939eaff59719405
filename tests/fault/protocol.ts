import type { KdfParams } from '../../core/vault/crypto';

/**
 * The operations the crash test kills at every one of their file-system steps, and the fewest
 * steps each must take (fewer means a step lost its `fsStep` call). To add one, name it here
 * and give the child its implementation in crashChild.ts.
 */
export const OPERATIONS = {
  // The journal's write and sync, then the commit state's.
  commit: { minSteps: 4 },
  compaction: { minSteps: 10 },
  'passphrase-change': { minSteps: 5 },
  // Staged header, journal, snapshot and commit state, the header's rename, the old key's files.
  'key-rotation': { minSteps: 20 },
} as const;

export type Operation = keyof typeof OPERATIONS;

/** `stream`: ordinary group commits without end, compacting by itself, killed at step n. */
export type ChildMode = Operation | 'stream';

/** Lines the crash child prints, one JSON object each. */
export type ChildMessage =
  | { kind: 'ack'; id: string; n: number }
  /** The hook is about to kill the process before step `n`, named by `label`. */
  | { kind: 'crash'; n: number; label: string }
  /** The operation finished before step n; these are all its steps, in order. */
  | { kind: 'done'; steps: string[] }
  | { kind: 'error'; code: string };

/** The child alternates between these, so a kill can land in the middle of a change. */
export const PASSPHRASES = ['first crash passphrase', 'second crash passphrase'];

/** A person whose notes every commit overwrites with its sequence number. */
export const COUNTER_ID = 'c'.repeat(32);

export const CHILD_KDF: KdfParams = { opsLimit: 1, memKiB: 8 * 1024 };

/** Journal limits of the stream: small, so it compacts by itself every few dozen commits. */
export const STREAM_COMPACTION = { maxRecords: 40, maxBytes: 1 << 30 };

/** Limits the single operations never reach: their only compaction is the one under test. */
export const NO_COMPACTION = {
  maxRecords: Number.MAX_SAFE_INTEGER,
  maxBytes: Number.MAX_SAFE_INTEGER,
};
