import { useTranslation } from 'react-i18next';
import { Sex } from '../../../core/api/records';
import { Field } from '../components/Field';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import { CountryPicker } from './CountryPicker';

/** The filters every figure takes, as typed: empty means "everyone". */
export interface FilterDraft {
  region: string;
  citizenship: string;
  sex: string;
}

interface Props {
  draft: FilterDraft;
  onChange(changes: Partial<FilterDraft>): void;
  citizenshipError: boolean;
  /** Layout classes of the dashboard's control bar; none in a form. */
  selectClass?: string;
  countryClass?: string;
}

/** Region, citizenship and sex: the dashboard's filters, and a figures report's. */
export function FilterFields({
  draft,
  onChange,
  citizenshipError,
  selectClass,
  countryClass,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('figures.controls.region')} className={selectClass}>
        {(control) => (
          <ThesaurusSelect
            control={control}
            thesaurus="region"
            value={draft.region}
            onChange={(region) => onChange({ region })}
            emptyLabel={t('figures.controls.allRegions')}
          />
        )}
      </Field>
      <Field
        label={t('figures.controls.citizenship')}
        error={citizenshipError ? t('figureNav.countryError') : undefined}
        className={countryClass}
      >
        {(control) => (
          <CountryPicker
            control={control}
            value={draft.citizenship}
            onChange={(citizenship) => onChange({ citizenship })}
          />
        )}
      </Field>
      <Field label={t('figures.controls.sex')} className={selectClass}>
        {(control) => (
          <select
            {...control}
            value={draft.sex}
            onChange={(event) => onChange({ sex: event.target.value })}
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
    </>
  );
}
