import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivePreview, ReceiveResult } from '../../../core/api/sync';
import { counted, daysAhead } from './format';
import { formatNumber } from '../format';

type Props =
  { kind: 'preview'; summary: ReceivePreview } | { kind: 'result'; summary: ReceiveResult };

/** What a bundle brings (checked, before applying) or brought (after): one sentence a fact. */
export function ReceiveSummary(props: Props) {
  const { t, i18n } = useTranslation();
  const { summary, kind } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Apply's button is gone once applied: the focus moves to what the bundle brought.
  useEffect(() => {
    if (kind === 'result') headingRef.current?.focus();
  }, [kind]);
  const number = (count: number) => ({ count, formatted: formatNumber(i18n.language, count) });
  const changes = (count: number) => counted(t, i18n.language, 'changes', count);
  const heading =
    props.kind === 'preview' ? t('sync.receive.previewHeading') : t('sync.receive.resultHeading');
  return (
    <section className="receive-summary" aria-label={heading}>
      <h3 ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <ul>
        <li>{t('sync.receive.from', { name: summary.from })}</li>
        <li>
          {t('sync.receive.changes', {
            changes: changes(summary.changes),
            newChanges: formatNumber(i18n.language, summary.newChanges),
          })}
        </li>
        <li>{t('sync.receive.newPersons', number(summary.newPersons))}</li>
        <li>
          {props.kind === 'preview'
            ? t('sync.receive.conflictsEstimate', number(summary.conflicts))
            : t('sync.receive.conflicts', number(summary.conflicts))}
        </li>
        {summary.relayed.length > 0 && (
          <li>
            {t('sync.receive.relayed', {
              list: summary.relayed
                .map((relay) =>
                  t('sync.receive.relayedOne', {
                    name: relay.name,
                    changes: changes(relay.changes),
                  }),
                )
                .join(', '),
            })}
          </li>
        )}
        {summary.heldCells > 0 && <li>{t('sync.receive.heldCells', number(summary.heldCells))}</li>}
        {props.kind === 'result' && props.summary.flaggedRecords > 0 && (
          <li>{t('sync.receive.flagged', number(props.summary.flaggedRecords))}</li>
        )}
      </ul>
      {kind === 'result' && summary.newChanges > 0 && <p>{t('sync.receive.whereNew')}</p>}
      {summary.clockAheadMs !== null && (
        <p className="warning" role="note">
          {t('sync.receive.clockAhead', {
            name: summary.from,
            count: daysAhead(summary.clockAheadMs),
          })}
        </p>
      )}
    </section>
  );
}
