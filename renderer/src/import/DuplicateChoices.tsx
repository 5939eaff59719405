import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicateChoice, type ImportDecisions } from '../../../core/api/import';
import { withDuplicateRow, type DuplicateRow } from './decisions';
import { MAX_ROWS_SHOWN, RowChoiceTable } from './RowChoiceTable';
import { formatNumber } from '../format';

interface Props {
  /** How many rows the dry run counted as likely duplicates, listed or not. */
  total: number;
  rows: DuplicateRow[];
  decisions: ImportDecisions;
  onChange: (decisions: ImportDecisions) => void;
}

/**
 * Likely duplicates by name: skip them, merge them into the person in the vault, or add them
 * as new persons, for all of them at once and row by row.
 */
export function DuplicateChoices({ total, rows, decisions, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const number = (value: number) => formatNumber(i18n.language, value);
  const shown = rows.slice(0, MAX_ROWS_SHOWN);
  const allLabel = t(`import.duplicateChoices.${decisions.duplicates}`);

  return (
    <section className="import-decisions" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('import.duplicatesTitle')}</h4>
      <p className="muted">{t('import.duplicatesIntro')}</p>
      <fieldset className="choice-group">
        <legend>{t('import.duplicatesAll')}</legend>
        {DuplicateChoice.options.map((choice) => (
          <div key={choice} className="checkbox-field">
            <input
              id={`${titleId}-${choice}`}
              type="radio"
              name={`${titleId}-all`}
              value={choice}
              checked={decisions.duplicates === choice}
              onChange={() => onChange({ ...decisions, duplicates: choice })}
            />
            <label htmlFor={`${titleId}-${choice}`}>{t(`import.duplicateChoices.${choice}`)}</label>
          </div>
        ))}
      </fieldset>
      {shown.length > 0 && (
        <RowChoiceTable
          rows={shown}
          choiceHeader={t('import.duplicateAction')}
          choice={(row) => (
            <select
              aria-label={t('import.duplicateFor', { row: row.row })}
              value={decisions.duplicateRows[String(row.row)] ?? ''}
              onChange={(event) => {
                const choice = DuplicateChoice.safeParse(event.target.value).data ?? null;
                onChange(withDuplicateRow(decisions, row.row, choice));
              }}
            >
              <option value="">{t('import.duplicateAsAll', { choice: allLabel })}</option>
              {DuplicateChoice.options.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`import.duplicateChoices.${choice}`)}
                </option>
              ))}
            </select>
          )}
        />
      )}
      {shown.length < Math.max(total, rows.length) && (
        <p className="hint">
          {t('import.rowsShownFirst', {
            shown: number(shown.length),
            total: number(Math.max(total, rows.length)),
          })}
        </p>
      )}
    </section>
  );
}
