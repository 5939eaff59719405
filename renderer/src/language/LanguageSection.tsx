import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker';

/** The language choice as a section of Settings. */
export function LanguageSection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('language.title')}</h3>
      <LanguagePicker withHint />
    </section>
  );
}
