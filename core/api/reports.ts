import { z } from 'zod';
import { PathToken } from './pickers';
import { AsOfDate, FigureFilters } from './figures';
import { ThesaurusCode } from './records';
import { Id, Language, PartialDate } from './schemas';

/**
 * Reports and the disclosure policy, as the API sees them (see docs/reports.md). Every output
 * (report, export, later a bundle) is read through one policy: who it is for decides which
 * persons and sources leave the vault and under which name.
 */

export const ReportLanguage = Language;
export type ReportLanguage = Language;

/**
 * `publish`: never-publish cases are left out, withhold-name cases appear under a pseudonym,
 * confidential sources are left out. `internal`: everything, on purpose, and the document says
 * so on every page.
 */
export const Audience = z.enum(['publish', 'internal']);
export type Audience = z.infer<typeof Audience>;

const Count = z.number().int().min(0);

/** What the policy did to one output: said to the user before it is saved. */
export const DisclosureSummary = z.object({
  audience: Audience,
  /** Persons in the output, under their name or a pseudonym. */
  persons: Count,
  /** Never-publish persons left out (publish), or included on purpose (internal: 0). */
  leftOut: Count,
  /** Withhold-name persons shown under a pseudonym, their identifying fields removed. */
  pseudonymised: Count,
  /** Never-publish persons included in an internal document. */
  neverPublishIncluded: Count,
  /** Confidential sources left out. */
  sourcesWithheld: Count,
});
export type DisclosureSummary = z.infer<typeof DisclosureSummary>;

/** Up to 100k ids, checked in one plain loop as the figures' lists are. */
const Ids = z.custom<string[]>(
  (value) =>
    Array.isArray(value) &&
    value.length <= 100_000 &&
    value.every((id) => typeof id === 'string' && /^[0-9a-f]{32}$/.test(id)),
  'expected a list of ids',
);

/** The persons of a list report. */
export const PersonSet = z.discriminatedUnion('kind', [
  /**
   * A drill-down of a figure, a custom count's cell, a selection: the ids, and what they are in
   * the interface's language, for the dialog to show (never printed in the report).
   */
  z.object({ kind: z.literal('ids'), personIds: Ids, description: z.string().max(300) }).strict(),
  z
    .object({ kind: z.literal('inCustody'), asOf: AsOfDate, filters: FigureFilters.optional() })
    .strict(),
  /** The person list as filtered on screen. */
  z
    .object({
      kind: z.literal('personList'),
      query: z.string().max(200).default(''),
      region: ThesaurusCode.optional(),
      riskCategory: ThesaurusCode.optional(),
      inCustody: z.boolean().optional(),
    })
    .strict(),
]);
export type PersonSet = z.output<typeof PersonSet>;

export const LIST_COLUMNS = [
  'name',
  'birthYear',
  'region',
  'articles',
  'sentence',
  'facility',
  'facilityAddress',
  'detentionDate',
] as const;
export const ListColumn = z.enum(LIST_COLUMNS);
export type ListColumn = z.infer<typeof ListColumn>;

export const ListGrouping = z.enum(['none', 'region', 'facility', 'article']);

export const FiguresReportParams = z
  .object({
    asOf: AsOfDate,
    /** The release window; both ends included, partial dates widen to whole months or years. */
    releasesFrom: PartialDate.optional(),
    releasesTo: PartialDate.optional(),
    /** Start of the early-release share; the release window's start when left out. */
    earlySince: PartialDate.optional(),
    filters: FigureFilters.optional(),
    /** Adds the cases behind each figure, per the policy. */
    appendix: z.boolean().default(false),
  })
  .strict();
export type FiguresReportParams = z.output<typeof FiguresReportParams>;

export const ListReportParams = z
  .object({
    persons: PersonSet,
    /** The report's heading; a neutral default in the report's language names the kind of set. */
    title: z.string().trim().max(200).optional(),
    /** Facility, sentence and detention are as of this date (today when left out). */
    asOf: AsOfDate.optional(),
    columns: z
      .array(ListColumn)
      .min(1)
      .max(LIST_COLUMNS.length)
      .default(LIST_COLUMNS.filter((column) => column !== 'detentionDate')),
    groupBy: ListGrouping.default('none'),
  })
  .strict();
export type ListReportParams = z.output<typeof ListReportParams>;

export const DossierParams = z.object({ personId: Id }).strict();
export type DossierParams = z.output<typeof DossierParams>;

const REPORT_OPTIONS = {
  language: ReportLanguage.default('en'),
  pageSize: z.enum(['A4', 'Letter']).default('A4'),
  audience: Audience.default('publish'),
};

/** Each template with its parameters and how it is produced, plus `extra` fields. */
function reportUnion<S extends z.ZodRawShape>(extra: S) {
  const variant = <T extends string, P extends z.ZodType>(template: T, params: P) =>
    z.object({ template: z.literal(template), params, ...REPORT_OPTIONS, ...extra }).strict();
  return z.discriminatedUnion('template', [
    variant('figures', FiguresReportParams),
    variant('list', ListReportParams),
    variant('dossier', DossierParams),
  ]);
}

/** Everything that decides a report's content and form: what a saved definition holds. */
export const ReportSpec = reportUnion({});
export type ReportSpec = z.output<typeof ReportSpec>;
export type ReportTemplate = ReportSpec['template'];

/** One headline figure of a report: what a snapshot records and a comparison diffs. */
export const ReportFigure = z.object({
  /** Stable within a template: `in_custody`, `at_risk.category.disability`, `releases.2022.pardon`. */
  key: z.string(),
  value: Count,
  upperBound: Count,
  personIds: z.array(z.string()),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportPreview = z.object({
  title: z.string(),
  /** The report's body as HTML made by the core (every text escaped, no script). */
  html: z.string(),
  /** Its stylesheet, without font faces: the preview uses the app's fonts. */
  css: z.string(),
  disclosure: DisclosureSummary,
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const SaveReportArgs = reportUnion({
  /** Where to write: a token from `pickPath` (reportFile). */
  path: PathToken,
  /** PDF, or the report's tables as a spreadsheet (formula-safe). */
  format: z.enum(['pdf', 'csv', 'xlsx']).default('pdf'),
  /** The file is plaintext: the UI must have said so and the user agreed. */
  confirmPlaintext: z.literal(true),
  overwrite: z.boolean().default(false),
});
export type SaveReportArgs = z.output<typeof SaveReportArgs>;

export const SaveReportResult = z.object({
  path: z.string(),
  bytes: Count,
  /** Pages of a PDF; 0 for a spreadsheet. */
  pages: Count,
  disclosure: DisclosureSummary,
  /** The figure snapshot a figures report recorded in the vault. */
  snapshotId: Id.nullable(),
});
export type SaveReportResult = z.infer<typeof SaveReportResult>;

/** A saved report definition: its name and parameters, never its output. */
export const SavedReportDefinition = z
  .object({ name: z.string().trim().min(1).max(100), spec: ReportSpec })
  .strict();
export const SavedReportEntry = z.object({
  id: Id,
  name: z.string(),
  spec: ReportSpec,
});
export type SavedReportEntry = z.output<typeof SavedReportEntry>;

/** A figures report as produced: when, with what, and the numbers with their cases. */
export const FigureSnapshotEntry = z.object({
  id: Id,
  createdAt: z.string(),
  title: z.string(),
  spec: ReportSpec,
  figures: z.array(ReportFigure),
});
export type FigureSnapshotEntry = z.infer<typeof FigureSnapshotEntry>;

/** Why a case entered or left a figure since the snapshot. */
export const ChangeReason = z.enum([
  'record_added',
  'record_changed',
  'record_deleted',
  'person_added',
  'person_deleted',
  'consent_changed',
  'date_passed',
]);

export const FigureChange = z.object({
  key: z.string(),
  then: Count,
  now: Count,
  entered: z.array(
    z.object({ personId: z.string(), name: z.string(), reasons: z.array(ChangeReason) }),
  ),
  left: z.array(
    z.object({ personId: z.string(), name: z.string(), reasons: z.array(ChangeReason) }),
  ),
});

export const SnapshotComparison = z.object({
  snapshot: FigureSnapshotEntry.omit({ figures: true }),
  figures: z.array(FigureChange),
});
export type SnapshotComparison = z.infer<typeof SnapshotComparison>;

/** Arguments of an export's disclosure check: the persons and who the file is for. */
export const DisclosureArgs = z
  .object({
    personIds: z.array(Id).max(1_000_000).optional(),
    audience: Audience.default('publish'),
  })
  .strict();
