import { useState } from 'react';
import type { DefinitionKey } from '../../../core/api/figureDefinitions';
import type { BreakdownDimension, BreakdownResult } from '../../../core/api/figures';
import type { DrillRequest } from './DrillDown';
import type { FigureLabels } from './labels';
import { countText, CountButton } from './ReleasesChart';

/** Rows shown before "Show all": the long tail of articles and facilities waits for a click. */
const FIRST_ROWS = 8;

interface Props {
  breakdowns: BreakdownResult[];
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
}

/**
 * The definitions behind a cell of a breakdown or custom count by these dimensions: the stage
 * has a rule of its own, which the list of its cases should state.
 */
export function breakdownDefinitions(
  dimensions: readonly (BreakdownDimension | null)[],
  base: 'inCustody' | 'atRisk',
): DefinitionKey[] {
  return [
    'breakdown',
    ...(dimensions.includes('stage') ? (['procedural_stage'] as const) : []),
    base === 'atRisk' ? 'at_risk' : 'in_custody',
  ];
}

/** The people in custody on the date by region, article, citizenship, sex, age, facility, stage. */
export function Breakdowns({ breakdowns, labels, onDrill }: Props) {
  return (
    <div className="figures-breakdowns">
      {breakdowns.map((breakdown) => (
        <BreakdownTable
          key={breakdown.dimension}
          breakdown={breakdown}
          labels={labels}
          onDrill={onDrill}
        />
      ))}
    </div>
  );
}

function BreakdownTable({
  breakdown,
  labels,
  onDrill,
}: {
  breakdown: BreakdownResult;
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
}) {
  const { t } = labels;
  const [all, setAll] = useState(false);
  const { dimension, base, cells } = breakdown;
  const date = labels.date(breakdown.asOf);
  const heading = t(`figures.breakdown.dimensions.${dimension}`);
  const column = t(`figures.breakdown.columns.${dimension}`);
  const hidden = cells.length - FIRST_ROWS;
  return (
    <section className="figures-breakdown">
      <table className="figures-table">
        <caption>{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className="number">
              {t('figures.breakdown.count')}
            </th>
            <th scope="col" className="number">
              {t('figures.breakdown.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('figures.breakdown.empty')}
              </td>
            </tr>
          )}
          {cells.map((cell, index) => {
            const name = labels.breakdownKey(dimension, cell.key);
            const title = t('figures.breakdown.cellTitle', {
              date,
              column,
              value: name,
              number: countText(labels, cell.figure),
            });
            return (
              <tr
                key={cell.key ?? ''}
                className={!all && index >= FIRST_ROWS ? 'figures-extra-row' : undefined}
              >
                <th scope="row">{name}</th>
                <td className="number">
                  <CountButton
                    text={countText(labels, cell.figure)}
                    title={title}
                    onClick={() =>
                      onDrill({
                        title,
                        definitions: breakdownDefinitions([dimension], 'inCustody'),
                        figure: cell.figure,
                      })
                    }
                  />
                </td>
                <td className="number">
                  {base.value > 0 ? labels.percent(cell.figure.value / base.value) : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden > 0 && (
        <button
          type="button"
          className="button link figures-show-all"
          aria-expanded={all}
          onClick={() => setAll((shown) => !shown)}
        >
          {all ? t('figures.breakdown.fewer') : t('figures.breakdown.all', { count: cells.length })}
        </button>
      )}
      {breakdown.multiValued && <p className="figures-note">{t('figures.breakdown.multiNote')}</p>}
    </section>
  );
}
