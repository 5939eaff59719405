import { useTranslation } from 'react-i18next';
import type { CustodyEventType } from '../../../core/api/records';
import { Field } from '../components/Field';
import { formatOptionalDate } from '../dates';
import { DateField } from '../forms/DateField';
import { FormShell } from '../forms/FormShell';
import { TextField } from '../forms/TextField';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import { DETENTION_TYPES, custodyDraft, custodyFields } from './drafts';
import type { CustodyEvent, Proceeding } from './entries';
import type { RecordFormProps } from './recordFormProps';
import { useRecordForm } from './useRecordForm';

interface Props extends RecordFormProps<CustodyEvent> {
  type: CustodyEventType;
  /** The person's cases, one of which the event may belong to. */
  proceedings: Proceeding[];
}

export function CustodyForm(props: Props) {
  const { type, proceedings, record, onCancel } = props;
  const { t } = useTranslation();
  const form = useRecordForm({
    ...props,
    kind: 'custodyEvent',
    initial: custodyDraft(record),
    toFields: (draft) => custodyFields(type, draft),
    fieldKinds: { dates: ['date'] },
  });
  const { draft, edit, message } = form;

  return (
    <FormShell {...form.shell} onCancel={onCancel} submitLabel={t('event.save')}>
      <DateField
        label={t('event.date')}
        value={draft.date}
        onChange={(value) => edit('date', value)}
        error={message('date')}
      />
      <Field label={t('event.facility')} error={message('facility')}>
        {(control) => (
          <ThesaurusSelect
            control={control}
            thesaurus="facility"
            value={draft.facility}
            onChange={(code) => edit('facility', code)}
            emptyLabel={t('event.notKnown')}
          />
        )}
      </Field>
      {type === 'release' && (
        <Field label={t('event.releaseType')} error={message('releaseType')}>
          {(control) => (
            <ThesaurusSelect
              control={control}
              thesaurus="release_type"
              value={draft.releaseType}
              onChange={(code) => edit('releaseType', code)}
              emptyLabel={t('event.notKnown')}
            />
          )}
        </Field>
      )}
      {DETENTION_TYPES.has(type) && (
        <Field label={t('event.detentionType')} error={message('detentionType')}>
          {(control) => (
            <ThesaurusSelect
              control={control}
              thesaurus="detention_type"
              value={draft.detentionType}
              onChange={(code) => edit('detentionType', code)}
              emptyLabel={t('event.notKnown')}
            />
          )}
        </Field>
      )}
      {proceedings.length > 0 && (
        <Field label={t('event.proceeding')} error={message('proceedingId')}>
          {(control) => (
            <select
              {...control}
              value={draft.proceedingId}
              onChange={(event) => edit('proceedingId', event.target.value)}
            >
              <option value="">{t('event.noProceeding')}</option>
              {proceedings.map((proceeding) => (
                <option key={proceeding.id} value={proceeding.id}>
                  {t('event.proceedingOption', {
                    kind: t(`timeline.proceedingKinds.${proceeding.kind}`),
                    number: proceeding.caseNumber || t('event.noCaseNumber'),
                    date: formatOptionalDate(t, proceeding.openedDate),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
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
