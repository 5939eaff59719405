import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A partial date: the year, the year and month, or the full date, as much as is known. */
export function DateField({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={t('dates.hint')}
      inputMode="numeric"
      placeholder={t('dates.placeholder')}
    />
  );
}
