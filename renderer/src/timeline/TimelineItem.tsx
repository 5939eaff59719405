import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useThesauri } from '../thesauri/ThesauriContext';
import { entryDetails, entryTitle, entryWhen } from './describeEntry';
import type { TimelineEntry } from './entries';

interface Props {
  entry: TimelineEntry;
  /** Titles of the sources cited for this record. */
  sources: string[];
  readOnly: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onHistory: () => void;
}

export function TimelineItem({ entry, sources, readOnly, onEdit, onDelete, onHistory }: Props) {
  const { t } = useTranslation();
  const { label } = useThesauri();
  const whenId = useId();
  const titleId = useId();
  const described = `${titleId} ${whenId}`;
  return (
    <article className="timeline-entry" data-kind={entry.kind}>
      <p id={whenId} className="timeline-when">
        {entryWhen(t, entry)}
      </p>
      <div className="timeline-body">
        <h4 id={titleId}>{entryTitle(t, entry, label)}</h4>
        <dl className="details">
          {entryDetails(t, entry, label).map(({ term, value }) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          {sources.length > 0 && (
            <div>
              <dt>{t('timeline.sources')}</dt>
              <dd>{sources.join('; ')}</dd>
            </div>
          )}
        </dl>
        <div className="item-actions">
          <button
            type="button"
            className="button secondary small edit-button"
            onClick={onEdit}
            disabled={readOnly}
            aria-describedby={described}
          >
            {t('timeline.edit')}
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={onDelete}
            disabled={readOnly}
            aria-describedby={described}
          >
            {t('timeline.delete')}
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={onHistory}
            aria-describedby={described}
          >
            {t('history.open')}
          </button>
        </div>
      </div>
    </article>
  );
}
