import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ErrorCode } from '../../../core/api/errors';
import type { HistoryEntry, RecordKind } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { formatMoment } from '../format';
import { useThesauri } from '../thesauri/ThesauriContext';
import { authorText, fieldLabel, historyValue } from './historyValue';

/** The record whose history is shown, with the words that name it. */
export interface HistoryTarget {
  kind: RecordKind;
  id: string;
  title: string;
}

interface Props {
  target: HistoryTarget;
  /** This installation's id: its own changes are shown as "This computer". */
  installId: string;
  onClose: () => void;
}

type Entry = z.infer<typeof HistoryEntry>;

type Loaded = { ok: true; entries: Entry[] } | { ok: false; code: ErrorCode };

/** Every change to one record, newest first: when, by whom, which field, before and after. */
export function HistoryDialog({ target, installId, onClose }: Props) {
  const { t } = useTranslation();
  const { label } = useThesauri();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.getHistory({ kind: target.kind, id: target.id })).then(
      (result) => {
        if (!current) return;
        setLoaded(
          result.ok
            ? { ok: true, entries: [...result.value].reverse() }
            : { ok: false, code: result.error.code },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [target.kind, target.id]);

  const value = (entry: Entry, side: unknown) =>
    historyValue(t, label, target.kind, entry.field, side);

  return (
    <Modal
      title={t('history.title', { record: target.title })}
      closeLabel={t('history.close')}
      onClose={onClose}
    >
      {loaded === null ? (
        <p className="muted">{t('history.loading')}</p>
      ) : !loaded.ok ? (
        <p role="alert" className="alert">
          {t(errorKey(loaded.code))}
        </p>
      ) : loaded.entries.length === 0 ? (
        <p className="empty">{t('history.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="history-table">
            <caption className="muted">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.field')}</th>
                <th scope="col">{t('history.before')}</th>
                <th scope="col">{t('history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.entries.map((entry, index) => (
                <tr key={index}>
                  <td>{formatMoment(t, entry.time)}</td>
                  <td>{authorText(t, entry, installId)}</td>
                  <td>{fieldLabel(t, target.kind, entry.field)}</td>
                  {/* The creation is one entry for all of the record's first values. */}
                  <td>{entry.field === 'created' ? '' : value(entry, entry.before)}</td>
                  <td>{entry.field === 'created' ? '' : value(entry, entry.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
