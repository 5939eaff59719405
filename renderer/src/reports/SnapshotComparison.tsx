import { useId } from 'react';
import type { SnapshotComparison as Comparison } from '../../../core/api/reports';
import type { FigureLabels } from '../figures/labels';
import { formatList } from '../format';
import { figureKeyLabel } from './figureKeys';

type Change = Comparison['figures'][number];
type Moved = Change['entered'][number];

interface Props {
  comparison: Comparison;
  labels: FigureLabels;
  /** "6 May 2024", the day the snapshot was made. */
  madeOn: string;
}

function changed(change: Change): boolean {
  return change.then !== change.now || change.entered.length > 0 || change.left.length > 0;
}

/**
 * Each figure of a published report then and now, and the cases that entered or left it with
 * the reasons, as sentences: "Released early: 12 then, 13 now." "Case 17 entered: a record was
 * added."
 */
export function SnapshotComparison({ comparison, labels, madeOn }: Props) {
  const { t } = labels;
  const headingId = useId();
  const shown = comparison.figures.filter(changed);
  const unchanged = comparison.figures.length - shown.length;

  function moved(item: Moved, direction: 'entered' | 'left') {
    // A deleted person has no name left to show.
    const name = item.name === '' ? t('reports.snapshots.deletedCase') : item.name;
    const reasons = formatList(
      t,
      item.reasons.map((reason) => t(`reports.snapshots.reasons.${reason}`)),
    );
    return item.reasons.length === 0
      ? t(`reports.snapshots.${direction}NoReason`, { name })
      : t(`reports.snapshots.${direction}`, { name, reasons });
  }

  return (
    <section className="snapshot-comparison" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('reports.snapshots.comparisonHeading', {
          title: comparison.snapshot.title,
          date: madeOn,
        })}
      </h3>
      {shown.length === 0 ? (
        <p>{t('reports.snapshots.allSame')}</p>
      ) : (
        <ul className="snapshot-changes" aria-label={t('reports.snapshots.changesLabel')}>
          {shown.map((change) => (
            <li key={change.key} className="snapshot-change">
              <p>
                <strong>
                  {t('reports.snapshots.thenNow', {
                    figure: figureKeyLabel(labels, change.key),
                    then: labels.number(change.then),
                    now: labels.number(change.now),
                  })}
                </strong>
              </p>
              {change.entered.length + change.left.length > 0 && (
                <ul>
                  {change.entered.map((item) => (
                    <li key={`in-${item.personId}`}>{moved(item, 'entered')}</li>
                  ))}
                  {change.left.map((item) => (
                    <li key={`out-${item.personId}`}>{moved(item, 'left')}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && unchanged > 0 && (
        <p className="muted">
          {t('reports.snapshots.othersSame', {
            count: unchanged,
            formatted: labels.number(unchanged),
          })}
        </p>
      )}
    </section>
  );
}
