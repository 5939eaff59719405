import { useTranslation } from 'react-i18next';
import { StatusKind } from '../../../core/api/records';
import { Field } from '../components/Field';
import { DateField } from '../forms/DateField';
import { FormShell } from '../forms/FormShell';
import { TextField } from '../forms/TextField';
import { statusDraft, statusFields, type StatusDraft } from './drafts';
import type { StatusEvent } from './entries';
import type { RecordFormProps } from './recordFormProps';
import { useRecordForm } from './useRecordForm';

export function StatusForm(props: RecordFormProps<StatusEvent>) {
  const { record, onCancel } = props;
  const { t } = useTranslation();
  const form = useRecordForm({
    ...props,
    kind: 'statusEvent',
    initial: statusDraft(record),
    toFields: statusFields,
    fieldKinds: { dates: ['date'], choices: ['status'] },
  });
  const { draft, edit, message } = form;

  return (
    <FormShell {...form.shell} onCancel={onCancel} submitLabel={t('event.save')}>
      <Field label={t('event.status')} error={message('status')}>
        {(control) => (
          <select
            {...control}
            value={draft.status}
            onChange={(event) => edit('status', event.target.value as StatusDraft['status'])}
          >
            {StatusKind.options.map((status) => (
              <option key={status} value={status}>
                {t(`timeline.statuses.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateField
        label={t('event.date')}
        value={draft.date}
        onChange={(value) => edit('date', value)}
        error={message('date')}
      />
      <TextField
        label={t('event.recognisedBy')}
        hint={t('event.recognisedByHint')}
        value={draft.recognisedBy}
        onChange={(value) => edit('recognisedBy', value)}
        error={message('recognisedBy')}
        className="wide"
      />
      <TextField
        label={t('event.details')}
        value={draft.notes}
        onChange={(value) => edit('notes', value)}
        error={message('notes')}
        rows={3}
        className="wide"
      />
    </FormShell>
  );
}
