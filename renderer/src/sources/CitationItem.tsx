import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPartialDate } from '../dates';
import type { Citation } from './sources';

interface Props {
  citation: Citation;
  /** What the source is cited for: the person or one of their records. */
  about: string;
  readOnly: boolean;
  onRemove: () => void;
}

export function CitationItem({ citation, about, readOnly, onRemove }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { source } = citation;
  return (
    <article className="citation">
      <div className="citation-head">
        <h4 id={titleId}>{source ? source.title : t('sources.missing')}</h4>
        {source && source.confidentiality !== 'public' && (
          <span className={`badge ${source.confidentiality}`}>
            {t(`sources.confidentiality.${source.confidentiality}`)}
          </span>
        )}
      </div>
      <dl className="details">
        {source && (
          <div>
            <dt>{t('sources.fields.kind')}</dt>
            <dd>{t(`sources.kinds.${source.kind}`)}</dd>
          </div>
        )}
        {source && (
          <div>
            <dt>{t('sources.fields.reliability')}</dt>
            <dd>{t(`sources.reliability.${source.reliability}`)}</dd>
          </div>
        )}
        {source?.date && (
          <div>
            <dt>{t('sources.fields.date')}</dt>
            <dd>{formatPartialDate(t, source.date)}</dd>
          </div>
        )}
        {source?.reference && (
          <div>
            <dt>{t('sources.fields.reference')}</dt>
            <dd>{source.reference}</dd>
          </div>
        )}
        <div>
          <dt>{t('sources.about')}</dt>
          <dd>{about}</dd>
        </div>
        {citation.notes && (
          <div>
            <dt>{t('sources.citationNotes')}</dt>
            <dd>{citation.notes}</dd>
          </div>
        )}
      </dl>
      <div className="item-actions">
        <button
          type="button"
          className="button secondary small"
          onClick={onRemove}
          disabled={readOnly}
          aria-describedby={titleId}
        >
          {t('sources.remove')}
        </button>
      </div>
    </article>
  );
}
