import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { errorKey } from '../errors';
import { CitationItem } from './CitationItem';
import { CiteForm, type CiteTarget } from './CiteForm';
import type { Citation, Source } from './sources';

interface Props {
  citations: Citation[];
  /** The person first, then the timeline records, as sources can be cited for them. */
  targets: CiteTarget[];
  /** Sources that can be cited without typing them again. */
  sources: Source[];
  onSourceCreated: (source: Source) => void;
  readOnly: boolean;
  /** A citation was added or removed: the person file must be read again. */
  onChanged: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

export function SourcesSection(props: Props) {
  const { citations, targets, sources, onSourceCreated, readOnly, onChanged, onDirtyChange } =
    props;
  const { t } = useTranslation();
  const headingId = useId();
  const readOnlyId = useId();
  const [citing, setCiting] = useState(false);
  const [removing, setRemoving] = useState<Citation | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const citeRef = useRef<HTMLButtonElement>(null);

  function close() {
    setCiting(false);
    onDirtyChange(false);
    // The button is disabled while the form is open; it is enabled again on the next render.
    window.requestAnimationFrame(() => citeRef.current?.focus());
  }

  async function remove(citation: Citation) {
    setRemoving(null);
    const result = await requestUnlocked((api) =>
      api.deleteRecord({ kind: 'citation', id: citation.id }),
    );
    if (result.ok) onChanged();
    else setErrorCode(result.error.code);
  }

  const aboutLabel = (citation: Citation) =>
    targets.find((target) => target.entity === citation.entity && target.id === citation.entityId)
      ?.label ?? t('sources.aboutMissing');

  return (
    <section className="sources" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId}>{t('sources.title')}</h3>
        <button
          ref={citeRef}
          type="button"
          className="button secondary"
          onClick={() => {
            setErrorCode(null);
            setCiting(true);
          }}
          disabled={readOnly || citing}
          aria-describedby={readOnly ? readOnlyId : undefined}
        >
          {t('sources.cite')}
        </button>
      </div>
      {readOnly && (
        <p id={readOnlyId} className="muted read-only-reason">
          {t('sources.readOnly')}
        </p>
      )}
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}

      {citing && (
        <CiteForm
          sources={sources}
          targets={targets}
          onSourceCreated={onSourceCreated}
          onSaved={() => {
            close();
            onChanged();
          }}
          onCancel={close}
          onDirtyChange={onDirtyChange}
        />
      )}

      {citations.length === 0 ? (
        citing ? null : (
          <p className="empty">{t('sources.empty')}</p>
        )
      ) : (
        <ul className="citation-list" aria-labelledby={headingId}>
          {citations.map((citation) => (
            <li key={citation.id}>
              <CitationItem
                citation={citation}
                about={aboutLabel(citation)}
                readOnly={readOnly}
                onRemove={() => setRemoving(citation)}
              />
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={t('sources.removeTitle')}
        body={t('sources.removeBody')}
        confirmLabel={t('sources.removeConfirm')}
        cancelLabel={t('sources.removeCancel')}
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
