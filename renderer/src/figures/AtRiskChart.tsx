import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { BarShapeProps } from 'recharts';
import type { DefinitionKey } from '../../../core/api/figureDefinitions';
import type { AtRiskResult, Figure } from '../../../core/api/figures';
import { ChartFrame } from './ChartFrame';
import type { DrillRequest } from './DrillDown';
import type { FigureLabels } from './labels';
import { styleAt, Swatch } from './palette';
import { countText, CountButton } from './ReleasesChart';
import { useRovingMarks } from './roving';

const WIDTH = 540;
const ROW_HEIGHT = 34;
/** The distinct total: vermillion with vertical lines; the categories: plain blue. */
const TOTAL_STYLE = styleAt(5);
const CATEGORY_STYLE = styleAt(0);

interface Props {
  atRisk: AtRiskResult;
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
}

interface Row {
  name: string;
  value: number;
  figure: Figure;
  title: string;
  definitions: readonly DefinitionKey[];
  total: boolean;
}

/** Titles of the at-risk figures, shared by the chart, its table and the headline. */
export function atRiskTitles(atRisk: AtRiskResult, labels: FigureLabels) {
  const { t } = labels;
  const date = labels.date(atRisk.asOf);
  return {
    total: t('figures.risk.totalTitle', { date, number: countText(labels, atRisk.total) }),
    category: (category: string, figure: Figure) =>
      t('figures.risk.categoryTitle', {
        category: labels.riskCategory(category),
        date,
        number: countText(labels, figure),
      }),
  };
}

export function categoryDefinitions(derived: boolean): readonly DefinitionKey[] {
  return derived ? ['at_risk_over_60'] : ['at_risk_category'];
}

/** At special risk: a bar per category, and the distinct total beside them, set apart. */
export const AtRiskChart = memo(function AtRiskChart({ atRisk, labels, onDrill }: Props) {
  const { t } = labels;
  const titles = atRiskTitles(atRisk, labels);
  const categories = [...atRisk.categories].sort(
    (a, b) => b.figure.value - a.figure.value || a.category.localeCompare(b.category),
  );
  const rows: Row[] = [
    {
      name: t('figures.risk.distinctBar'),
      value: atRisk.total.value,
      figure: atRisk.total,
      title: titles.total,
      definitions: ['at_risk'],
      total: true,
    },
    ...categories.map((entry) => ({
      name: labels.riskCategory(entry.category),
      value: entry.figure.value,
      figure: entry.figure,
      title: titles.category(entry.category, entry.figure),
      definitions: categoryDefinitions(entry.derived),
      total: false,
    })),
  ];
  const { container, onKeyDown, markProps } = useRovingMarks();
  const open = (row: Row) =>
    onDrill({ title: row.title, definitions: row.definitions, figure: row.figure });

  function renderBar(props: BarShapeProps) {
    const { x, y, width, height, index } = props;
    const row = rows[index];
    if (!row) return <g />;
    const style = row.total ? TOTAL_STYLE : CATEGORY_STYLE;
    return (
      <g {...markProps(index, row.title, () => open(row))}>
        {/* The whole row answers a click, so that a short bar is not a small target. */}
        <rect x={x} y={y - 4} width={WIDTH} height={height + 8} fill="transparent" />
        <rect
          x={x}
          y={y}
          width={Math.max(width, 1)}
          height={height}
          fill={`url(#${style.patternId})`}
          stroke="#1c2230"
          strokeWidth={0.75}
        />
        <text
          className="figures-bar-end"
          x={x + Math.max(width, 1) + 6}
          y={y + height / 2}
          dominantBaseline="central"
        >
          {countText(labels, row.figure)}
        </text>
      </g>
    );
  }

  const sum = categories.reduce((total, entry) => total + entry.figure.value, 0);
  const summary = t('figures.risk.summary', {
    date: labels.date(atRisk.asOf),
    total: countText(labels, atRisk.total),
    categories: categories
      .map((entry) => `${labels.riskCategory(entry.category)} ${countText(labels, entry.figure)}`)
      .join(', '),
    sum: labels.number(sum),
  });

  const chart = (
    <BarChart
      width={WIDTH}
      height={rows.length * ROW_HEIGHT + 40}
      data={rows}
      layout="vertical"
      margin={{ top: 4, right: 84, bottom: 4, left: 0 }}
      accessibilityLayer={false}
      barCategoryGap="20%"
    >
      <CartesianGrid horizontal={false} stroke="#dfe2e7" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#4a5263', fontSize: 12 }} />
      <YAxis
        type="category"
        dataKey="name"
        width={190}
        tick={{ fill: '#1c2230', fontSize: 13 }}
        tickLine={false}
        interval={0}
      />
      <Bar dataKey="value" isAnimationActive={false} shape={renderBar} />
    </BarChart>
  );

  const legend = (
    <div className="figures-legend figures-legend-below">
      <ul>
        <li className="figures-legend-item static">
          <Swatch style={TOTAL_STYLE} />
          <span>{t('figures.risk.legendTotal')}</span>
        </li>
        <li className="figures-legend-item static">
          <Swatch style={CATEGORY_STYLE} />
          <span>{t('figures.risk.legendCategory')}</span>
        </li>
      </ul>
    </div>
  );

  const table = (
    <table className="figures-table">
      <caption className="visually-hidden">{t('figures.risk.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figures.risk.category')}</th>
          <th scope="col">{t('figures.risk.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <td>
              <CountButton
                text={countText(labels, row.figure)}
                title={row.title}
                onClick={() => open(row)}
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
      chartLabel={t('figures.risk.chartLabel')}
      container={container}
      onKeyDown={onKeyDown}
      chart={chart}
      legend={legend}
      table={table}
    />
  );
});
