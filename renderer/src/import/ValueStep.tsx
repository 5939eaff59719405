import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownValue, ValueMap } from '../../../core/api/import';
import { NeedsList } from '../components/NeedsList';
import { ValueRow } from './ValueRow';
import {
  choiceOf,
  chosenCount,
  incompleteValues,
  withChoice,
  withFirstSuggestions,
} from './values';
import { formatNumber } from '../format';

interface Props {
  /** The values of coded columns no term matches, from the last check of the rows. */
  unknowns: UnknownValue[];
  values: ValueMap;
  onValuesChange: (values: ValueMap) => void;
  busy: boolean;
  onBack: () => void;
  onCheck: () => void;
}

/** Values drawn at once; a file of thousands of spellings shows them a page at a time. */
const PAGE = 100;

/**
 * Step 3: what each value no term matches means. Nothing is chosen for the user; the first
 * suggestions can be taken for all at once. The choices go with the next check of the rows.
 */
export function ValueStep({ unknowns, values, onValuesChange, busy, onBack, onCheck }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const needsId = useId();
  const [shown, setShown] = useState(PAGE);
  const number = (value: number) => formatNumber(i18n.language, value);

  const chosen = chosenCount(values, unknowns);
  const canUseFirst = unknowns.some(
    (unknown) => unknown.suggestions.length > 0 && choiceOf(values, unknown) === null,
  );
  const needs =
    incompleteValues(values, unknowns).length > 0 ? [t('import.values.needsLabel')] : [];
  const ready = needs.length === 0;
  const visible = unknowns.slice(0, shown);

  return (
    <div className="value-step">
      <p className="muted">{t('import.valuesIntro')}</p>
      <div className="value-bar">
        <p role="status" className="value-count">
          {t('import.values.chosen', {
            chosen: number(chosen),
            count: unknowns.length,
            formatted: number(unknowns.length),
          })}
        </p>
        <button
          type="button"
          className="button secondary"
          disabled={!canUseFirst}
          onClick={() => onValuesChange(withFirstSuggestions(values, unknowns))}
        >
          {t('import.values.useFirst')}
        </button>
      </div>

      <h4 id={titleId}>{t('import.valuesTitle')}</h4>
      <div className="table-scroll">
        <table className="mapping-table value-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('import.values.column')}</th>
              <th scope="col">{t('import.values.value')}</th>
              <th scope="col">{t('import.values.rows')}</th>
              <th scope="col">{t('import.values.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((unknown) => (
              <ValueRow
                key={`${unknown.target}\u0000${unknown.column}\u0000${unknown.value}`}
                unknown={unknown}
                choice={choiceOf(values, unknown)}
                onChoice={(choice) => onValuesChange(withChoice(values, unknown, choice))}
              />
            ))}
          </tbody>
        </table>
      </div>
      {visible.length < unknowns.length && (
        <div className="value-more">
          <p className="hint">
            {t('import.values.shownFirst', {
              shown: number(visible.length),
              total: number(unknowns.length),
            })}
          </p>
          <button
            type="button"
            className="button secondary"
            onClick={() => setShown((count) => count + PAGE)}
          >
            {t('import.values.showMore', {
              count: Math.min(PAGE, unknowns.length - visible.length),
            })}
          </button>
        </div>
      )}

      <NeedsList id={needsId} title={t('import.needsTitle')} needs={needs} />

      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!ready}
          aria-disabled={busy}
          aria-describedby={ready ? undefined : needsId}
          onClick={() => {
            if (!busy) onCheck();
          }}
        >
          {busy ? t('import.rechecking') : t('import.recheck')}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('import.back')}
        </button>
      </div>
    </div>
  );
}
