import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterFields } from '../figures/FilterFields';
import { DateField } from '../forms/DateField';
import type { DraftError, FiguresDraft } from './draft';

interface Props {
  draft: FiguresDraft;
  errors: readonly DraftError[];
  onChange: (draft: FiguresDraft) => void;
}

type PartialDateField = 'releasesFrom' | 'releasesTo' | 'earlySince';

/** The figures report's parameters: the dashboard's date, window and filters, and the appendix. */
export function FiguresFields({ draft, errors, onChange }: Props) {
  const { t } = useTranslation();
  const appendixId = useId();
  const windowHintId = useId();
  const set = (changes: Partial<FiguresDraft>) => onChange({ ...draft, ...changes });

  /** A year, a month or a day, typed: the contract's partial dates. */
  const partialDate = (
    field: PartialDateField,
    label: string,
    hint?: string,
    className?: string,
  ) => (
    <DateField
      label={label}
      hint={hint ?? ''}
      error={errors.includes(field) ? t('reports.dateError') : undefined}
      className={className}
      value={draft[field]}
      onChange={(value) => set({ [field]: value })}
    />
  );

  return (
    <fieldset className="report-fields">
      <legend>{t('reports.figures.legend')}</legend>
      <DateField
        label={t('reports.figures.asOf')}
        error={errors.includes('asOf') ? t('reports.figures.asOfError') : undefined}
        className="report-date"
        value={draft.asOf}
        onChange={(asOf) => set({ asOf })}
        needDay
        required
      />
      <fieldset className="choice-group" aria-describedby={windowHintId}>
        <legend>{t('reports.figures.window')}</legend>
        <p id={windowHintId} className="hint">
          {t('reports.figures.windowHint')}
        </p>
        <div className="form-grid">
          {partialDate('releasesFrom', t('reports.figures.releasesFrom'))}
          {partialDate('releasesTo', t('reports.figures.releasesTo'))}
        </div>
      </fieldset>
      {partialDate(
        'earlySince',
        t('reports.figures.earlySince'),
        t('reports.figures.earlySinceHint'),
        'report-date',
      )}
      <fieldset className="choice-group">
        <legend>{t('reports.figures.filters')}</legend>
        <div className="report-filters">
          <FilterFields
            draft={draft}
            onChange={set}
            citizenshipError={errors.includes('citizenship')}
          />
        </div>
      </fieldset>
      <div className="checkbox-field">
        <input
          id={appendixId}
          type="checkbox"
          checked={draft.appendix}
          onChange={(event) => set({ appendix: event.target.checked })}
        />
        <label htmlFor={appendixId}>{t('reports.figures.appendix')}</label>
      </div>
    </fieldset>
  );
}
