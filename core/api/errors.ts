import type { DamageDetails } from './schemas';

/**
 * Error codes that cross the API. The UI turns each code into a sentence in the user's
 * language; `message` is a short developer hint and never contains case data or keys.
 */
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'EMPTY_PASSPHRASE',
  'VAULT_CORRUPT',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_READ_ONLY',
  'BACKUP_VERIFY_FAILED',
  'UNSUPPORTED_VERSION',
  'FOLDER_NOT_WRITABLE',
  'STORAGE_FAILED',
  'INVALID_INPUT',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'INTERNAL',
  'IMPORT_UNREADABLE',
  'IMPORT_TOO_LARGE',
  'IMPORT_EMPTY',
  'IMPORT_NO_ROWS',
  'IMPORT_SHEET_NOT_FOUND',
  /** An import is under way: wait for it or cancel it first. */
  'IMPORT_RUNNING',
  /** "Undo this import" was already done for that import. */
  'IMPORT_ALREADY_UNDONE',
  'EXPORT_FILE_EXISTS',
  'VAULT_IN_USE',
  'PASSPHRASE_TOO_SHORT',
  'CLOCK_AHEAD',
  'REPORT_EMPTY',
  'REPORT_NEVER_PUBLISH',
  'PRINT_FAILED',
  'REPORT_FONT_FAILED',
  'EXTERNAL_ID_TAKEN',
  'CONTACT_INVALID',
  'CONTACT_IS_SELF',
  'CONTACT_NOT_VERIFIED',
  'FINGERPRINT_MISMATCH',
  'BUNDLE_DAMAGED',
  'BUNDLE_NOT_FOR_YOU',
  'BUNDLE_UNKNOWN_SENDER',
  'BUNDLE_UNVERIFIED_SENDER',
  'BUNDLE_NOT_ADDRESSED',
  'BUNDLE_REPLAYED',
  'BUNDLE_TOO_NEW',
  'BUNDLE_EMPTY',
  'SYNC_NO_IDENTITY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: DamageDetails;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: DamageDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/** Turns anything thrown into an API error without leaking a stack trace or data. */
export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiError) {
    return err.details
      ? { code: err.code, message: err.message, details: err.details }
      : { code: err.code, message: err.message };
  }
  return { code: 'INTERNAL', message: 'Unexpected internal error' };
}
