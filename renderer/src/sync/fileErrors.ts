import type { ErrorCode } from '../../../core/api/errors';
import { errorKey } from '../errors';

/**
 * The sentence for an error while reading a file the user typed the path of. The engine says
 * NOT_FOUND for a missing file, whose general sentence is about a deleted record.
 */
export function fileErrorKey(code: ErrorCode, file: 'bundle' | 'contact') {
  if (code !== 'NOT_FOUND') return errorKey(code);
  return file === 'bundle' ? 'sync.receive.noFile' : 'sync.add.noFile';
}
