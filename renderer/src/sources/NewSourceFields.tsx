import { useTranslation } from 'react-i18next';
import { Confidentiality, Reliability, SourceKind } from '../../../core/api/records';
import { Field } from '../components/Field';
import { DateField } from '../forms/DateField';
import { TextField } from '../forms/TextField';
import type { SourceDraft, SourceField } from './sources';

interface Props {
  draft: SourceDraft;
  onChange: (field: SourceField, value: string) => void;
  message: (field: SourceField) => string | undefined;
}

/** The fields of a source recorded while citing it. */
export function NewSourceFields({ draft, onChange, message }: Props) {
  const { t } = useTranslation();
  const choice = <T extends string>(
    field: 'kind' | 'reliability' | 'confidentiality',
    options: readonly T[],
    labelOf: (option: T) => string,
    hint?: string,
  ) => (
    <Field label={t(`sources.fields.${field}`)} hint={hint} error={message(field)}>
      {(control) => (
        <select
          {...control}
          value={draft[field]}
          onChange={(event) => onChange(field, event.target.value)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {labelOf(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <>
      <TextField
        label={t('sources.fields.title')}
        hint={t('sources.fields.titleHint')}
        value={draft.title}
        onChange={(value) => onChange('title', value)}
        error={message('title')}
        className="wide"
      />
      {choice('kind', SourceKind.options, (kind) => t(`sources.kinds.${kind}`))}
      {choice('reliability', Reliability.options, (level) => t(`sources.reliability.${level}`))}
      {choice(
        'confidentiality',
        Confidentiality.options,
        (level) => t(`sources.confidentiality.${level}`),
        t('sources.fields.confidentialityHint'),
      )}
      <DateField
        label={t('sources.fields.date')}
        value={draft.date}
        onChange={(value) => onChange('date', value)}
        error={message('date')}
      />
      <TextField
        label={t('sources.fields.reference')}
        hint={t('sources.fields.referenceHint')}
        value={draft.reference}
        onChange={(value) => onChange('reference', value)}
        error={message('reference')}
        className="wide"
      />
      <TextField
        label={t('sources.fields.notes')}
        value={draft.notes}
        onChange={(value) => onChange('notes', value)}
        error={message('notes')}
        rows={2}
        className="wide"
      />
    </>
  );
}
