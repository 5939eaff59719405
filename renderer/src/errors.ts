import type { ErrorCode } from '../../core/api/errors';

/** The translation key of the sentence shown for an API error; `message` is never shown. */
export function errorKey(code: ErrorCode) {
  return `errors.${code}` as const;
}
