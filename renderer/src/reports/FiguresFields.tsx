import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Sex } from '../../../core/api/records';
import { Field } from '../components/Field';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import type { DraftError, FiguresDraft } from './draft';

interface Props {
  draft: FiguresDraft;
  errors: readonly DraftError[];
  onChange: (draft: FiguresDraft) => void;
}

/** The figures report's parameters: the dashboard's date, window and filters, and the appendix. */
export function FiguresFields({ draft, errors, onChange }: Props) {
  const { t } = useTranslation();
  const appendixId = useId();
  const set = (changes: Partial<FiguresDraft>) => onChange({ ...draft, ...changes });
  const error = (field: DraftError, key: 'reports.figures.asOfError' | 'reports.dateError') =>
    errors.includes(field) ? t(key) : undefined;

  return (
    <fieldset className="report-fields">
      <legend>{t('reports.figures.legend')}</legend>
      <div className="form-grid">
        <Field label={t('reports.figures.asOf')} error={error('asOf', 'reports.figures.asOfError')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={draft.asOf}
              onChange={(event) => set({ asOf: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('reports.figures.earlySince')}
          hint={t('reports.figures.earlySinceHint')}
          error={error('earlySince', 'reports.dateError')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              maxLength={10}
              spellCheck={false}
              value={draft.earlySince}
              onChange={(event) => set({ earlySince: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('reports.figures.releasesFrom')}
          hint={t('reports.figures.windowHint')}
          error={error('releasesFrom', 'reports.dateError')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              maxLength={10}
              spellCheck={false}
              value={draft.releasesFrom}
              onChange={(event) => set({ releasesFrom: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('reports.figures.releasesTo')}
          error={error('releasesTo', 'reports.dateError')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              maxLength={10}
              spellCheck={false}
              value={draft.releasesTo}
              onChange={(event) => set({ releasesTo: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('figures.controls.region')}>
          {(control) => (
            <ThesaurusSelect
              control={control}
              thesaurus="region"
              value={draft.region}
              onChange={(region) => set({ region })}
              emptyLabel={t('figures.controls.allRegions')}
            />
          )}
        </Field>
        <Field
          label={t('figures.controls.citizenship')}
          error={
            errors.includes('citizenship') ? t('figures.controls.citizenshipError') : undefined
          }
        >
          {(control) => (
            <input
              {...control}
              value={draft.citizenship}
              maxLength={2}
              placeholder={t('figures.controls.citizenshipPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set({ citizenship: event.target.value.toUpperCase() })}
            />
          )}
        </Field>
        <Field label={t('figures.controls.sex')}>
          {(control) => (
            <select
              {...control}
              value={draft.sex}
              onChange={(event) => set({ sex: event.target.value })}
            >
              <option value="">{t('figures.controls.allSexes')}</option>
              {Sex.options.map((sex) => (
                <option key={sex} value={sex}>
                  {t(`person.sexes.${sex}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
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
