import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DamageDetails } from '../../../core/api/schemas';

interface Props {
  details: DamageDetails;
  /** A vault being unlocked, or a backup being restored (which is never written to). */
  of: 'vault' | 'backup';
  /** Buttons offered for repairable damage, shown below the alert. */
  children?: ReactNode;
}

/** Says where the damage is (file and record, never what they held) and what is still safe. */
export function DamageAlert({ details, of, children }: Props) {
  const { t } = useTranslation();
  const { file, record } = details;
  const where =
    record === undefined
      ? t('damage.inFile', { file })
      : record === 0
        ? t('damage.atStart', { file })
        : t('damage.inRecord', { file, record });
  const advice =
    of === 'backup'
      ? t('damage.backup')
      : `${t('damage.unchanged')} ${details.repairable ? t('damage.repairable') : t('damage.notRepairable')}`;
  return (
    <div className="damage">
      <p role="alert" className="alert">
        {where} {advice}
      </p>
      {of === 'vault' && details.repairable && children}
    </div>
  );
}
