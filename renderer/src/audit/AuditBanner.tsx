import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditState } from '../../../core/api/records';

/**
 * Stays on screen for as long as the vault is open when its history does not verify: records
 * were changed other than through Vigil, and only someone with a copy can find out what.
 */
export function AuditBanner({ audit }: { audit: AuditState }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="banner audit" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('main.audit.title')}</h2>
      <p>{t('main.audit.body')}</p>
      {audit.firstBadEntry !== null && (
        <p className="muted">
          {t('main.audit.entry', { entry: audit.firstBadEntry, entries: audit.entries })}
        </p>
      )}
    </section>
  );
}
