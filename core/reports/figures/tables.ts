import type { Figure } from '../../api/figures';
import { formatPercent } from '../../api/format';
import type { BuiltReport } from '../types';
import type { FiguresData } from './compute';
import type { Layout } from './layout';
import { yearTotal } from './releases';
import type { Words } from './words';

/**
 * The figure tables for CSV and XLSX: the same numbers as the body, header row first, counts as
 * plain digits without the report language's grouping (`1500`, not `1 500` or `1,500`), so
 * they read back as the same number in any spreadsheet's locale.
 */

type Table = BuiltReport['tables'][number];

const plain = (n: number) => String(n);

function countRow(label: string, figure: Figure): string[] {
  return [label, plain(figure.value), plain(figure.upperBound), plain(figure.unplaced.count)];
}

function figuresTable(w: Words, data: FiguresData): Table {
  const { releases, share } = data;
  const rows = [
    [w.t('figure'), w.t('atLeast'), w.t('upToColumn'), w.t('noDate')],
    countRow(w.t('inCustodyHeading'), data.inCustody),
    countRow(w.t('atRiskHeading'), data.atRisk.total),
    countRow(`${w.t('releasesHeading')} (${w.window})`, releases.total),
    countRow(`${w.t('earlyHeading')} (${w.window})`, releases.early),
    countRow(`${w.t('rearrestsHeading')} (${w.window})`, data.rearrests),
  ];
  if (share) {
    const since = w.start(share.since);
    rows.push(
      countRow(w.t('releasedEarlySince', { since }), share.numerator),
      countRow(w.t('convictedSince', { since }), share.denominator),
    );
  }
  return { name: w.t('tableFigures'), rows };
}

function atRiskTable(w: Words, data: FiguresData, layout: Layout): Table {
  return {
    name: w.t('tableAtRisk'),
    rows: [
      [w.t('category'), w.t('atLeast'), w.t('upToColumn'), w.t('noDate')],
      ...layout.categories.map((c) => countRow(c.label, c.figure)),
      countRow(w.t('distinctTotal'), data.atRisk.total),
    ],
  };
}

/** Year × type twice: the certain counts, and the upper bounds. */
function releaseTables(w: Words, { grid, typeLabels }: Layout): Table[] {
  if (grid.years.length === 0) return [];
  const headers = [w.t('year'), ...typeLabels, w.t('total')];
  const sheet = (part: 'value' | 'upperBound') => [
    headers,
    ...grid.years.map((year) => [
      year,
      ...grid.types.map((type) => plain(grid.cell(year, type)?.[part] ?? 0)),
      plain(yearTotal(grid, year)[part]),
    ]),
  ];
  return [
    { name: w.t('tableReleases'), rows: sheet('value') },
    { name: w.t('tableReleasesUpTo'), rows: sheet('upperBound') },
  ];
}

function shareTable(w: Words, data: FiguresData): Table[] {
  const { share } = data;
  if (share === null || share.ratio === null) return [];
  const percent = (ratio: number | null) =>
    ratio === null ? '' : formatPercent(w.context.language, ratio);
  return [
    {
      name: w.t('tableShare'),
      rows: [
        [w.t('figure'), w.t('value')],
        [w.t('shareHeading'), percent(share.ratio)],
        [w.t('shareLow'), percent(share.ratioLow)],
        [w.t('shareHigh'), percent(share.ratioHigh)],
      ],
    },
  ];
}

export function figureTables(w: Words, data: FiguresData, layout: Layout): Table[] {
  return [
    figuresTable(w, data),
    atRiskTable(w, data, layout),
    ...releaseTables(w, layout),
    ...shareTable(w, data),
  ];
}
