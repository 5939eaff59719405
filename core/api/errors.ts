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
  'EXPORT_FOLDER_EXISTS',
  'EXPORT_FOLDER_FOREIGN',
  'CASE_FILE_MISSING_TABLE',
  'CASE_FILE_BAD_COLUMNS',
  'CASE_FILE_BAD_CELL',
  'CASE_FILE_MISSING_LINK',
  'CASE_FILE_ID_EXISTS',
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
  /** A token the host never handed out, or one forgotten since (the vault locked). */
  'PATH_NOT_CHOSEN',
  /** A token picked for another use, such as an import file given as an export target. */
  'PATH_WRONG_PURPOSE',
  /** A new vault or backup goes into a new or empty folder, never among other files. */
  'FOLDER_NOT_EMPTY',
  /** The host could not show its file or folder dialog. */
  'PICKER_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Where in a file an import found what it refused, for the user to find it: the sheet (or the
 * CSV file), the row as a spreadsheet numbers it, the column's header. Never the cell's value.
 */
export interface CellPlace {
  table: string;
  row?: number;
  column?: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: DamageDetails;
  place?: CellPlace;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: DamageDetails,
    readonly place?: CellPlace,
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
    return {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      ...(err.place ? { place: err.place } : {}),
    };
  }
  return { code: 'INTERNAL', message: 'Unexpected internal error' };
}
