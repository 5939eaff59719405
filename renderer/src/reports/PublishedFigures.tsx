import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../core/api/errors';
import type {
  FigureSnapshotEntry,
  SnapshotComparison as Comparison,
} from '../../../core/api/reports';
import { requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { useFigureLabels } from '../figures/labels';
import { localToday } from '../figures/params';
import './reports.css';
import { SnapshotComparison } from './SnapshotComparison';

type Snapshot = Omit<FigureSnapshotEntry, 'figures'>;

interface Props {
  onClose: () => void;
}

type Compared = { id: string; comparison: Comparison } | { id: string; error: ErrorCode };

/**
 * Every figures report produced from this vault, and for one of them, which cases made each
 * number then and what changed since: the answer to "which cases made the 254 we published?".
 */
export function PublishedFigures({ onClose }: Props) {
  const labels = useFigureLabels();
  const { t } = labels;
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [listError, setListError] = useState<ErrorCode | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [compared, setCompared] = useState<Compared | null>(null);

  useEffect(() => {
    let live = true;
    void requestUnlocked((api) => api.listFigureSnapshots()).then((answer) => {
      if (!live) return;
      if (answer.ok) setSnapshots(answer.value);
      else setListError(answer.error.code);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (chosen === null) return;
    let live = true;
    void requestUnlocked((api) => api.compareFigureSnapshot({ id: chosen })).then((answer) => {
      if (!live) return;
      setCompared(
        answer.ok
          ? { id: chosen, comparison: answer.value }
          : { id: chosen, error: answer.error.code },
      );
    });
    return () => {
      live = false;
    };
  }, [chosen]);

  // The day on this computer's calendar: the stored time is UTC.
  const madeOn = (snapshot: Snapshot) => labels.date(localToday(new Date(snapshot.createdAt)));
  const asOf = (snapshot: Snapshot) =>
    snapshot.spec.template === 'figures' ? labels.date(snapshot.spec.params.asOf) : '';
  const current = compared?.id === chosen ? compared : null;
  const chosenSnapshot = snapshots?.find((snapshot) => snapshot.id === chosen);

  return (
    <Modal
      title={t('reports.snapshots.title')}
      closeLabel={t('reports.snapshots.close')}
      onClose={onClose}
    >
      <p className="muted">{t('reports.snapshots.intro')}</p>
      {listError && (
        <p role="alert" className="alert">
          {t(errorKey(listError))}
        </p>
      )}
      {snapshots === null ? (
        !listError && <p className="muted">{t('figures.loading')}</p>
      ) : snapshots.length === 0 ? (
        <p className="muted">{t('reports.snapshots.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="snapshot-table">
            <caption className="visually-hidden">{t('reports.snapshots.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.snapshots.reportTitle')}</th>
                <th scope="col">{t('reports.snapshots.madeOn')}</th>
                <th scope="col">{t('reports.snapshots.asOf')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reports.snapshots.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <tr key={snapshot.id}>
                  <td>{snapshot.title}</td>
                  <td>{madeOn(snapshot)}</td>
                  <td>{asOf(snapshot)}</td>
                  <td>
                    <button
                      type="button"
                      className="button secondary small"
                      aria-pressed={chosen === snapshot.id}
                      aria-label={t('reports.snapshots.compareNamed', {
                        title: snapshot.title,
                        date: madeOn(snapshot),
                      })}
                      onClick={() => setChosen(snapshot.id)}
                    >
                      {t('reports.snapshots.compare')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen !== null && current === null && <p className="muted">{t('figures.loading')}</p>}
      {current && 'error' in current && (
        <p role="alert" className="alert">
          {t(errorKey(current.error))}
        </p>
      )}
      {current && 'comparison' in current && chosenSnapshot && (
        <SnapshotComparison
          comparison={current.comparison}
          labels={labels}
          madeOn={madeOn(chosenSnapshot)}
        />
      )}
    </Modal>
  );
}
