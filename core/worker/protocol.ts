import type { ApiResult } from '../api/errors';
import type { PrintJob } from '../api/print';
import type { KdfParams } from '../vault/crypto';

/** Data a host hands to a new core worker. */
export interface WorkerSetup {
  dataDir: string;
  /** Set only by tests: a fixed, cheap KDF instead of calibrating on every vault creation. */
  kdf?: KdfParams;
  /** The host's claim token for vault folders (see core/vault/lock.ts). */
  lockOwner: string;
}

/** Host → worker: a call of the contract. */
export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown;
  /** The paths the host resolved the call's token fields to, by field (see PathGrants). */
  paths?: Record<string, string>;
}

/** Worker → host: the answer to a call. */
export interface WorkerReply {
  id: number;
  result: ApiResult<unknown>;
}

/** Worker → host: print this page to PDF (the host owns the browser engine). */
export interface PrintRequest {
  type: 'print';
  id: number;
  job: PrintJob;
}

/** Host → worker: the PDF, or that the engine failed (no detail: it may name the content). */
export interface PrintReply {
  type: 'printed';
  id: number;
  pdf: Uint8Array | null;
}

export type FromWorker = WorkerReply | PrintRequest;
export type ToWorker = WorkerRequest | PrintReply;

export function isPrintRequest(message: FromWorker): message is PrintRequest {
  return 'type' in message && message.type === 'print';
}

export function isPrintReply(message: ToWorker): message is PrintReply {
  return 'type' in message && message.type === 'printed';
}
