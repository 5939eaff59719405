import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Stays on screen for as long as the vault is open read-only past damage. */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="banner read-only" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('main.readOnlyTitle')}</h2>
      <p>{t('main.readOnlyBody')}</p>
    </section>
  );
}
