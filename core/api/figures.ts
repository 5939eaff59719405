import { z } from 'zod';
import { Consent, Sex, ThesaurusCode } from './records';
import { CountryCode, Id, PartialDate } from './schemas';
import { intervalOf } from './dates';
import { DEFINITION_KEYS } from './figureDefinitions';

/**
 * Arguments and results of the figure methods of the API (see docs/methodology.md for what
 * each figure means). Browser-safe: the renderer derives its types from these.
 */

/** An as-of date is a day: "in custody as of 2024" would be a different question. */
export const AsOfDate = PartialDate.refine((d) => d.length === 10, 'give a full date YYYY-MM-DD');

/** Filters every figure takes; each one given narrows the persons counted. */
export const FigureFilters = z
  .object({
    region: ThesaurusCode.optional(),
    /** Persons with this citizenship among theirs. */
    citizenship: CountryCode.optional(),
    sex: Sex.optional(),
  })
  .strict();
export type FigureFilters = z.infer<typeof FigureFilters>;

/**
 * A list of ids, checked in one plain loop: drill-down lists run to hundreds of thousands of ids
 * at 100k persons, where a schema per element costs tens of milliseconds per call.
 */
const Ids = z.custom<string[]>(
  (value) => Array.isArray(value) && value.every((id) => typeof id === 'string'),
  'expected a list of ids',
);
const Count = z.number().int().min(0);

/**
 * One number and the cases behind it. `value` is the certain count, `upperBound` the count if
 * every uncertain record were included. Counts of persons have `personIds` (certain) and
 * `uncertainIds` (possible, not certain); counts of events have, in addition, `eventIds` and
 * `uncertainEventIds`, and their `personIds` are the distinct persons of those events.
 */
export const Figure = z.object({
  definition: z.enum(DEFINITION_KEYS),
  unit: z.enum(['persons', 'events']),
  value: Count,
  upperBound: Count,
  /** Worded "at least": the register holds the cases known to its keepers, not all cases. */
  lowerBound: z.boolean(),
  personIds: Ids,
  uncertainIds: Ids,
  eventIds: Ids.optional(),
  uncertainEventIds: Ids.optional(),
  /** Records that could not be placed at all (no usable date), and whose they are. */
  unplaced: z.object({ count: Count, personIds: Ids }),
});
export type Figure = z.infer<typeof Figure>;

function notAfter(a: { from?: string | undefined; to?: string | undefined }): boolean {
  if (a.from === undefined || a.to === undefined) return true;
  const from = intervalOf(a.from);
  const to = intervalOf(a.to);
  return !from || !to || from.lo <= to.hi;
}

const WINDOW_MESSAGE = { message: '`from` must not be after `to`' };

export const InCustodyArgs = z
  .object({ asOf: AsOfDate, filters: FigureFilters.optional() })
  .strict();

export const ReleasesArgs = z
  .object({
    /** Window start; a partial date starts on its first day. */
    from: PartialDate.optional(),
    /** Window end, included; a partial date ends on its last day. */
    to: PartialDate.optional(),
    groupBy: z.enum(['year', 'month']).default('year'),
    filters: FigureFilters.optional(),
  })
  .strict()
  .refine(notAfter, WINDOW_MESSAGE);

export const ReleaseCell = z.object({
  /** `2022`, `2022-05`, or (by month) `2022` for releases known only by year. */
  period: z.string(),
  releaseType: z.string().nullable(),
  figure: Figure,
});

export const ReleasesResult = z.object({
  groupBy: z.enum(['year', 'month']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Period x type; every counted release event is in exactly one cell. */
  cells: z.array(ReleaseCell),
  /** Per release type over the window; they sum to `total`. */
  byType: z.array(z.object({ releaseType: z.string().nullable(), figure: Figure })),
  total: Figure,
  /** Release events of the early-release types, in the window. */
  early: Figure,
  earlyTypes: z.array(z.string()),
});

export const AtRiskArgs = InCustodyArgs;

export const AtRiskResult = z.object({
  asOf: z.string(),
  /** Always true: one person can be in several categories. */
  overlapping: z.literal(true),
  categories: z.array(z.object({ category: z.string(), derived: z.boolean(), figure: Figure })),
  /** Distinct persons in at least one category. */
  total: Figure,
});

export const EarlyReleaseShareArgs = z
  .object({
    since: PartialDate,
    asOf: AsOfDate.optional(),
    filters: FigureFilters.optional(),
  })
  .strict()
  .refine((a) => notAfter({ from: a.since, to: a.asOf }), {
    message: '`since` must not be after `asOf`',
  });

export const EarlyReleaseShareResult = z.object({
  since: z.string(),
  asOf: z.string().nullable(),
  numerator: Figure,
  denominator: Figure,
  /** numerator.value / denominator.value, null when nobody was convicted. */
  ratio: z.number().nullable(),
  /** The least and the most the ratio can be given the uncertain records. */
  ratioLow: z.number().nullable(),
  ratioHigh: z.number().nullable(),
  earlyTypes: z.array(z.string()),
});

export const RearrestsArgs = z
  .object({
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    filters: FigureFilters.optional(),
  })
  .strict()
  .refine(notAfter, WINDOW_MESSAGE);

export const BreakdownDimension = z.enum([
  'region',
  'article',
  'citizenship',
  'sex',
  'ageBand',
  'facility',
  /** Pre-trial or convicted (STAGES in figureDefinitions.ts). */
  'stage',
]);
export type BreakdownDimension = z.infer<typeof BreakdownDimension>;

export const BreakdownArgs = z
  .object({
    asOf: AsOfDate,
    dimension: BreakdownDimension,
    base: z.enum(['inCustody', 'atRisk']).default('inCustody'),
    filters: FigureFilters.optional(),
  })
  .strict();

export const BreakdownResult = z.object({
  asOf: z.string(),
  dimension: BreakdownDimension,
  base: Figure,
  /** True where one person can have several values (citizenship, article). */
  multiValued: z.boolean(),
  /** `key` null: not recorded. */
  cells: z.array(z.object({ key: z.string().nullable(), figure: Figure })),
});

/** Up to 100 years by month. */
const MAX_POINTS = 1200;

export const CustodySeriesArgs = z
  .object({
    from: PartialDate,
    to: PartialDate,
    step: z.enum(['month', 'year']),
    filters: FigureFilters.optional(),
  })
  .strict()
  .refine(notAfter, WINDOW_MESSAGE)
  .refine(
    (a) => {
      const years = Number(a.to.slice(0, 4)) - Number(a.from.slice(0, 4)) + 1;
      return (a.step === 'year' ? years : years * 12) <= MAX_POINTS;
    },
    { message: `at most ${MAX_POINTS} points` },
  );

export const CustodySeriesResult = z.object({
  step: z.enum(['month', 'year']),
  definition: z.enum(DEFINITION_KEYS),
  lowerBound: z.boolean(),
  /** One point per period: the count as of its last day (the last point as of `to`). */
  points: z.array(z.object({ date: z.string(), value: Count, upperBound: Count })),
  /** Persons whose custody events all lack a usable date. */
  unplaced: z.object({ count: Count, personIds: Ids }),
});

export const CasesArgs = z.object({ personIds: z.array(Id).max(10_000) }).strict();

export const CaseSummary = z.object({
  id: z.string(),
  name: z.string(),
  nameLatin: z.string(),
  birthDate: z.string().nullable(),
  region: z.string().nullable(),
  /** The person's publication consent: the UI decides what to show from it. */
  consent: Consent,
  /** The code of the person's pseudonym, as reports and exports for publication show it. */
  pseudonym: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CasesResult = z.object({ items: z.array(CaseSummary) });

export type InCustodyArgs = z.output<typeof InCustodyArgs>;
export type ReleasesArgs = z.output<typeof ReleasesArgs>;
export type ReleasesResult = z.output<typeof ReleasesResult>;
export type AtRiskResult = z.output<typeof AtRiskResult>;
export type EarlyReleaseShareArgs = z.output<typeof EarlyReleaseShareArgs>;
export type EarlyReleaseShareResult = z.output<typeof EarlyReleaseShareResult>;
export type RearrestsArgs = z.output<typeof RearrestsArgs>;
export type BreakdownArgs = z.output<typeof BreakdownArgs>;
export type BreakdownResult = z.output<typeof BreakdownResult>;
export type CustodySeriesArgs = z.output<typeof CustodySeriesArgs>;
export type CustodySeriesResult = z.output<typeof CustodySeriesResult>;
export type CasesArgs = z.output<typeof CasesArgs>;
export type CasesResult = z.output<typeof CasesResult>;

export const PivotMeasure = z.enum(['inCustody', 'atRisk']);

/** A custom count: a measure split by one or two breakdown dimensions. */
export const PivotDefinition = z
  .object({
    measure: PivotMeasure,
    rows: BreakdownDimension,
    columns: BreakdownDimension.optional(),
    asOf: AsOfDate,
    filters: FigureFilters.optional(),
  })
  .strict()
  .refine((a) => a.columns === undefined || a.columns !== a.rows, {
    message: 'rows and columns must be different dimensions',
  });

export const PivotArgs = PivotDefinition;

const PivotCell = z.object({ key: z.string().nullable(), figure: Figure });

export const PivotResult = z.object({
  asOf: z.string(),
  measure: PivotMeasure,
  rowDimension: BreakdownDimension,
  columnDimension: BreakdownDimension.nullable(),
  /** The column values in display order (`null`: not recorded); empty without columns. */
  columnKeys: z.array(z.string().nullable()),
  /** Each row's `total` is the one-dimension breakdown cell of its key; empty cells are left out. */
  rows: z.array(z.object({ key: z.string().nullable(), cells: z.array(PivotCell), total: Figure })),
  /** Each column's count: the one-dimension breakdown cell of its key. */
  columnTotals: z.array(PivotCell),
  /** The base population (the measure's own figure, distinct persons). */
  total: Figure,
});

/** A saved custom count: its definition only, never its numbers or cases. */
export const SavedPivot = z
  .object({ name: z.string().trim().min(1).max(100), definition: PivotDefinition })
  .strict();
export type SavedPivot = z.output<typeof SavedPivot>;

/** A custom count saved in the vault, with the id to delete it by. */
export const SavedCount = SavedPivot.extend({ id: Id });
export type SavedCount = z.output<typeof SavedCount>;

export type PivotArgs = z.output<typeof PivotArgs>;
export type PivotResult = z.output<typeof PivotResult>;
