import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { formKeyHandler } from '../forms/formKeys';
import { CustodyForm } from './CustodyForm';
import type {
  CustodyEvent,
  Proceeding,
  RiskAssignment,
  StatusEvent,
  TimelineEntry,
} from './entries';
import { CUSTODY_TYPES, OTHER_TYPES, kindOfType, typeOfEntry, type EventType } from './eventTypes';
import { ProceedingForm } from './ProceedingForm';
import { RiskForm } from './RiskForm';
import { StatusForm } from './StatusForm';

interface Props {
  personId: string;
  /** The entry being edited, or null to add one. */
  entry: TimelineEntry | null;
  proceedings: Proceeding[];
  onSaved: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * Adds or edits one timeline record: the type first, then the fields that type has. The type
 * select stays outside the record's form so that changing it never moves the keyboard focus.
 */
export function EventForm({
  personId,
  entry,
  proceedings,
  onSaved,
  onCancel,
  onDirtyChange,
}: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [type, setType] = useState<EventType | ''>(entry ? typeOfEntry(entry) : '');
  const [fieldsDirty, setFieldsDirty] = useState(false);
  const typeChanged = type !== (entry ? typeOfEntry(entry) : '');

  useEffect(() => {
    onDirtyChange(typeChanged || fieldsDirty);
  }, [typeChanged, fieldsDirty, onDirtyChange]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select:not(:disabled), input, textarea')?.focus();
  }, []);

  const reportDirty = useCallback((dirty: boolean) => setFieldsDirty(dirty), []);
  const kind = type === '' ? null : kindOfType(type);
  // An existing record keeps its kind: a custody event may change type, not become a case.
  const types: readonly EventType[] = entry
    ? entry.kind === 'custodyEvent'
      ? CUSTODY_TYPES
      : [entry.kind]
    : [...CUSTODY_TYPES, ...OTHER_TYPES];
  const common = {
    personId,
    onSaved,
    onCancel,
    onDirtyChange: reportDirty,
  };
  const record = entry?.record ?? null;

  return (
    <div
      ref={ref}
      className="record-form"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={formKeyHandler(onCancel)}
    >
      <h4 id={titleId}>{entry ? t('event.editTitle') : t('event.newTitle')}</h4>
      <p className="hint">{t('event.keys')}</p>
      <Field label={t('event.type')} className="type-field">
        {(control) => (
          <select
            {...control}
            value={type}
            disabled={types.length === 1}
            onChange={(event) => setType(event.target.value as EventType)}
          >
            {type === '' && <option value="">{t('event.choose')}</option>}
            {types.map((option) => (
              <option key={option} value={option}>
                {t(`timeline.types.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {type === '' && (
        <div className="actions">
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('forms.cancel')}
          </button>
        </div>
      )}
      {kind === 'custodyEvent' && (
        <CustodyForm
          {...common}
          type={type as CustodyEvent['type']}
          record={record as CustodyEvent | null}
          proceedings={proceedings}
        />
      )}
      {kind === 'proceeding' && <ProceedingForm {...common} record={record as Proceeding | null} />}
      {kind === 'statusEvent' && <StatusForm {...common} record={record as StatusEvent | null} />}
      {kind === 'riskAssignment' && (
        <RiskForm {...common} record={record as RiskAssignment | null} />
      )}
    </div>
  );
}
