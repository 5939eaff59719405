import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Audience, ReportLanguage, ReportSpec } from '../../../core/api/reports';
import { Field } from '../components/Field';
import type { OptionsDraft } from './draft';

interface Props {
  options: OptionsDraft;
  onChange: (options: OptionsDraft) => void;
}

const PAGE_SIZES = ReportSpec.options[0].shape.pageSize.unwrap().options;

/** Language, page size and who the document is for: the same for every template. */
export function OptionsFields({ options, onChange }: Props) {
  const { t } = useTranslation();
  const audienceName = useId();
  const confirmId = useId();
  const set = (changes: Partial<OptionsDraft>) => onChange({ ...options, ...changes });

  return (
    <fieldset className="report-fields">
      <legend>{t('reports.options.legend')}</legend>
      <div className="form-grid">
        <Field label={t('reports.options.language')} hint={t('reports.options.languageHint')}>
          {(control) => (
            <select
              {...control}
              value={options.language}
              onChange={(event) => set({ language: ReportLanguage.parse(event.target.value) })}
            >
              {ReportLanguage.options.map((language) => (
                // Each language is named in itself, whatever the interface language.
                <option key={language} value={language} lang={language}>
                  {t(`reports.languages.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reports.options.pageSize')}>
          {(control) => (
            <select
              {...control}
              value={options.pageSize}
              onChange={(event) =>
                set({ pageSize: PAGE_SIZES.find((size) => size === event.target.value) ?? 'A4' })
              }
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {t(`reports.pageSizes.${size}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="choice-group">
        <legend>{t('reports.options.audience')}</legend>
        {Audience.options.map((audience) => (
          <div key={audience} className="checkbox-field">
            <input
              id={`${audienceName}-${audience}`}
              type="radio"
              name={audienceName}
              value={audience}
              checked={options.audience === audience}
              onChange={() => set({ audience, neverPublishConfirmed: false })}
            />
            <label htmlFor={`${audienceName}-${audience}`}>
              {t(`reports.audiences.${audience}`)}
            </label>
          </div>
        ))}
        <p className="hint">{t(`reports.audienceHints.${options.audience}`)}</p>
        {options.audience === 'internal' && (
          <div className="checkbox-field report-internal-confirm">
            <input
              id={confirmId}
              type="checkbox"
              checked={options.neverPublishConfirmed}
              onChange={(event) => set({ neverPublishConfirmed: event.target.checked })}
            />
            <label htmlFor={confirmId}>{t('reports.options.includesNeverPublish')}</label>
          </div>
        )}
      </fieldset>
    </fieldset>
  );
}
