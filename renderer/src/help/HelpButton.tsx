import { useTranslation } from 'react-i18next';
import type { HelpSection } from '../../../core/api/help';
import { useOpenHelp } from './HelpContext';

interface Props {
  section?: HelpSection;
  className?: string;
}

export function HelpButton({ section = 'gettingStarted', className = 'button secondary' }: Props) {
  const { t } = useTranslation();
  const openHelp = useOpenHelp();
  return (
    <button type="button" className={className} onClick={() => openHelp(section)}>
      {t('help.open')}
    </button>
  );
}
