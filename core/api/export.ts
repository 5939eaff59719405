import { z } from 'zod';
import { PathToken } from './pickers';
import { Id, Language } from './schemas';
import { ImportShape } from './import';
import { Audience } from './reports';

/** The tables an export writes one at a time; `exportCaseFile` writes them all. */
export const ExportShape = ImportShape.extract(['persons', 'events', 'proceedings', 'statuses']);
export type ExportShape = z.infer<typeof ExportShape>;

export const ExportArgs = z
  .object({
    /** Where to write: a token from `pickPath` (exportFile, or exportFolder for a case file). */
    path: PathToken,
    format: z.enum(['csv', 'xlsx']),
    shape: ExportShape,
    /** The persons to export (for events: whose events); everyone when left out. */
    personIds: z.array(Id).max(1_000_000).optional(),
    /** The file is plaintext: the UI must have said so and the user agreed. */
    confirmPlaintext: z.literal(true),
    overwrite: z.boolean().default(false),
    /** CSV only. Excel set to Belarusian or Russian expects `;`. */
    delimiter: z.enum([',', ';']).default(','),
    /** Adds a label column, in this language, beside each thesaurus code column. */
    labels: Language.optional(),
    /** Who the file is for: the disclosure policy decides what it holds (see reports.ts). */
    audience: Audience.default('publish'),
  })
  .strict();
export type ExportArgs = z.output<typeof ExportArgs>;

export const ExportResult = z.object({
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResult>;

/**
 * The whole case file of the chosen persons: persons, proceedings, custody events, risk
 * categories, status history and sources with their citations, one sheet (XLSX) or one file
 * (CSV, in a new folder at `path`) per table, linked by Vigil id, read through the disclosure
 * policy. Imported into a vault with `importCaseFile`, it gives back every record.
 */
export const CaseFileArgs = ExportArgs.omit({ shape: true });
export type CaseFileArgs = z.output<typeof CaseFileArgs>;

export const CaseFileResult = z.object({
  path: z.string(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  bytes: z.number().int(),
});
export type CaseFileResult = z.infer<typeof CaseFileResult>;
