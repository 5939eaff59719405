import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { DateField } from '../forms/DateField';
import { FilterFields } from './FilterFields';
import type { DraftError, ParamsDraft } from './params';

interface Props {
  draft: ParamsDraft;
  errors: readonly DraftError[];
  onChange: (draft: ParamsDraft) => void;
  onReset: () => void;
}

/** The as-of date, the release window and the filters: every figure on the page follows them. */
export function Controls({ draft, errors, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const set = (changes: Partial<ParamsDraft>) => onChange({ ...draft, ...changes });
  const has = (error: DraftError) => errors.includes(error);
  const fromError = has('fromYear')
    ? t('figures.controls.yearError')
    : has('windowOrder')
      ? t('figures.controls.windowOrderError')
      : has('windowAfterAsOf')
        ? t('figures.controls.windowAfterAsOfError')
        : undefined;

  return (
    <form
      className="figures-controls"
      aria-label={t('figures.controls.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      {/* Applied on Enter or on leaving the field: each change recomputes every figure. The
          bar has no room for the hint; the placeholder and the reading below say enough. */}
      <DateField
        label={t('figures.controls.asOf')}
        hint=""
        error={has('asOf') ? t('figures.controls.asOfError') : undefined}
        className="figures-control-date"
        value={draft.asOf}
        onChange={(asOf) => set({ asOf })}
        needDay
        applyOnConfirm
        required
      />
      <fieldset className="figures-window">
        <legend>{t('figures.controls.window')}</legend>
        <div className="figures-window-fields">
          <Field
            label={t('figures.controls.fromYear')}
            error={fromError}
            className="figures-control-year"
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                maxLength={4}
                value={draft.fromYear}
                onChange={(event) => set({ fromYear: event.target.value })}
              />
            )}
          </Field>
          <Field
            label={t('figures.controls.toYear')}
            error={has('toYear') ? t('figures.controls.yearError') : undefined}
            className="figures-control-year"
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                maxLength={4}
                value={draft.toYear}
                onChange={(event) => set({ toYear: event.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <FilterFields
        draft={draft}
        onChange={set}
        citizenshipError={has('citizenship')}
        selectClass="figures-control-select"
        countryClass="figures-control-country"
      />
      <button type="button" className="button secondary figures-reset" onClick={onReset}>
        {t('figures.controls.reset')}
      </button>
    </form>
  );
}
