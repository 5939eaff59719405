import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ApiResult, ErrorCode } from '../../../core/api/errors';
import type {
  BreakdownDimension,
  FigureFilters,
  PivotResult,
  SavedCount,
} from '../../../core/api/figures';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { breakdownDefinitions } from './Breakdowns';
import type { DrillRequest } from './DrillDown';
import type { FigureLabels } from './labels';
import { countText, CountButton } from './ReleasesChart';
import { BREAKDOWN_DIMENSIONS } from './useFigures';

type Measure = PivotResult['measure'];
const MEASURES: readonly Measure[] = ['inCustody', 'atRisk'];

interface Props {
  asOf: string;
  filters: FigureFilters;
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
  /** Puts a saved count's date and filters on the dashboard. */
  onApply: (asOf: string, filters: FigureFilters) => void;
}

/** A pivot of the dashboard's date and filters: a measure by one or two dimensions. */
export function CustomCount({ asOf, filters, labels, onDrill, onApply }: Props) {
  const { t } = labels;
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('inCustody');
  const [rows, setRows] = useState<BreakdownDimension>('region');
  const [columns, setColumns] = useState<BreakdownDimension | ''>('sex');
  const [result, setResult] = useState<ApiResult<PivotResult> | null>(null);
  const [saved, setSaved] = useState<SavedCount[]>([]);
  const [name, setName] = useState('');
  const [saveError, setSaveError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let live = true;
    const definition = {
      measure,
      rows,
      asOf,
      filters,
      ...(columns === '' ? {} : { columns }),
    };
    void requestUnlocked((api) => api.figurePivot(definition)).then((answer) => {
      if (live) setResult(answer);
    });
    return () => {
      live = false;
    };
  }, [measure, rows, columns, asOf, filters]);

  useEffect(() => {
    void requestUnlocked((api) => api.listPivots()).then((answer) => {
      if (answer.ok) setSaved(answer.value);
    });
  }, []);

  function chooseRows(next: BreakdownDimension) {
    setRows(next);
    if (columns === next) setColumns('');
  }

  function save() {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const definition = {
      measure,
      rows,
      asOf,
      ...(columns === '' ? {} : { columns }),
      ...(Object.keys(filters).length > 0 ? { filters } : {}),
    };
    void requestUnlocked((api) => api.savePivot({ name: trimmed, definition })).then((answer) => {
      setSaveError(answer.ok ? null : answer.error.code);
      if (answer.ok) {
        setSaved(answer.value);
        setName('');
      }
    });
  }

  function load(savedId: string) {
    const chosen = saved.find((p) => p.id === savedId);
    if (!chosen) return;
    const { definition } = chosen;
    setMeasure(definition.measure);
    setRows(definition.rows);
    setColumns(definition.columns ?? '');
    onApply(definition.asOf, definition.filters ?? {});
  }

  const date = labels.date(asOf);
  const measureText = t(`figures.pivot.measures.${measure}`);
  const pivot = result?.ok ? result.value : null;
  const definitions = breakdownDefinitions(
    pivot ? [pivot.rowDimension, pivot.columnDimension] : [],
    measure,
  );

  function cellButton(figure: PivotResult['total'], title: string) {
    return (
      <CountButton
        text={countText(labels, figure)}
        title={title}
        onClick={() => onDrill({ title, definitions, figure })}
      />
    );
  }

  return (
    <div className="figures-pivot">
      <div className="figures-controls">
        <label htmlFor={`${id}-measure`}>{t('figures.pivot.measure')}</label>
        <select
          id={`${id}-measure`}
          value={measure}
          onChange={(e) => setMeasure(e.target.value as Measure)}
        >
          {MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`figures.pivot.measures.${m}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-rows`}>{t('figures.pivot.rows')}</label>
        <select
          id={`${id}-rows`}
          value={rows}
          onChange={(e) => chooseRows(e.target.value as BreakdownDimension)}
        >
          {BREAKDOWN_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(`figures.breakdown.columns.${d}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-columns`}>{t('figures.pivot.columns')}</label>
        <select
          id={`${id}-columns`}
          value={columns}
          onChange={(e) => setColumns(e.target.value as BreakdownDimension | '')}
        >
          <option value="">{t('figures.pivot.none')}</option>
          {BREAKDOWN_DIMENSIONS.filter((d) => d !== rows).map((d) => (
            <option key={d} value={d}>
              {t(`figures.breakdown.columns.${d}`)}
            </option>
          ))}
        </select>
      </div>

      {result && !result.ok && (
        <p role="alert" className="alert">
          {t(errorKey(result.error.code))}
        </p>
      )}

      {pivot && (
        <PivotTable
          pivot={pivot}
          labels={labels}
          measureText={measureText}
          date={date}
          cellButton={cellButton}
        />
      )}
      {pivot && (
        <p className="figures-note">
          {t('figures.pivot.multiNote')}{' '}
          {cellButton(
            pivot.total,
            t('figures.pivot.totalTitle', {
              measure: measureText,
              date,
              number: countText(labels, pivot.total),
            }),
          )}
        </p>
      )}

      <div className="figures-controls">
        <label htmlFor={`${id}-name`}>{t('figures.pivot.saveAs')}</label>
        <input
          id={`${id}-name`}
          type="text"
          maxLength={100}
          value={name}
          aria-label={t('figures.pivot.saveName')}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="button"
          className="button secondary"
          disabled={name.trim() === ''}
          onClick={save}
        >
          {t('figures.pivot.save')}
        </button>
        <label htmlFor={`${id}-saved`}>{t('figures.pivot.saved')}</label>
        <select
          id={`${id}-saved`}
          value=""
          disabled={saved.length === 0}
          onChange={(e) => load(e.target.value)}
        >
          <option value="">{t('figures.pivot.choose')}</option>
          {saved.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {saveError && (
        <p role="alert" className="alert">
          {t(errorKey(saveError))}
        </p>
      )}
      <p className="figures-note">{t('figures.pivot.savedNote')}</p>
    </div>
  );
}

function PivotTable({
  pivot,
  labels,
  measureText,
  date,
  cellButton,
}: {
  pivot: PivotResult;
  labels: FigureLabels;
  measureText: string;
  date: string;
  cellButton: (figure: PivotResult['total'], title: string) => ReactNode;
}) {
  const { t } = labels;
  const rowDim = pivot.rowDimension;
  const colDim = pivot.columnDimension;
  const keyName = (dimension: BreakdownDimension, key: string | null) =>
    labels.breakdownKey(dimension, key);
  return (
    <table className="figures-table">
      <caption>{t('figures.pivot.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`figures.breakdown.columns.${rowDim}`)}</th>
          {colDim !== null &&
            pivot.columnKeys.map((key) => (
              <th key={key ?? ''} scope="col" className="number">
                {keyName(colDim, key)}
              </th>
            ))}
          <th scope="col" className="number">
            {t('figures.pivot.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {pivot.rows.length === 0 && (
          <tr>
            <td colSpan={pivot.columnKeys.length + 2} className="muted">
              {t('figures.pivot.empty')}
            </td>
          </tr>
        )}
        {pivot.rows.map((row) => {
          const rowName = keyName(rowDim, row.key);
          return (
            <tr key={row.key ?? ''}>
              <th scope="row">{rowName}</th>
              {colDim !== null &&
                pivot.columnKeys.map((key) => {
                  const cell = row.cells.find((c) => c.key === key);
                  return (
                    <td key={key ?? ''} className="number">
                      {cell
                        ? cellButton(
                            cell.figure,
                            t('figures.pivot.cellTitle', {
                              measure: measureText,
                              row: rowName,
                              column: keyName(colDim, key),
                              date,
                              number: countText(labels, cell.figure),
                            }),
                          )
                        : labels.number(0)}
                    </td>
                  );
                })}
              <td className="number">
                {cellButton(
                  row.total,
                  t('figures.pivot.rowTitle', {
                    measure: measureText,
                    row: rowName,
                    date,
                    number: countText(labels, row.total),
                  }),
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
