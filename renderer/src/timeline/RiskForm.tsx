import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { DateField } from '../forms/DateField';
import { FormShell } from '../forms/FormShell';
import { TextField } from '../forms/TextField';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import { checkRiskDates, riskDraft, riskFields } from './drafts';
import type { RiskAssignment } from './entries';
import type { RecordFormProps } from './recordFormProps';
import { useRecordForm } from './useRecordForm';

export function RiskForm(props: RecordFormProps<RiskAssignment>) {
  const { record, onCancel } = props;
  const { t } = useTranslation();
  const form = useRecordForm({
    ...props,
    kind: 'riskAssignment',
    initial: riskDraft(record),
    toFields: riskFields,
    fieldKinds: { dates: ['startDate', 'endDate'], choices: ['category'] },
    extraCheck: checkRiskDates,
  });
  const { draft, edit, message } = form;

  return (
    <FormShell {...form.shell} onCancel={onCancel} submitLabel={t('event.save')}>
      <Field label={t('event.category')} error={message('category')} className="wide">
        {(control) => (
          <ThesaurusSelect
            control={control}
            thesaurus="risk_category"
            value={draft.category}
            onChange={(code) => edit('category', code)}
            emptyLabel={t('event.choose')}
          />
        )}
      </Field>
      <DateField
        label={t('event.startDate')}
        value={draft.startDate}
        onChange={(value) => edit('startDate', value)}
        error={message('startDate')}
      />
      <DateField
        label={t('event.endDate')}
        value={draft.endDate}
        onChange={(value) => edit('endDate', value)}
        error={message('endDate')}
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
