import { useTranslation } from 'react-i18next';
import { ProceedingKind } from '../../../core/api/records';
import { Field } from '../components/Field';
import { DateField } from '../forms/DateField';
import { FormShell } from '../forms/FormShell';
import { TextField } from '../forms/TextField';
import { TermChecklist } from '../thesauri/TermChecklist';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import { proceedingDraft, proceedingFields, type ProceedingDraft } from './drafts';
import type { Proceeding } from './entries';
import type { RecordFormProps } from './recordFormProps';
import { useRecordForm } from './useRecordForm';

const DATES = ['openedDate', 'verdictDate', 'appealDate'] as const;

export function ProceedingForm(props: RecordFormProps<Proceeding>) {
  const { record, onCancel } = props;
  const { t } = useTranslation();
  const form = useRecordForm({
    ...props,
    kind: 'proceeding',
    initial: proceedingDraft(record),
    toFields: proceedingFields,
    fieldKinds: { dates: DATES, choices: ['kind', 'sentenceType'] },
  });
  const { draft, edit, message } = form;

  const text = (field: Exclude<keyof ProceedingDraft, 'articles' | 'kind'>) => ({
    value: draft[field],
    onChange: (value: string) => edit(field, value),
    error: message(field),
  });

  return (
    <FormShell {...form.shell} onCancel={onCancel} submitLabel={t('event.save')}>
      <Field label={t('event.kind')} error={message('kind')}>
        {(control) => (
          <select
            {...control}
            value={draft.kind}
            onChange={(event) => edit('kind', event.target.value as ProceedingDraft['kind'])}
          >
            {ProceedingKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`timeline.proceedingKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField label={t('event.caseNumber')} {...text('caseNumber')} />
      <TermChecklist
        legend={t('event.articles')}
        filterLabel={t('event.findArticle')}
        emptyText={t('event.noArticles')}
        thesaurus="article"
        value={draft.articles}
        onChange={(codes) => edit('articles', codes)}
        error={message('articles')}
      />
      <TextField label={t('event.court')} {...text('court')} />
      <TextField label={t('event.judge')} {...text('judge')} />
      <DateField label={t('event.openedDate')} {...text('openedDate')} />
      <DateField label={t('event.verdictDate')} {...text('verdictDate')} />
      <Field label={t('event.sentenceType')} error={message('sentenceType')}>
        {(control) => (
          <ThesaurusSelect
            control={control}
            thesaurus="sentence_type"
            value={draft.sentenceType}
            onChange={(code) => edit('sentenceType', code)}
            emptyLabel={t('event.notKnown')}
          />
        )}
      </Field>
      <TextField label={t('event.regime')} {...text('regime')} />
      <TextField
        label={t('event.sentenceMonths')}
        hint={t('event.sentenceMonthsHint')}
        inputMode="numeric"
        {...text('sentenceMonths')}
      />
      <TextField
        label={t('event.sentenceDays')}
        hint={t('event.sentenceDaysHint')}
        inputMode="numeric"
        {...text('sentenceDays')}
      />
      <DateField label={t('event.appealDate')} {...text('appealDate')} />
      <TextField label={t('event.appealOutcome')} {...text('appealOutcome')} />
      <TextField label={t('event.details')} rows={3} className="wide" {...text('notes')} />
    </FormShell>
  );
}
