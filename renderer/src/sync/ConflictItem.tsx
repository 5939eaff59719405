import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RecordKindName, type RecordKind } from '../../../core/api/records';
import type { Conflict } from '../../../core/api/sync';
import { authorText, fieldLabel, historyValue } from '../history/historyValue';
import { useThesauri } from '../thesauri/ThesauriContext';
import { formatMoment } from '../format';

interface Props {
  conflict: Conflict;
  /** This installation's id: its own side is "This computer". */
  installId: string;
  readOnly: boolean;
  busy: boolean;
  onResolve: (keep: 'winner' | 'other') => void;
}

function recordKind(entity: string): RecordKind | null {
  const parsed = RecordKindName.safeParse(entity);
  return parsed.success ? parsed.data : null;
}

/** Names the record: the person itself, a record of a person, or a record by its kind. */
function recordName(t: TFunction, conflict: Conflict, kind: RecordKind | null): string {
  const record = kind ? t(`sync.conflicts.records.${kind}`) : conflict.entity;
  if (conflict.personName === null) return record;
  if (kind === 'person') return conflict.personName;
  return t('sync.conflicts.ofPerson', { record, name: conflict.personName });
}

/**
 * One conflict: the record and field, the value Vigil applied and the other one, each with who
 * wrote it and when, and the two ways to settle it.
 */
export function ConflictItem({ conflict, installId, readOnly, busy, onResolve }: Props) {
  const { t } = useTranslation();
  const { label } = useThesauri();
  const headingId = useId();
  const kind = recordKind(conflict.entity);
  const name = recordName(t, conflict, kind);
  const side = (which: Conflict['winner']) => ({
    who: authorText(t, which, installId),
    date: formatMoment(t, which.time),
  });
  const value = (raw: unknown) =>
    kind ? historyValue(t, label, kind, conflict.field, raw) : JSON.stringify(raw);
  const deleted = conflict.kind === 'deleted';

  return (
    <li className="conflict" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {deleted
          ? t('sync.conflicts.deletedRecord', { record: name })
          : t('sync.conflicts.record', {
              record: name,
              field: kind ? fieldLabel(t, kind, conflict.field) : conflict.field,
            })}
      </h4>
      {deleted ? (
        <ul className="conflict-sides">
          <li>{t('sync.conflicts.deletedBy', side(conflict.winner))}</li>
          <li>{t('sync.conflicts.editedBy', side(conflict.other))}</li>
        </ul>
      ) : (
        <dl className="conflict-sides">
          <div>
            <dt>{t('sync.conflicts.applied')}</dt>
            <dd>
              <span className="conflict-value">{value(conflict.winner.value)}</span>{' '}
              <span className="muted">{t('sync.conflicts.by', side(conflict.winner))}</span>
            </dd>
          </div>
          <div>
            <dt>{t('sync.conflicts.other')}</dt>
            <dd>
              <span className="conflict-value">{value(conflict.other.value)}</span>{' '}
              <span className="muted">{t('sync.conflicts.by', side(conflict.other))}</span>
            </dd>
          </div>
        </dl>
      )}
      <div className="item-actions">
        <button
          type="button"
          className="button secondary small"
          disabled={readOnly}
          aria-disabled={busy}
          onClick={() => onResolve('winner')}
        >
          {deleted ? t('sync.conflicts.keepDeleted') : t('sync.conflicts.keepWinner')}
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={readOnly}
          aria-disabled={busy}
          onClick={() => onResolve('other')}
        >
          {deleted ? t('sync.conflicts.restore') : t('sync.conflicts.useOther')}
        </button>
      </div>
    </li>
  );
}
