import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { BarShapeProps } from 'recharts';
import type { Figure, ReleasesResult } from '../../../core/api/figures';
import { ChartFrame } from './ChartFrame';
import { combineFigures, possibleOnly } from './combine';
import type { DrillRequest } from './DrillDown';
import type { FigureLabels } from './labels';
import { orderReleaseTypes } from '../../../core/api/releaseSeries';
import {
  POSSIBLE_DASH,
  POSSIBLE_STYLE,
  releaseTypeStyle,
  Swatch,
  type SeriesStyle,
} from './palette';
import type { ReleaseWindow } from './params';
import { hitBands } from './hitBands';
import { useRovingMarks } from './roving';

export const RELEASES_CHART_SIZE = { width: 700, height: 340 } as const;

interface Props {
  releases: ReleasesResult;
  window: ReleaseWindow;
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
}

interface Row {
  period: string;
  /** Certain counts by series key `s<index>`, and `possible` for the uncertain ones. */
  [key: string]: string | number;
}

interface Segment {
  year: string;
  /** Index into the types, or -1 for the year's possible releases. */
  series: number;
  figure: Figure;
  label: string;
}

const POSSIBLE = -1;

/** A count, and its upper bound when partial dates leave some releases uncertain. */
export function countText(labels: FigureLabels, figure: Figure): string {
  return figure.upperBound > figure.value
    ? labels.t('figures.upTo', {
        value: labels.number(figure.value),
        upper: labels.number(figure.upperBound),
      })
    : labels.number(figure.value);
}

/** Releases by year and type: stacked bars, one colour and pattern per type. */
export const ReleasesChart = memo(function ReleasesChart({
  releases,
  window,
  labels,
  onDrill,
}: Props) {
  const { t } = labels;
  const types = orderReleaseTypes(
    releases.byType
      .filter((entry) => entry.figure.upperBound > 0)
      .map((entry) => entry.releaseType),
  );
  const styles = types.map((type, index) => releaseTypeStyle(type, index));
  const years = window.years.map(String);
  const cells = new Map<string, Figure>();
  const cellKey = (year: string, type: string | null) => JSON.stringify([year, type]);
  for (const cell of releases.cells) cells.set(cellKey(cell.period, cell.releaseType), cell.figure);
  const cellOf = (year: string, type: string | null) => cells.get(cellKey(year, type));
  const template = releases.total;
  const windowText = t('figures.window', {
    from: labels.date(`${window.from}-01-01`),
    to: labels.date(window.cutAtAsOf ? window.to : `${window.to}-12-31`),
  });

  const cellTitle = (year: string, type: string | null, figure: Figure) =>
    t('figures.releases.cellTitle', {
      type: labels.releaseType(type),
      year,
      number: countText(labels, figure),
    });
  const yearTotals = years.map((year) => ({
    year,
    figure: combineFigures(
      types.flatMap((type) => cellOf(year, type) ?? []),
      template,
    ),
  }));
  const yearTotal = new Map(yearTotals.map((entry) => [entry.year, entry.figure.value]));

  // One mark per non-empty segment, in reading order: year by year, bottom to top.
  const segments: Segment[] = [];
  const rows: Row[] = years.map((year) => {
    const row: Row = { period: year };
    types.forEach((type, series) => {
      const figure = cellOf(year, type);
      row[`s${series}`] = figure?.value ?? 0;
      if (figure && figure.value > 0) {
        segments.push({ year, series, figure, label: cellTitle(year, type, figure) });
      }
    });
    const inYear = types.flatMap((type) => cellOf(year, type) ?? []);
    const possible = possibleOnly(inYear, template);
    row.possible = possible.upperBound;
    if (possible.upperBound > 0) {
      segments.push({
        year,
        series: POSSIBLE,
        figure: possible,
        label: t('figures.releases.possibleTitle', {
          year,
          count: possible.upperBound,
          formatted: labels.number(possible.upperBound),
        }),
      });
    }
    return row;
  });
  const anyPossible = rows.some((row) => Number(row.possible) > 0);
  const markIndex = new Map(
    segments.map((segment, index) => [`${segment.year}|${segment.series}`, index]),
  );
  const topSeries = new Map<string, number>();
  for (const segment of segments) topSeries.set(segment.year, segment.series);
  const { container, onKeyDown, markProps } = useRovingMarks();

  const open = (segment: Segment) =>
    onDrill({ title: segment.label, definitions: ['releases'], figure: segment.figure });

  /** The series of a year's stack from the foot up, as Recharts stacks them. */
  const stackOrder = [...types.map((_, series) => series), ...(anyPossible ? [POSSIBLE] : [])];
  const stackValue = (row: Row, series: number) =>
    Number(series === POSSIBLE ? row.possible : row[`s${series}`]);

  /**
   * Where a segment answers the mouse: its share of the year's stack, at least MIN_TARGET
   * pixels high (hitBands), worked out from the pixels per person this segment is drawn at.
   */
  function hitArea(row: Row, series: number, y: number, height: number) {
    const perUnit = height / stackValue(row, series);
    const heights = stackOrder.map((other) => stackValue(row, other) * perUnit);
    const position = stackOrder.indexOf(series);
    const foot = y + height + heights.slice(0, position).reduce((sum, h) => sum + h, 0);
    const band = hitBands(heights)[position]!;
    return { y: foot - band.start - band.size, height: band.size };
  }

  function shape(series: number, style: SeriesStyle) {
    return function renderSegment(props: BarShapeProps) {
      const { x, y, width, height } = props;
      const row = props.payload as Row;
      const year = String(row.period);
      const index = markIndex.get(`${year}|${series}`);
      const segment = index === undefined ? undefined : segments[index];
      if (index === undefined || !segment || height <= 0) return <g />;
      const value = series === POSSIBLE ? segment.figure.upperBound : segment.figure.value;
      const hit = hitArea(row, series, y, height);
      return (
        <g {...markProps(index, segment.label, () => open(segment))}>
          {/* The pointer goes only to the hit areas below, which never overlap. */}
          <rect
            pointerEvents="none"
            x={x}
            y={y}
            width={width}
            height={height}
            fill={`url(#${style.patternId})`}
            stroke="#1c2230"
            strokeWidth={series === POSSIBLE ? 1 : 0.75}
            strokeDasharray={series === POSSIBLE ? POSSIBLE_DASH : undefined}
          />
          {/* Drawn over the segment: a thin one still has a target of usable size. */}
          <rect
            className="figures-hit"
            x={x}
            y={hit.y}
            width={width}
            height={hit.height}
            fill="transparent"
          />
          {height >= 15 && (
            <text
              pointerEvents="none"
              className="figures-bar-label"
              x={x + width / 2}
              y={y + height / 2}
              textAnchor="middle"
              dominantBaseline="central"
            >
              {series === POSSIBLE ? `+${labels.number(value)}` : labels.number(value)}
            </text>
          )}
          {topSeries.get(year) === series && (
            <text
              pointerEvents="none"
              className="figures-bar-total"
              x={x + width / 2}
              y={y - 6}
              textAnchor="middle"
            >
              {labels.number(yearTotal.get(year) ?? 0)}
            </text>
          )}
        </g>
      );
    };
  }

  const busiest = yearTotals.reduce<{ year: string; figure: Figure } | null>(
    (best, entry) => (best === null || entry.figure.value > best.figure.value ? entry : best),
    null,
  );
  const summary =
    releases.total.upperBound === 0
      ? t('figures.releases.summaryNone', {
          from: labels.date(`${window.from}-01-01`),
          to: labels.date(window.cutAtAsOf ? window.to : `${window.to}-12-31`),
        })
      : t('figures.releases.summary', {
          count: releases.total.value,
          formatted: countText(labels, releases.total),
          persons: labels.number(releases.total.personIds.length),
          from: labels.date(`${window.from}-01-01`),
          to: labels.date(window.cutAtAsOf ? window.to : `${window.to}-12-31`),
          year: busiest?.year ?? '',
          yearCount: labels.number(busiest?.figure.value ?? 0),
        });

  const chart = (
    <BarChart
      // Recharts stacks bars in the order they were first mounted: a new set of types is a
      // new chart, so that the stack always follows the legend.
      key={JSON.stringify(types)}
      width={RELEASES_CHART_SIZE.width}
      height={RELEASES_CHART_SIZE.height}
      data={rows}
      margin={{ top: 24, right: 12, bottom: 4, left: 0 }}
      accessibilityLayer={false}
      barCategoryGap="22%"
    >
      <CartesianGrid vertical={false} stroke="#dfe2e7" />
      <XAxis dataKey="period" tick={{ fill: '#1c2230', fontSize: 13 }} tickLine={false} />
      <YAxis allowDecimals={false} tick={{ fill: '#4a5263', fontSize: 12 }} width={44} />
      {types.map((type, series) => (
        <Bar
          key={String(type)}
          dataKey={`s${series}`}
          stackId="releases"
          isAnimationActive={false}
          shape={shape(series, styles[series]!)}
        />
      ))}
      {anyPossible && (
        <Bar
          dataKey="possible"
          stackId="releases"
          isAnimationActive={false}
          shape={shape(POSSIBLE, POSSIBLE_STYLE)}
        />
      )}
    </BarChart>
  );

  const legend = (
    <div className="figures-legend">
      <p className="figures-legend-title">{t('figures.releases.legendTitle')}</p>
      <ul>
        {[...types].reverse().map((type) => {
          const series = types.indexOf(type);
          const entry = releases.byType.find((item) => item.releaseType === type);
          if (!entry) return null;
          const title = t('figures.releases.typeTitle', {
            type: labels.releaseType(type),
            window: windowText,
            number: countText(labels, entry.figure),
          });
          return (
            <li key={String(type)}>
              <button
                type="button"
                className="figures-legend-item"
                aria-label={title}
                onClick={() => onDrill({ title, definitions: ['releases'], figure: entry.figure })}
              >
                <Swatch style={styles[series]!} />
                <span className="figures-legend-name">{labels.releaseType(type)}</span>
                <span className="figures-legend-count">{countText(labels, entry.figure)}</span>
              </button>
            </li>
          );
        })}
        {anyPossible && (
          <li>
            <span className="figures-legend-item static">
              <Swatch style={POSSIBLE_STYLE} dashed />
              <span className="figures-legend-name">{t('figures.releases.possibleLegend')}</span>
            </span>
          </li>
        )}
      </ul>
    </div>
  );

  const table = (
    <table className="figures-table">
      <caption className="visually-hidden">{t('figures.releases.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figures.releases.year')}</th>
          {types.map((type) => (
            <th key={String(type)} scope="col">
              {labels.releaseType(type)}
            </th>
          ))}
          <th scope="col">{t('figures.total')}</th>
        </tr>
      </thead>
      <tbody>
        {yearTotals.map(({ year, figure: total }) => (
          <tr key={year}>
            <th scope="row">{year}</th>
            {types.map((type) => {
              const figure = cellOf(year, type);
              return (
                <td key={String(type)}>
                  {figure ? (
                    <CountButton
                      text={countText(labels, figure)}
                      title={cellTitle(year, type, figure)}
                      onClick={() =>
                        onDrill({
                          title: cellTitle(year, type, figure),
                          definitions: ['releases'],
                          figure,
                        })
                      }
                    />
                  ) : (
                    '0'
                  )}
                </td>
              );
            })}
            <td>
              <CountButton
                text={countText(labels, total)}
                title={t('figures.releases.yearTitle', { year, number: countText(labels, total) })}
                onClick={() =>
                  onDrill({
                    title: t('figures.releases.yearTitle', {
                      year,
                      number: countText(labels, total),
                    }),
                    definitions: ['releases'],
                    figure: total,
                  })
                }
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      summary={summary}
      chartLabel={t('figures.releases.chartLabel')}
      container={container}
      onKeyDown={onKeyDown}
      chart={chart}
      legend={legend}
      table={table}
    />
  );
});

interface CountButtonProps {
  text: string;
  /** The full name of the figure, read instead of the bare number. */
  title: string;
  onClick: () => void;
}

/** A number in a table that opens the cases behind it. */
export function CountButton({ text, title, onClick }: CountButtonProps) {
  return (
    <button type="button" className="figures-count" aria-label={title} onClick={onClick}>
      {text}
    </button>
  );
}
