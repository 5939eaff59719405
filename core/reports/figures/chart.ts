import { releaseSeriesIndex } from '../../api/releaseSeries';
import { esc } from '../html';
import type { ReleaseGrid } from './grid';
import { fillOf, INK, patternOf, POSSIBLE } from './palette';
import type { Words } from './words';

/**
 * The releases chart: a hand-written SVG of fixed size, bars by year stacked by release type,
 * with nothing to run (no script, no animation), so that print is the same every time. Only
 * presentation attributes: the app's CSP refuses style attributes in the preview. Each segment
 * has a <title> and the legend names every type.
 */

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 280;
const LEFT = 44;
const RIGHT = 8;
const TOP = 14;
const BOTTOM = 24;
const PLOT_WIDTH = CHART_WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = CHART_HEIGHT - TOP - BOTTOM;
/** Narrower bands than this label every second (third, …) year only. */
const LABEL_SPACE = 28;
const CHART_PATTERNS = 'figures-chart-pattern';
const LEGEND_PATTERNS = 'figures-legend-pattern';

/** A round step for about four gridlines up to `max`. */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Math.max(1, step);
}

/** Coordinates to two decimals: the markup stays short and the same on every machine. */
function r(value: number): string {
  return String(Math.round(value * 100) / 100);
}

interface Column {
  year: string;
  /** `series`: the style of the segment's release type (releaseSeriesIndex). */
  segments: { series: number; value: number; title: string }[];
  certain: number;
  possible: number;
}

function columns(w: Words, grid: ReleaseGrid, typeLabels: string[]): Column[] {
  return grid.years.map((year) => {
    let certain = 0;
    let possible = 0;
    const segments: Column['segments'] = [];
    grid.types.forEach((type, index) => {
      const figure = grid.cell(year, type);
      if (!figure) return;
      certain += figure.value;
      possible += figure.upperBound - figure.value;
      if (figure.value > 0)
        segments.push({
          series: releaseSeriesIndex(type, index),
          value: figure.value,
          title: w.t('barTitle', {
            type: typeLabels[index]!,
            year,
            number: w.number(figure.value),
          }),
        });
    });
    return { year, segments, certain, possible };
  });
}

function bar(w: Words, column: Column, x: number, width: number, scale: number): string {
  let y = TOP + PLOT_HEIGHT;
  const parts: string[] = [];
  for (const s of column.segments) {
    const h = s.value * scale;
    y -= h;
    parts.push(
      `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(h)}" fill="${fillOf(CHART_PATTERNS, s.series)}" stroke="#FFFFFF" stroke-width="0.5"><title>${esc(s.title)}</title></rect>`,
    );
  }
  if (column.possible > 0) {
    const h = column.possible * scale;
    y -= h;
    const title = w.t('possibleTitle', { year: column.year, number: w.number(column.possible) });
    parts.push(
      `<rect x="${r(x + 0.5)}" y="${r(y)}" width="${r(width - 1)}" height="${r(h)}" fill="${POSSIBLE.fill}" stroke="${POSSIBLE.stroke}" stroke-width="0.8" stroke-dasharray="${POSSIBLE.dash}"><title>${esc(title)}</title></rect>`,
    );
  }
  if (column.certain > 0 && width >= 14)
    parts.push(
      `<text x="${r(x + width / 2)}" y="${r(y - 3)}" font-size="8" text-anchor="middle" fill="${INK}">${esc(w.number(column.certain))}</text>`,
    );
  return `<g data-year="${esc(column.year)}">${parts.join('')}</g>`;
}

function axes(w: Words, top: number, step: number, scale: number): string {
  const lines: string[] = [];
  for (let v = 0; v <= top; v += step) {
    const y = TOP + PLOT_HEIGHT - v * scale;
    lines.push(
      `<line x1="${LEFT}" x2="${LEFT + PLOT_WIDTH}" y1="${r(y)}" y2="${r(y)}" stroke="${v === 0 ? INK : '#BBBBBB'}" stroke-width="${v === 0 ? 0.8 : 0.4}"/>`,
      `<text x="${LEFT - 4}" y="${r(y + 3)}" font-size="8" text-anchor="end" fill="${INK}">${esc(w.number(v))}</text>`,
    );
  }
  return lines.join('');
}

function legend(w: Words, grid: ReleaseGrid, typeLabels: string[], possible: boolean): string {
  const item = (swatch: string, label: string) =>
    `<li><svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">${swatch}</svg>${esc(label)}</li>`;
  const items = typeLabels.map((label, index) => {
    const series = releaseSeriesIndex(grid.types[index] ?? null, index);
    return item(
      `<defs>${patternOf(LEGEND_PATTERNS, series)}</defs><rect x="0.5" y="0.5" width="11" height="11" fill="${fillOf(LEGEND_PATTERNS, series)}" stroke="${INK}" stroke-width="0.5"/>`,
      label,
    );
  });
  if (possible)
    items.push(
      item(
        `<rect x="0.5" y="0.5" width="11" height="11" fill="${POSSIBLE.fill}" stroke="${POSSIBLE.stroke}" stroke-width="0.8" stroke-dasharray="${POSSIBLE.dash}"/>`,
        w.t('possibleLegend'),
      ),
    );
  return `<ul class="figures-legend">${items.join('')}</ul>`;
}

/** The chart with its legend and note, as a <figure>; `typeLabels` follow `grid.types`. */
export function releasesChart(w: Words, grid: ReleaseGrid, typeLabels: string[]): string {
  const cols = columns(w, grid, typeLabels);
  const max = Math.max(1, ...cols.map((c) => c.certain + c.possible));
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const scale = PLOT_HEIGHT / top;
  const band = PLOT_WIDTH / cols.length;
  const width = Math.min(48, band * 0.7);
  const every = Math.ceil(LABEL_SPACE / band);
  const bars = cols.map((c, i) => bar(w, c, LEFT + i * band + (band - width) / 2, width, scale));
  const years = cols
    .map((c, i) =>
      i % every === 0
        ? `<text x="${r(LEFT + (i + 0.5) * band)}" y="${CHART_HEIGHT - 8}" font-size="9" text-anchor="middle" fill="${INK}">${esc(c.year)}</text>`
        : '',
    )
    .join('');
  const series = new Set(grid.types.map((type, index) => releaseSeriesIndex(type, index)));
  const patterns = [...series].map((index) => patternOf(CHART_PATTERNS, index)).join('');
  const title = w.t('chartTitle');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img">` +
    `<title>${esc(title)}</title><defs>${patterns}</defs>` +
    `${axes(w, top, step, scale)}${bars.join('')}${years}</svg>`;
  const possible = cols.some((c) => c.possible > 0);
  const note = possible ? `${w.t('chartNote')} ${w.t('chartNotePossible')}` : w.t('chartNote');
  return `<figure class="figures-chart">${svg}${legend(w, grid, typeLabels, possible)}<figcaption class="note">${esc(note)}</figcaption></figure>`;
}
