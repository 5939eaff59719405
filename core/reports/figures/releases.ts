import type { Figure } from '../../api/figures';
import { esc, table } from '../html';
import { releasesChart } from './chart';
import type { FiguresData } from './compute';
import { typeOrder, type ReleaseGrid } from './grid';
import { typeLabel, type Layout } from './layout';
import { section } from './sections';
import { bounds, cellText, definitions, headline, type Words } from './words';

/** The releases section: the total, by type, and year × type as a table and a chart. */

const NONE = '—';

/** Each year's total over its types: the certain releases and the upper bound. */
export function yearTotal(grid: ReleaseGrid, year: string): { value: number; upperBound: number } {
  let value = 0;
  let upperBound = 0;
  for (const type of grid.types) {
    const figure = grid.cell(year, type);
    value += figure?.value ?? 0;
    upperBound += figure?.upperBound ?? 0;
  }
  return { value, upperBound };
}

function byTypeTable(w: Words, data: FiguresData): string {
  const { releases } = data;
  const byType = new Map(releases.byType.map((b) => [b.releaseType, b.figure]));
  const rows = typeOrder(releases).map((type) => {
    const figure = byType.get(type)!;
    return [
      typeLabel(w, type),
      w.number(figure.value),
      w.number(figure.upperBound),
      w.number(figure.unplaced.count),
    ];
  });
  const { total } = releases;
  rows.push([
    w.t('total'),
    w.number(total.value),
    w.number(total.upperBound),
    w.number(total.unplaced.count),
  ]);
  const headers = [w.t('releaseType'), w.t('atLeast'), w.t('upToColumn'), w.t('noDate')];
  return table(headers, rows, 'figures-table');
}

function byYearTable(w: Words, grid: ReleaseGrid, typeLabels: string[]): string {
  const cell = (figure: Figure | undefined) =>
    figure && figure.upperBound > 0 ? cellText(w, figure) : NONE;
  const rows = grid.years.map((year) => {
    const sum = yearTotal(grid, year);
    const total = sum.upperBound > 0 ? cellText(w, sum) : NONE;
    return [year, ...grid.types.map((type) => cell(grid.cell(year, type))), total];
  });
  const headers = [w.t('year'), ...typeLabels, w.t('total')];
  return table(headers, rows, 'figures-table figures-grid');
}

export function releasesSection(w: Words, data: FiguresData, layout: Layout): string {
  const { total } = data.releases;
  if (total.upperBound === 0)
    return section(
      w.t('releasesHeading'),
      `<p class="figures-headline">${esc(w.t('noReleases', { window: w.window }))}</p>` +
        bounds(w, total) +
        definitions(w, [{ key: 'releases' }]),
    );
  const { grid, typeLabels } = layout;
  const persons = total.personIds.length;
  const personsLine =
    persons > 0
      ? `<p>${esc(w.t('releasedPersons', { count: persons, number: w.number(persons) }))}</p>`
      : '';
  return section(
    w.t('releasesHeading'),
    headline(w, 'releases', total) +
      personsLine +
      definitions(w, [{ key: 'releases' }]) +
      `<h3>${esc(w.t('byType'))}</h3>${byTypeTable(w, data)}` +
      `<h3>${esc(w.t('byYear'))}</h3>${byYearTable(w, grid, typeLabels)}` +
      releasesChart(w, grid, typeLabels),
  );
}
