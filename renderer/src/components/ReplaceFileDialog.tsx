import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  open: boolean;
  path: string;
  /** What is there is a folder of an earlier output (a case file as CSV), not a file. */
  folder?: boolean;
  onReplace: () => void;
  onCancel: () => void;
}

/** "A file of that name exists: replace it?", asked before any save form overwrites a file or folder. */
export function ReplaceFileDialog({ open, path, folder = false, onReplace, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={folder ? t('export.replaceFolderTitle') : t('export.replaceTitle')}
      body={folder ? t('export.replaceFolderBody', { path }) : t('export.replaceBody', { path })}
      confirmLabel={folder ? t('export.replaceFolderConfirm') : t('export.replaceConfirm')}
      cancelLabel={t('export.replaceCancel')}
      onConfirm={onReplace}
      onCancel={onCancel}
    />
  );
}
