import { useTranslation } from 'react-i18next';
import type { ThesaurusName } from '../../../core/api/records';
import type { ControlProps } from '../components/Field';
import { termLabel } from './labels';
import { useThesauri } from './ThesauriContext';

interface Props {
  control: ControlProps;
  thesaurus: ThesaurusName;
  /** A code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  /** The text of the '' option, such as "Not recorded" or "Choose…". */
  emptyLabel: string;
  disabled?: boolean;
}

/**
 * A select of a thesaurus's current terms. A deprecated or unknown code already stored stays
 * selectable, marked, so that opening an old record never changes it silently.
 */
export function ThesaurusSelect({
  control,
  thesaurus,
  value,
  onChange,
  emptyLabel,
  disabled,
}: Props) {
  const { t, i18n } = useTranslation();
  const { terms, label } = useThesauri();
  const all = terms?.[thesaurus] ?? [];
  const offered = all.filter((term) => !term.deprecated || term.code === value);
  const known = value === '' || offered.some((term) => term.code === value);
  return (
    <select
      {...control}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{emptyLabel}</option>
      {offered.map((term) => (
        <option key={term.id} value={term.code}>
          {term.deprecated
            ? t('thesauri.deprecatedOption', { label: termLabel(term, i18n.language) })
            : termLabel(term, i18n.language)}
        </option>
      ))}
      {!known && <option value={value}>{label(thesaurus, value)}</option>}
    </select>
  );
}
