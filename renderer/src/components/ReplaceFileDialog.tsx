import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  open: boolean;
  path: string;
  onReplace: () => void;
  onCancel: () => void;
}

/** "A file of that name exists: replace it?", asked before any save form overwrites a file. */
export function ReplaceFileDialog({ open, path, onReplace, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={t('export.replaceTitle')}
      body={t('export.replaceBody', { path })}
      confirmLabel={t('export.replaceConfirm')}
      cancelLabel={t('export.replaceCancel')}
      onConfirm={onReplace}
      onCancel={onCancel}
    />
  );
}
