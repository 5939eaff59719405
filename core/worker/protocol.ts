import type { ApiResult } from '../api/errors';
import type { KdfParams } from '../vault/crypto';

/** Data a host hands to a new core worker. */
export interface WorkerSetup {
  dataDir: string;
  /** Set only by tests: a fixed, cheap KDF instead of calibrating on every vault creation. */
  kdf?: KdfParams;
  /** The host's claim token for vault folders (see core/vault/lock.ts). */
  lockOwner: string;
}

export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown;
}

export interface WorkerReply {
  id: number;
  result: ApiResult<unknown>;
}
