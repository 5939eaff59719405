import type { ApiResult } from '../api/errors';

/** Data a host hands to a new core worker. */
export interface WorkerSetup {
  dataDir: string;
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
