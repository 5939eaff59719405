import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIST_COLUMNS,
  ListGrouping,
  type ListColumn,
  type PersonSet,
} from '../../../core/api/reports';
import { Field } from '../components/Field';
import { formatPartialDate } from '../dates';
import { DateField } from '../forms/DateField';
import type { DraftError, ListDraft } from './draft';
import { formatNumber } from '../format';

interface Props {
  draft: ListDraft;
  errors: readonly DraftError[];
  onChange: (draft: ListDraft) => void;
}

/** The list report's heading, date, columns and grouping; who is in it was fixed on opening. */
export function ListFields({ draft, errors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const columnsId = useId();
  const columnsErrorId = useId();
  const set = (changes: Partial<ListDraft>) => onChange({ ...draft, ...changes });

  function toggle(column: ListColumn, on: boolean) {
    // Kept in the contract's order, so the report's columns do not depend on the clicks.
    const chosen = new Set(draft.columns);
    if (on) chosen.add(column);
    else chosen.delete(column);
    set({ columns: LIST_COLUMNS.filter((c) => chosen.has(c)) });
  }

  const noColumns = errors.includes('columns');
  return (
    <fieldset className="report-fields">
      <legend>{t('reports.list.legend')}</legend>
      <p className="hint">{personsText(t, i18n.language, draft.persons)}</p>
      <div className="form-grid">
        <Field label={t('reports.list.title')} hint={t('reports.list.titleHint')}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={200}
              value={draft.title}
              onChange={(event) => set({ title: event.target.value })}
            />
          )}
        </Field>
        <DateField
          label={t('reports.list.asOf')}
          hint={t('reports.list.asOfHint')}
          error={errors.includes('listAsOf') ? t('reports.figures.asOfError') : undefined}
          value={draft.asOf}
          onChange={(asOf) => set({ asOf })}
          needDay
        />
        <Field label={t('reports.list.groupBy')}>
          {(control) => (
            <select
              {...control}
              value={draft.groupBy}
              onChange={(event) => set({ groupBy: ListGrouping.parse(event.target.value) })}
            >
              {ListGrouping.options.map((grouping) => (
                <option key={grouping} value={grouping}>
                  {t(`reports.list.groupings.${grouping}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset
        className="choice-group report-columns"
        aria-describedby={noColumns ? columnsErrorId : undefined}
      >
        <legend>{t('reports.list.columns')}</legend>
        {LIST_COLUMNS.map((column) => (
          <div key={column} className="checkbox-field">
            <input
              id={`${columnsId}-${column}`}
              type="checkbox"
              checked={draft.columns.includes(column)}
              onChange={(event) => toggle(column, event.target.checked)}
            />
            <label htmlFor={`${columnsId}-${column}`}>
              {t(`reports.list.columnNames.${column}`)}
            </label>
          </div>
        ))}
        {noColumns && (
          <p id={columnsErrorId} className="field-error">
            {t('reports.list.columnsError')}
          </p>
        )}
      </fieldset>
    </fieldset>
  );
}

/** Who the list holds, in words: the figure it came from, or the person list's filters. */
function personsText(t: TFunction, language: string, persons: PersonSet): string {
  switch (persons.kind) {
    case 'ids':
      return t('reports.list.personsIds', {
        count: persons.personIds.length,
        formatted: formatNumber(language, persons.personIds.length),
        description: persons.description,
      });
    case 'inCustody':
      return t('reports.list.personsInCustody', { date: formatPartialDate(t, persons.asOf) });
    case 'personList':
      return persons.query === '' && !persons.region && !persons.riskCategory && !persons.inCustody
        ? t('reports.list.personsEveryone')
        : t('reports.list.personsFiltered');
  }
}
