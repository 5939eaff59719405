import { memo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { CustodySeriesResult, FigureFilters } from '../../../core/api/figures';
import { requestUnlocked } from '../api';
import { ChartFrame } from './ChartFrame';
import type { DrillRequest } from './DrillDown';
import type { FigureLabels } from './labels';
import { OKABE_ITO } from './palette';
import { useRovingMarks } from './roving';
import { CountButton } from './ReleasesChart';

export const CUSTODY_CHART_SIZE = { width: 540, height: 300 } as const;

interface Props {
  series: CustodySeriesResult;
  filters: FigureFilters;
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
}

type Point = CustodySeriesResult['points'][number];

/** The number in custody at the end of each month: a line, each point opening its cases. */
export const CustodyChart = memo(function CustodyChart({
  series,
  filters,
  labels,
  onDrill,
}: Props) {
  const { t } = labels;
  const points = series.points;
  const uncertain = points.some((point) => point.upperBound > point.value);
  const { container, onKeyDown, markProps } = useRovingMarks();

  const pointText = (point: Point) =>
    point.upperBound > point.value
      ? t('figures.upTo', {
          value: labels.number(point.value),
          upper: labels.number(point.upperBound),
        })
      : labels.number(point.value);
  const pointTitle = (point: Point) =>
    t('figures.custody.pointTitle', { date: labels.date(point.date), number: pointText(point) });

  const open = (point: Point) =>
    onDrill({
      title: pointTitle(point),
      definitions: ['in_custody', 'custody_series'],
      figure: () => requestUnlocked((api) => api.figureInCustody({ asOf: point.date, filters })),
    });

  // A tick at each January: a year label is enough to read the line by.
  const ticks = points.filter((point) => point.date.slice(5, 7) === '01').map((p) => p.date);
  const last = points.at(-1);

  function renderDot(props: {
    cx?: number;
    cy?: number;
    index: number;
    points: ReadonlyArray<{ x: number | null }>;
  }) {
    const point = points[props.index];
    const { cx, cy } = props;
    if (!point || cx === undefined || cy === undefined) return <g key={props.index} />;
    const isLast = props.index === points.length - 1;
    return (
      <g key={props.index} {...markProps(props.index, pointTitle(point), () => open(point))}>
        {/* A click target as wide as the month, never over its neighbours. */}
        <rect
          x={cx - step(props.points) / 2}
          y={cy - 12}
          width={step(props.points)}
          height={24}
          fill="transparent"
        />
        <circle
          className="figures-dot"
          cx={cx}
          cy={cy}
          r={isLast ? 4 : 2.5}
          fill={OKABE_ITO.blue}
          stroke="#ffffff"
          strokeWidth={1}
        />
        {isLast && (
          <text className="figures-line-label" x={cx + 8} y={cy} dominantBaseline="central">
            {labels.number(point.value)}
            {point.upperBound > point.value && (
              <tspan className="figures-line-upper" x={cx + 8} dy="1.2em">
                {t('figures.custody.upTo', { upper: labels.number(point.upperBound) })}
              </tspan>
            )}
          </text>
        )}
      </g>
    );
  }

  const summary =
    last === undefined
      ? ''
      : t('figures.custody.summary', {
          from: labels.date(points[0]!.date),
          first: pointText(points[0]!),
          to: labels.date(last.date),
          last: pointText(last),
          peak: labels.number(Math.max(...points.map((point) => point.value))),
        });

  const chart = (
    <LineChart
      // Drawn in mounting order: the upper-bound line, when it comes, goes under the other.
      key={String(uncertain)}
      width={CUSTODY_CHART_SIZE.width}
      height={CUSTODY_CHART_SIZE.height}
      data={points}
      margin={{ top: 16, right: 96, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="#dfe2e7" />
      <XAxis
        dataKey="date"
        ticks={ticks}
        tickFormatter={(date: string) => date.slice(0, 4)}
        tick={{ fill: '#1c2230', fontSize: 13 }}
        tickLine={false}
      />
      <YAxis allowDecimals={false} tick={{ fill: '#4a5263', fontSize: 12 }} width={44} />
      {uncertain && (
        <Line
          dataKey="upperBound"
          stroke={OKABE_ITO.vermillion}
          strokeWidth={1.5}
          strokeDasharray="5 4"
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      )}
      <Line
        dataKey="value"
        stroke={OKABE_ITO.blue}
        strokeWidth={2.5}
        dot={renderDot}
        activeDot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );

  const legend = uncertain ? (
    <div className="figures-legend figures-legend-below">
      <ul>
        <li className="figures-legend-item static">
          <svg width="28" height="10" aria-hidden="true" focusable="false">
            <line x1="0" y1="5" x2="28" y2="5" stroke={OKABE_ITO.blue} strokeWidth="2.5" />
          </svg>
          <span>{t('figures.custody.certainLine')}</span>
        </li>
        <li className="figures-legend-item static">
          <svg width="28" height="10" aria-hidden="true" focusable="false">
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              stroke={OKABE_ITO.vermillion}
              strokeWidth="1.5"
              strokeDasharray="5 4"
            />
          </svg>
          <span>{t('figures.custody.upperLine')}</span>
        </li>
      </ul>
    </div>
  ) : undefined;

  const table = (
    <table className="figures-table">
      <caption className="visually-hidden">{t('figures.custody.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figures.custody.date')}</th>
          <th scope="col">{t('figures.custody.count')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.date}>
            <th scope="row">{labels.date(point.date)}</th>
            <td>
              <CountButton
                text={pointText(point)}
                title={pointTitle(point)}
                onClick={() => open(point)}
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
      chartLabel={t('figures.custody.chartLabel')}
      container={container}
      onKeyDown={onKeyDown}
      chart={chart}
      legend={legend}
      table={table}
    />
  );
});

/** The distance between two points of the line, for their click targets. */
function step(points: ReadonlyArray<{ x: number | null }>): number {
  const [first, second] = points;
  if (first?.x == null || second?.x == null) return 18;
  return Math.min(18, Math.max(2, second.x - first.x));
}
