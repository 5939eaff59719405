import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DamageDetails } from '../../../core/api/schemas';

/**
 * Shown when the copy the vault keeps beside its current generation no longer reads back. The
 * records themselves are fine; what is gone is the fallback, so the user is asked for a backup.
 */
export function PreviousGenerationBanner({ damage }: { damage: DamageDetails[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="banner audit" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('main.previousGeneration.title')}</h2>
      <p>{t('main.previousGeneration.body')}</p>
      <p className="muted">
        {t('main.previousGeneration.files', { files: damage.map((d) => d.file).join(', ') })}
      </p>
    </section>
  );
}
