import { z } from 'zod';
import { PathToken } from './pickers';
import { Id, PartialDate } from '../api/schemas';
import { ExternalIdScheme } from './externalIds';

/**
 * The arguments and results of the import methods. Zod only (no Node imports): the contract,
 * and with it the renderer, import this file.
 */

/** The tables an import reads: persons, and tables of their events, court cases and status. */
export const ImportShape = z.enum(['persons', 'events', 'proceedings', 'statuses']);
export type ImportShape = z.infer<typeof ImportShape>;

/** What a column of a person table can fill; `ignore` leaves the column out. */
export const PERSON_TARGETS = [
  'id',
  'externalId',
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
  'verdictDate',
  'releaseDate',
  'releaseType',
  'riskCategories',
] as const;

/** How a row of an event, proceeding or status table names its person. */
export const LINK_TARGETS = [
  'personId',
  'personExternalId',
  'personName',
  'personBirthDate',
] as const;

/** What a column of an event table can fill. */
export const EVENT_TARGETS = [
  ...LINK_TARGETS,
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

/** What a column of a table of court cases can fill. */
export const PROCEEDING_TARGETS = [
  ...LINK_TARGETS,
  'kind',
  'articles',
  'court',
  'judge',
  'caseNumber',
  'openedDate',
  'verdictDate',
  'sentenceType',
  'sentenceMonths',
  'sentenceDays',
  'regime',
  'appealDate',
  'appealOutcome',
  'notes',
] as const;

/** What a column of a status history table can fill (recognised as a political prisoner...). */
export const STATUS_TARGETS = [...LINK_TARGETS, 'status', 'date', 'recognisedBy', 'notes'] as const;

/** Every target of every shape; the shapes share some (`notes`, `date`), which zod collapses. */
export const ImportTarget = z.enum([
  ...PERSON_TARGETS,
  ...EVENT_TARGETS,
  ...PROCEEDING_TARGETS,
  ...STATUS_TARGETS,
  'ignore',
]);
export type ImportTarget = z.infer<typeof ImportTarget>;
export type PersonTarget = (typeof PERSON_TARGETS)[number];
export type LinkTarget = (typeof LINK_TARGETS)[number];
export type EventTarget = (typeof EVENT_TARGETS)[number];
export type ProceedingTarget = (typeof PROCEEDING_TARGETS)[number];
export type StatusTarget = (typeof STATUS_TARGETS)[number];

/** The targets a table of each shape offers. */
export const SHAPE_TARGETS: Record<ImportShape, readonly ImportTarget[]> = {
  persons: PERSON_TARGETS,
  events: EVENT_TARGETS,
  proceedings: PROCEEDING_TARGETS,
  statuses: STATUS_TARGETS,
};

/** A row of each shape needs one target of each group filled. */
export const REQUIRED_TARGETS: Record<ImportShape, ImportTarget[][]> = {
  persons: [['name']],
  events: [
    ['personId', 'personExternalId', 'personName'],
    ['type', 'category'],
  ],
  proceedings: [['personId', 'personExternalId', 'personName']],
  statuses: [['personId', 'personExternalId', 'personName']],
};

/** Targets several columns may fill at once: a person can carry ids of several schemes. */
export const REPEATABLE_TARGETS: ReadonlySet<ImportTarget> = new Set<ImportTarget>([
  'externalId',
  'ignore',
]);

const ColumnName = z.string().max(300);

/**
 * Column header -> target. In a sheet without a header row the "headers" are the first row's
 * cells, a person's name and birth date: a mapping stays in memory and the vault, never on disk.
 */
export const ImportMapping = z
  .record(ColumnName, ImportTarget)
  .refine((mapping) => Object.keys(mapping).length <= 500, 'too many columns');
export type ImportMapping = z.infer<typeof ImportMapping>;

/** A value of a coded column as the file writes it ("Гомельская вобл."). */
const FileValue = z.string().max(300);

/**
 * What to do with a value of a coded column that no term matches: read it as an existing code
 * (of a thesaurus, or of a fixed list such as sex or event type), make it a new thesaurus term
 * with these labels, or leave the rows that carry it out of the import.
 */
export const ValueChoice = z.discriminatedUnion('action', [
  z.object({ action: z.literal('map'), code: z.string().min(1).max(64) }).strict(),
  z
    .object({
      action: z.literal('create'),
      labelEn: z.string().trim().max(300),
      labelBe: z.string().trim().max(300),
      labelRu: z.string().trim().max(300),
    })
    .strict(),
  z.object({ action: z.literal('omit') }).strict(),
]);
export type ValueChoice = z.infer<typeof ValueChoice>;

/** Target -> value as written -> choice. Values are compared without case or extra spaces. */
export const ValueMap = z
  .partialRecord(ImportTarget, z.record(FileValue, ValueChoice))
  .refine(
    (map) =>
      Object.values(map).reduce((n, values) => n + Object.keys(values ?? {}).length, 0) <= 5000,
    'too many mapped values',
  );
export type ValueMap = z.infer<typeof ValueMap>;

/**
 * For each column mapped to `externalId` or `personExternalId`, the register its ids belong to;
 * a column without one holds ids of DEFAULT_SCHEME.
 */
export const ImportSchemes = z.record(ColumnName, ExternalIdScheme);
export type ImportSchemes = z.infer<typeof ImportSchemes>;

/** What to do with a row whose person looks like one already in the vault. */
export const DuplicateChoice = z.enum(['skip', 'merge', 'add']);
export type DuplicateChoice = z.infer<typeof DuplicateChoice>;

/** Row number (as the spreadsheet numbers it) -> a choice or a person id. */
const RowKey = z.string().regex(/^\d{1,8}$/);

export const ImportDecisions = z
  .object({
    /** The choice for every likely duplicate the user did not decide one by one. */
    duplicates: DuplicateChoice.default('add'),
    duplicateRows: z.record(RowKey, DuplicateChoice).default({}),
    /** The person chosen for a row whose link matched several. */
    links: z.record(RowKey, Id).default({}),
  })
  .strict();
export type ImportDecisions = z.output<typeof ImportDecisions>;

const ImportSource = {
  /** The file to read: a token from `pickPath` (importFile). */
  path: PathToken,
  shape: ImportShape,
  /** XLSX only: the sheet to read; the first one when left out. */
  sheet: z.string().min(1).max(100).optional(),
  values: ValueMap.optional(),
  schemes: ImportSchemes.optional(),
  decisions: ImportDecisions.optional(),
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
  /** The same external id on two rows of a person table, or on another person in the vault. */
  'DUPLICATE_EXTERNAL_ID',
  /** A value the user chose to leave out, with its rows. */
  'VALUE_LEFT_OUT',
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
  /** For an ambiguous link: the persons it matched, to choose from. */
  candidates: z
    .array(z.object({ id: Id, name: z.string(), birthDate: PartialDate.nullable() }))
    .optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** A term a value might mean, for the user to choose. */
export const ValueSuggestion = z.object({
  code: z.string(),
  labelEn: z.string(),
  labelBe: z.string(),
  labelRu: z.string(),
  deprecated: z.boolean(),
});
export type ValueSuggestion = z.infer<typeof ValueSuggestion>;

export const UnknownValue = z.object({
  target: ImportTarget,
  column: z.string(),
  /** The thesaurus the column's codes come from; null for a fixed list (sex, event type...). */
  thesaurus: z.string().nullable(),
  value: z.string(),
  rows: z.number().int(),
  /** Best first: folded and transliterated matches against every label and known variant. */
  suggestions: z.array(ValueSuggestion),
  /** What the value map given (or saved with the mapping) says; none yet when left out. */
  choice: ValueChoice.nullable(),
});
export type UnknownValue = z.infer<typeof UnknownValue>;

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
  /** Every distinct value of a coded column that no term matches, most frequent first. */
  unknownValues: z.array(UnknownValue),
  /**
   * What the import would do: persons (or rows of a linked table) new to the vault, matched
   * and changed, matched and already as the file has them; and likely duplicates by name.
   */
  plan: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    duplicates: z.number().int(),
  }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** A mapping to save under a name, as the mapping step holds it. */
export const SavedImportMapping = z
  .object({
    name: z.string().trim().min(1).max(100),
    shape: ImportShape,
    mapping: ImportMapping,
    /** Saved with the mapping, so the next file of this kind needs no value step. */
    values: ValueMap.default({}),
    schemes: ImportSchemes.default({}),
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
  values: ValueMap,
  schemes: ImportSchemes,
  missing: z.array(FieldTarget),
});
export type AppliedImportMapping = z.infer<typeof AppliedImportMapping>;
