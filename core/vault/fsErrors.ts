import { ApiError } from '../api/errors';

/** The errno code of a file-system error, for messages that must not carry paths or data. */
export function classifyFsError(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string')
    return err.code;
  return 'unknown';
}

/**
 * A failed write: a full or failing disk is STORAGE_FAILED (try again later, elsewhere), any
 * other refusal FOLDER_NOT_WRITABLE (choose another folder). `what` names the step, never a path.
 */
export function writeFailure(err: unknown, what: string): ApiError {
  const kind = classifyFsError(err);
  const code = kind === 'ENOSPC' || kind === 'EIO' ? 'STORAGE_FAILED' : 'FOLDER_NOT_WRITABLE';
  return new ApiError(code, `${what} (${kind})`);
}
