import { z } from 'zod';
import { Id } from '../api/schemas';

/**
 * The arguments and results of the import methods. Zod only (no Node imports): the contract,
 * and with it the renderer, import this file.
 */

export const ImportShape = z.enum(['persons', 'events']);
export type ImportShape = z.infer<typeof ImportShape>;

/** What a column of a person table can fill; `ignore` leaves the column out. */
export const PERSON_TARGETS = [
  'id',
  'name',
  'nameLatin',
  'nameVariants',
  'sex',
  'birthDate',
  'citizenship',
  'region',
  'occupation',
  'notes',
  'consent',
  'arrestDate',
  'sentence',
  'sentenceMonths',
  'releaseDate',
  'releaseType',
  'riskCategories',
] as const;

/** What a column of an event table can fill. */
export const EVENT_TARGETS = [
  'personId',
  'personName',
  'personBirthDate',
  'type',
  'date',
  'facility',
  'releaseType',
  'detentionType',
  'category',
  'startDate',
  'endDate',
  'notes',
] as const;

export const ImportTarget = z.enum([...PERSON_TARGETS, ...EVENT_TARGETS, 'ignore']);
export type ImportTarget = z.infer<typeof ImportTarget>;
export type PersonTarget = (typeof PERSON_TARGETS)[number];
export type EventTarget = (typeof EVENT_TARGETS)[number];

const ColumnName = z.string().max(300);

/**
 * Column header -> target. In a sheet without a header row the "headers" are the first row's
 * cells, a person's name and birth date: a mapping stays in memory and the vault, never on disk.
 */
export const ImportMapping = z
  .record(ColumnName, ImportTarget)
  .refine((mapping) => Object.keys(mapping).length <= 500, 'too many columns');
export type ImportMapping = z.infer<typeof ImportMapping>;

const FilePath = z.string().trim().min(1).max(4096);

const ImportSource = {
  path: FilePath,
  shape: ImportShape,
  /** XLSX only: the sheet to read; the first one when left out. */
  sheet: z.string().min(1).max(100).optional(),
};

export const PreviewImportArgs = z
  .object({ ...ImportSource, mapping: ImportMapping.optional() })
  .strict();

export const RunImportArgs = z
  .object({ ...ImportSource, mapping: ImportMapping, mode: z.enum(['validOnly', 'all']) })
  .strict();

export const ProblemCode = z.enum([
  'BAD_DATE',
  'BAD_NUMBER',
  'BAD_COUNTRY',
  'UNKNOWN_VALUE',
  'AMBIGUOUS_VALUE',
  'DEPRECATED_VALUE',
  'REQUIRED',
  'INVALID',
  'NOT_APPLICABLE',
  'EXTRA_CELLS',
  'PERSON_NOT_FOUND',
  'PERSON_AMBIGUOUS',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_IN_VAULT',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One problem of one row. Errors keep a row out; warnings only inform. */
export const ImportProblem = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  code: ProblemCode,
  severity: z.enum(['error', 'warning']),
  /** A short English hint; the UI words the problem from `code`. */
  message: z.string(),
  /** The offending cell, shortened, so the user can find it. */
  value: z.string().optional(),
  /** For duplicates: the other row of the file, or the person in the vault. */
  otherRow: z.number().int().optional(),
  personId: z.string().optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** CSV only: the encoding and separator found. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  columns: z.array(z.string()),
  /** Headers that were blank or repeated, and the unique names given to them. */
  renamedColumns: z.array(z.object({ column: z.string(), original: z.string() })),
  suggestedMapping: ImportMapping,
  /** The mapping the dry run used: the one given, or the suggestion. */
  mapping: ImportMapping,
  /** Columns named by the mapping that the file does not have. */
  missingColumns: z.array(z.string()),
  /** Targets a row of this shape needs that no column fills. */
  unmappedRequired: z.array(z.string()),
  /** The first rows, cells as text. */
  sample: z.array(z.array(z.string())),
  rows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  rowsWithWarnings: z.number().int(),
  problems: z.array(ImportProblem),
  /** How many problems there were in all, by code; `problems` stops after a few thousand. */
  problemCounts: z.record(z.string(), z.number().int()),
  problemsTruncated: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  personsCreated: z.number().int(),
  /** Custody events and risk assignments. */
  eventsCreated: z.number().int(),
  proceedingsCreated: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** A mapping to save under a name, as the mapping step holds it. */
export const SavedImportMapping = z
  .object({
    name: z.string().trim().min(1).max(100),
    shape: ImportShape,
    mapping: ImportMapping,
  })
  .strict();
export type SavedImportMapping = z.infer<typeof SavedImportMapping>;

/** A target that fills a field: every one but `ignore`. */
const FieldTarget = ImportTarget.exclude(['ignore']);

/**
 * What the vault keeps of a saved mapping: for each column that fills a field, a key made from
 * the column's name, never the name (see `columnKey`).
 */
export const SavedColumns = z
  .array(
    z
      .object({
        key: z.string().regex(/^[0-9a-f]{16}$/),
        target: FieldTarget,
      })
      .strict(),
  )
  .max(500);
export type SavedColumns = z.infer<typeof SavedColumns>;

/** A saved mapping as the list offers it: what the user can choose it by. */
export const SavedImportMappingEntry = z.object({ id: Id, name: z.string(), shape: ImportShape });
export type SavedImportMappingEntry = z.infer<typeof SavedImportMappingEntry>;

export const ApplyImportMappingArgs = z
  .object({ id: Id, columns: z.array(z.string().max(100_000)).max(1000) })
  .strict();

/**
 * A saved mapping applied to a file's columns: the columns it fills (every other column is
 * left out), and the fields it would fill from columns the file does not have.
 */
export const AppliedImportMapping = z.object({
  mapping: ImportMapping,
  missing: z.array(FieldTarget),
});
export type AppliedImportMapping = z.infer<typeof AppliedImportMapping>;
