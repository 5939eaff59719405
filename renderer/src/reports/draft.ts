import type { FigureFilters } from '../../../core/api/figures';
import { Sex } from '../../../core/api/records';
import {
  ReportSpec,
  type Audience,
  type ListColumn,
  type ListReportParams,
  type PersonSet,
  type ReportLanguage,
} from '../../../core/api/reports';
import { PartialDate } from '../../../core/api/schemas';
import { isCountryCode } from '../../../core/api/countries';
import { isFullDate } from '../figures/params';

/** The figures report's fields as typed, before they are checked. */
export interface FiguresDraft {
  asOf: string;
  releasesFrom: string;
  releasesTo: string;
  earlySince: string;
  region: string;
  citizenship: string;
  sex: string;
  appendix: boolean;
}

export interface ListDraft {
  /** Fixed by where the report was opened from: a drill-down, the person list. */
  persons: PersonSet;
  title: string;
  asOf: string;
  columns: ListColumn[];
  groupBy: ListReportParams['groupBy'];
}

export type TemplateDraft =
  | { template: 'figures'; figures: FiguresDraft }
  | { template: 'list'; list: ListDraft }
  | { template: 'dossier'; personId: string };

export interface OptionsDraft {
  language: ReportLanguage;
  pageSize: ReportSpec['pageSize'];
  /** Who the user chose the document is for. */
  audience: Audience;
  /** An internal document is made only once this is ticked as well. */
  neverPublishConfirmed: boolean;
}

export type ReportDraft = TemplateDraft & { options: OptionsDraft };

export type DraftError =
  | 'asOf'
  | 'releasesFrom'
  | 'releasesTo'
  | 'earlySince'
  | 'citizenship'
  | 'listAsOf'
  | 'columns'
  | 'invalid';

/** The spec an entry point opens the dialog with, its defaults filled in by the contract. */
export function startSpec(input: unknown): ReportSpec {
  return ReportSpec.parse(input);
}

function filtersDraft(filters: FigureFilters | undefined) {
  return {
    region: filters?.region ?? '',
    citizenship: filters?.citizenship ?? '',
    sex: filters?.sex ?? '',
  };
}

/** The dialog's fields for a spec: from an entry point or a saved definition. */
export function draftOf(spec: ReportSpec): ReportDraft {
  const options: OptionsDraft = {
    language: spec.language,
    pageSize: spec.pageSize,
    audience: spec.audience,
    // A saved internal definition was confirmed when it was saved; opening it again asks anew.
    neverPublishConfirmed: false,
  };
  switch (spec.template) {
    case 'figures': {
      const p = spec.params;
      return {
        template: 'figures',
        options,
        figures: {
          asOf: p.asOf,
          releasesFrom: p.releasesFrom ?? '',
          releasesTo: p.releasesTo ?? '',
          earlySince: p.earlySince ?? '',
          ...filtersDraft(p.filters),
          appendix: p.appendix,
        },
      };
    }
    case 'list': {
      const p = spec.params;
      return {
        template: 'list',
        options,
        list: {
          persons: p.persons,
          title: p.title ?? '',
          asOf: p.asOf ?? '',
          columns: [...p.columns],
          groupBy: p.groupBy,
        },
      };
    }
    case 'dossier':
      return { template: 'dossier', options, personId: spec.params.personId };
  }
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function partialDateError(value: string, error: DraftError): DraftError[] {
  const given = optional(value);
  return given === undefined || PartialDate.safeParse(given).success ? [] : [error];
}

function figuresParams(draft: FiguresDraft): { params: unknown; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const asOf = draft.asOf.trim();
  const citizenship = draft.citizenship.trim().toUpperCase();
  if (!isFullDate(asOf) || !PartialDate.safeParse(asOf).success) errors.push('asOf');
  errors.push(...partialDateError(draft.releasesFrom, 'releasesFrom'));
  errors.push(...partialDateError(draft.releasesTo, 'releasesTo'));
  errors.push(...partialDateError(draft.earlySince, 'earlySince'));
  if (citizenship !== '' && !isCountryCode(citizenship)) errors.push('citizenship');
  const filters: FigureFilters = {};
  if (draft.region !== '') filters.region = draft.region;
  if (citizenship !== '') filters.citizenship = citizenship;
  const sex = Sex.safeParse(draft.sex);
  if (sex.success) filters.sex = sex.data;
  const params = {
    asOf,
    releasesFrom: optional(draft.releasesFrom),
    releasesTo: optional(draft.releasesTo),
    earlySince: optional(draft.earlySince),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    appendix: draft.appendix,
  };
  return { params, errors };
}

function listParams(draft: ListDraft): { params: unknown; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const asOf = optional(draft.asOf);
  if (asOf !== undefined && !isFullDate(asOf)) errors.push('listAsOf');
  if (draft.columns.length === 0) errors.push('columns');
  const params = {
    persons: draft.persons,
    title: optional(draft.title),
    asOf,
    columns: draft.columns,
    groupBy: draft.groupBy,
  };
  return { params, errors };
}

/** The audience the core is asked for: internal only once both choices say so. */
export function effectiveAudience(options: OptionsDraft): Audience {
  return options.audience === 'internal' && options.neverPublishConfirmed ? 'internal' : 'publish';
}

/** The checked spec, or what is wrong with the fields. */
export function specOf(
  draft: ReportDraft,
): { ok: true; spec: ReportSpec } | { ok: false; errors: DraftError[] } {
  const { params, errors } =
    draft.template === 'figures'
      ? figuresParams(draft.figures)
      : draft.template === 'list'
        ? listParams(draft.list)
        : { params: { personId: draft.personId }, errors: [] };
  if (errors.length > 0) return { ok: false, errors };
  const parsed = ReportSpec.safeParse({
    template: draft.template,
    params,
    language: draft.options.language,
    pageSize: draft.options.pageSize,
    audience: effectiveAudience(draft.options),
  });
  return parsed.success ? { ok: true, spec: parsed.data } : { ok: false, errors: ['invalid'] };
}
