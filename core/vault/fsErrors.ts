/** The errno code of a file-system error, for messages that must not carry paths or data. */
export function classifyFsError(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string')
    return err.code;
  return 'unknown';
}
