import type { ApiResult } from '../../../core/api/errors';
import type { ExportShape } from '../../../core/api/export';
import type { Audience } from '../../../core/api/reports';
import { requestUnlocked } from '../api';

/** What the dialog writes: one table, or the whole case file (every table). */
export type What = ExportShape | 'caseFile';
export type Format = 'csv' | 'xlsx';
export type Delimiter = ',' | ';';
export type Labels = 'en' | 'be' | 'ru';

export interface ExportChoice {
  path: string;
  format: Format;
  delimiter: Delimiter;
  what: What;
  audience: Audience;
  labels: Labels | null;
  /** The persons the disclosure preview counted; everyone when left out. */
  personIds: string[] | undefined;
  overwrite: boolean;
}

/** What the dialog says once the file is written. */
export interface Exported {
  path: string;
  /** Rows of the table; for a case file, its persons. */
  rows: number;
  /** A case file: its number of tables. */
  tables: number | null;
}

/**
 * Calls the export the choice asks for. The plaintext confirmation is given here only because
 * the dialog calls this once the user has ticked that they understand.
 */
export async function runExport(choice: ExportChoice): Promise<ApiResult<Exported>> {
  const common = {
    path: choice.path,
    format: choice.format,
    audience: choice.audience,
    ...(choice.personIds ? { personIds: choice.personIds } : {}),
    ...(choice.format === 'csv' ? { delimiter: choice.delimiter } : {}),
    ...(choice.labels ? { labels: choice.labels } : {}),
    confirmPlaintext: true as const,
    overwrite: choice.overwrite,
  };
  if (choice.what === 'caseFile') {
    const result = await requestUnlocked((api) => api.exportCaseFile(common));
    if (!result.ok) return result;
    const { path, tables } = result.value;
    // The first table is the persons': the case file is theirs.
    return { ok: true, value: { path, rows: tables[0]!.rows, tables: tables.length } };
  }
  const shape = choice.what;
  const result = await requestUnlocked((api) => api.exportRecords({ ...common, shape }));
  if (!result.ok) return result;
  return { ok: true, value: { path: result.value.path, rows: result.value.rows, tables: null } };
}
