// The subsets and weights reports print with (core/reports/fonts.ts), so the preview breaks
// lines as the PDF does; the others would only add to the app's size.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSpec } from '../../../core/api/reports';
import { Modal } from '../components/Modal';
import { disclosureSentence } from '../disclosure/sentence';
import { errorKey } from '../errors';
import { draftOf, specOf, type DraftError, type ReportDraft } from './draft';
import { FiguresFields } from './FiguresFields';
import { ListFields } from './ListFields';
import { OptionsFields } from './OptionsFields';
import { PreviewFrame } from './PreviewFrame';
import './reports.css';
import { SavedDefinitions } from './SavedDefinitions';
import { SaveReport } from './SaveReport';
import { useReportPreview } from './useReportPreview';

interface Props {
  /** What the report starts as: the dashboard's figures, a list, a person's dossier. */
  initial: ReportSpec;
  onClose: () => void;
}

/** One empty list for every valid draft. */
const NO_ERRORS: readonly DraftError[] = [];

/**
 * A report's settings, its live preview made by the core, what the disclosure policy does to
 * it, and saving it as a PDF or its tables as a spreadsheet.
 */
export function ReportDialog({ initial, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<ReportDraft>(() => draftOf(initial));
  const checked = useMemo(() => specOf(draft), [draft]);
  const spec = checked.ok ? checked.spec : null;
  const key = useMemo(() => (spec === null ? '' : JSON.stringify(spec)), [spec]);
  const preview = useReportPreview(spec, key);
  const errors = checked.ok ? NO_ERRORS : checked.errors;

  const disclosure =
    preview.current && preview.preview
      ? disclosureSentence(t, i18n.language, preview.preview.disclosure)
      : null;
  const internalUnconfirmed =
    draft.options.audience === 'internal' && !draft.options.neverPublishConfirmed;
  const needs = [
    ...(internalUnconfirmed ? [t('reports.needInternal')] : []),
    ...(errors.includes('columns') ? [t('reports.needColumns')] : []),
    ...(errors.some((error) => error !== 'columns') ? [t('reports.needFields')] : []),
    // The disclosure sentence must be the one of these very settings before anything is saved.
    ...(spec !== null && preview.error !== null ? [t('reports.needPreviewFixed')] : []),
    ...(spec !== null && preview.error === null && disclosure === null
      ? [t('reports.needPreview')]
      : []),
  ];

  return (
    <Modal
      title={t(`reports.dialogTitles.${draft.template}`)}
      closeLabel={t('reports.close')}
      onClose={onClose}
      className="report-dialog"
    >
      <div className="report-layout">
        <div className="report-settings">
          {draft.template === 'figures' && (
            <FiguresFields
              draft={draft.figures}
              errors={errors}
              onChange={(figures) => setDraft({ ...draft, figures })}
            />
          )}
          {draft.template === 'list' && (
            <ListFields
              draft={draft.list}
              errors={errors}
              onChange={(list) => setDraft({ ...draft, list })}
            />
          )}
          <OptionsFields
            options={draft.options}
            onChange={(options) => setDraft({ ...draft, options })}
          />
          <SavedDefinitions spec={spec} onOpen={(entry) => setDraft(draftOf(entry.spec))} />
        </div>
        <div className="report-output">
          <h3>{t('reports.preview.heading')}</h3>
          <p role="status" className="report-preview-status">
            {spec !== null && !preview.current && preview.error === null
              ? t('reports.preview.updating')
              : ''}
          </p>
          {preview.error && (
            <p role="alert" className="alert">
              {t(errorKey(preview.error))}
            </p>
          )}
          {preview.preview ? (
            <PreviewFrame
              preview={preview.preview}
              label={t('reports.preview.label', { title: preview.preview.title })}
              stale={!preview.current}
            />
          ) : (
            !preview.error && <p className="muted">{t('reports.preview.making')}</p>
          )}
          <SaveReport spec={spec} disclosure={disclosure} needs={needs} />
        </div>
      </div>
    </Modal>
  );
}
