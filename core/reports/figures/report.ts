import type { DisclosureSummary, FiguresReportParams } from '../../api/reports';
import { figuresOf } from '../figureSet';
import { esc } from '../html';
import type { ReportBuilder } from '../types';
import { appendix } from './appendix';
import { computeFigures } from './compute';
import { layoutOf } from './layout';
import { releasesSection } from './releases';
import { atRiskSection, earlySection, inCustodySection, rearrestsSection } from './sections';
import { figureTables } from './tables';
import { filterNames, wordsFor } from './words';

/**
 * The figures report: every headline figure of the dashboard for one as-of date, release
 * window and filters, worded as published, with its definition, and optionally the cases
 * behind each figure (appendix.ts). Nothing here counts: the numbers are the figure engine's.
 */
export const buildFiguresReport: ReportBuilder<FiguresReportParams> = (params, context) => {
  const data = computeFigures(context.db, params);
  const w = wordsFor(context, data);
  const layout = layoutOf(w, data);
  const filters = filterNames(w, params.filters);
  const asOf = context.t('asOf', { date: w.date(params.asOf) });
  const subtitle = [w.t('subtitle', { asOf, window: w.window }), ...filters].join(' · ');
  const scope =
    filters.length > 0 ? w.t('filters', { filters: filters.join(', ') }) : w.t('noFilters');
  const extra = params.appendix ? appendix(w, data, layout) : null;
  const nothingShown: DisclosureSummary = {
    audience: context.audience,
    persons: 0,
    leftOut: 0,
    pseudonymised: 0,
    neverPublishIncluded: 0,
    sourcesWithheld: 0,
  };
  const body = [
    `<p class="figures-scope">${esc(scope)}</p>`,
    `<p class="note">${esc(w.t('lowerBound'))}</p>`,
    inCustodySection(w, data),
    atRiskSection(w, data, layout),
    releasesSection(w, data, layout),
    earlySection(w, data),
    rearrestsSection(w, data),
    extra?.html ?? '',
  ].join('');
  return {
    title: w.t('title'),
    subtitle,
    body,
    tables: figureTables(w, data, layout),
    disclosure: extra?.summary ?? nothingShown,
    figures: figuresOf(data),
  };
};
