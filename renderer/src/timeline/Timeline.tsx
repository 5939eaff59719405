import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { errorKey } from '../errors';
import type { HistoryTarget } from '../history/HistoryDialog';
import { useThesauri } from '../thesauri/ThesauriContext';
import { entryHeading } from './describeEntry';
import type { Proceeding, TimelineEntry } from './entries';
import { EventForm } from './EventForm';
import { TimelineItem } from './TimelineItem';

interface Props {
  personId: string;
  entries: TimelineEntry[];
  /** Source titles cited for each record, by record id. */
  sourcesByRecord: ReadonlyMap<string, string[]>;
  readOnly: boolean;
  /** A record was added, changed or deleted: the person file must be read again. */
  onChanged: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onHistory: (target: HistoryTarget) => void;
}

/** 'add' while adding, a record id while editing it. */
type Editing = 'add' | string | null;

export function Timeline(props: Props) {
  const { personId, entries, sourcesByRecord, readOnly, onChanged, onDirtyChange, onHistory } =
    props;
  const { t } = useTranslation();
  const { label } = useThesauri();
  const headingId = useId();
  const readOnlyId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TimelineEntry | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  /** Where the focus goes when a form closes: back to what opened it. A new object each time. */
  const [returnTo, setReturnTo] = useState<{ target: Editing } | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const proceedings = entries
    .filter((entry) => entry.kind === 'proceeding')
    .map((entry) => entry.record as Proceeding);

  useEffect(() => {
    const target = returnTo?.target;
    if (target === 'add') addRef.current?.focus();
    else if (target) {
      sectionRef.current
        ?.querySelector<HTMLElement>(`[data-record="${target}"] .edit-button`)
        ?.focus();
    }
  }, [returnTo]);

  function close() {
    setReturnTo({ target: editing });
    setEditing(null);
    onDirtyChange(false);
  }

  function open(target: Editing) {
    setErrorCode(null);
    setReturnTo(null);
    setEditing(target);
  }

  async function remove(entry: TimelineEntry) {
    setDeleting(null);
    const result = await requestUnlocked((api) =>
      api.deleteRecord({ kind: entry.kind, id: entry.record.id }),
    );
    if (result.ok) {
      setReturnTo({ target: 'add' });
      onChanged();
    } else setErrorCode(result.error.code);
  }

  const form = (entry: TimelineEntry | null) => (
    <EventForm
      personId={personId}
      entry={entry}
      proceedings={proceedings}
      onSaved={() => {
        close();
        onChanged();
      }}
      onCancel={close}
      onDirtyChange={onDirtyChange}
    />
  );

  return (
    <section ref={sectionRef} className="timeline" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId}>{t('timeline.title')}</h3>
        <button
          ref={addRef}
          type="button"
          className="button secondary"
          onClick={() => open('add')}
          disabled={readOnly || editing !== null}
          aria-describedby={readOnly ? readOnlyId : undefined}
        >
          {t('timeline.add')}
        </button>
      </div>
      {readOnly && (
        <p id={readOnlyId} className="muted read-only-reason">
          {t('timeline.readOnly')}
        </p>
      )}
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}

      {editing === 'add' && form(null)}

      {entries.length === 0 ? (
        editing === 'add' ? null : (
          <p className="empty">{t('timeline.empty')}</p>
        )
      ) : (
        <ol className="timeline-list" aria-labelledby={headingId}>
          {entries.map((entry) => (
            <li key={entry.record.id} data-record={entry.record.id}>
              {editing === entry.record.id ? (
                form(entry)
              ) : (
                <TimelineItem
                  entry={entry}
                  sources={sourcesByRecord.get(entry.record.id) ?? []}
                  readOnly={readOnly || editing !== null}
                  onEdit={() => open(entry.record.id)}
                  onDelete={() => setDeleting(entry)}
                  onHistory={() =>
                    onHistory({
                      kind: entry.kind,
                      id: entry.record.id,
                      title: entryHeading(t, entry, label),
                    })
                  }
                />
              )}
            </li>
          ))}
        </ol>
      )}

      <ConfirmDialog
        open={deleting !== null}
        title={t('timeline.deleteTitle')}
        body={t('timeline.deleteBody', {
          record: deleting ? entryHeading(t, deleting, label) : '',
        })}
        confirmLabel={t('timeline.deleteConfirm')}
        cancelLabel={t('timeline.deleteCancel')}
        onConfirm={() => {
          if (deleting) void remove(deleting);
        }}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
