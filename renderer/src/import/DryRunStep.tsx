import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ProblemCode,
  type ImportDecisions,
  type ImportPreview,
  type ImportShape,
} from '../../../core/api/import';
import type { AmbiguousLink, DuplicateRow } from './decisions';
import { DuplicateChoices } from './DuplicateChoices';
import { LinkChoices } from './LinkChoices';
import { problemSentence } from './problems';
import { formatNumber } from '../format';

interface Props {
  preview: ImportPreview;
  shape: ImportShape;
  /** The answers to the dry run's questions, and the rows it asks them about. */
  decisions: ImportDecisions;
  onDecisionsChange: (decisions: ImportDecisions) => void;
  duplicateRows: DuplicateRow[];
  links: AmbiguousLink[];
  /** The decisions changed since this dry run: its counts no longer say what would happen. */
  stale: boolean;
  onRecheck: () => void;
  /** Saving the mapping with its value choices, offered before the import. */
  saveForm: ReactNode;
  busy: 'recheck' | 'import' | null;
  onBack: () => void;
  onImport: (mode: 'all' | 'validOnly') => void;
}

/** Rows of the report drawn at once; the counts above it cover every problem. */
const MAX_SHOWN = 1000;

/**
 * Step 4: what an import would do, row by row, the questions it leaves (likely duplicates,
 * ambiguous links), and the two ways to go on. Nothing has been written when this shows; only
 * the two import buttons write, and only once the counts shown match the choices made.
 */
export function DryRunStep(props: Props) {
  const { preview, shape, decisions, onDecisionsChange, stale, onBack, onImport } = props;
  const busy = props.busy === 'import';
  const { t, i18n } = useTranslation();
  const reportId = useId();
  const allReasonId = useId();
  const validReasonId = useId();
  const staleId = useId();
  const [mode, setMode] = useState<'all' | 'validOnly' | null>(null);
  const number = (value: number) => formatNumber(i18n.language, value);

  const shown = preview.problems.slice(0, MAX_SHOWN);
  const totalProblems = Object.values(preview.problemCounts).reduce((sum, n) => sum + n, 0);
  const byKind = ProblemCode.options
    .filter((code) => (preview.problemCounts[code] ?? 0) > 0)
    .map((code) => ({ code, count: preview.problemCounts[code] ?? 0 }));
  const canImportAll = preview.invalidRows === 0 && preview.rows > 0 && !stale;
  const canImportValid = preview.validRows > 0 && !stale;
  const counted = (value: number) => ({ count: value, formatted: number(value) });
  const askDuplicates =
    shape === 'persons' && (preview.plan.duplicates > 0 || props.duplicateRows.length > 0);

  function start(chosen: 'all' | 'validOnly') {
    if (busy) return;
    setMode(chosen);
    onImport(chosen);
  }

  return (
    <div className="dry-run">
      <p className="muted">{t('import.dryRunIntro')}</p>
      <p className="import-plan">
        {t('import.plan', {
          new: number(preview.plan.new),
          changed: number(preview.plan.changed),
          unchanged: number(preview.plan.unchanged),
          duplicates: t('import.likelyDuplicates', counted(preview.plan.duplicates)),
        })}
      </p>
      <dl className="import-counts">
        <div>
          <dt>{t('import.counts.rows')}</dt>
          <dd>{number(preview.rows)}</dd>
        </div>
        <div>
          <dt>{t('import.counts.valid')}</dt>
          <dd>{number(preview.validRows)}</dd>
        </div>
        <div data-kind="error">
          <dt>{t('import.counts.invalid')}</dt>
          <dd>{number(preview.invalidRows)}</dd>
        </div>
        <div data-kind="warning">
          <dt>{t('import.counts.warnings')}</dt>
          <dd>{number(preview.rowsWithWarnings)}</dd>
        </div>
      </dl>

      {askDuplicates && (
        <DuplicateChoices
          total={preview.plan.duplicates}
          rows={props.duplicateRows}
          decisions={decisions}
          onChange={onDecisionsChange}
        />
      )}
      {props.links.length > 0 && (
        <LinkChoices links={props.links} decisions={decisions} onChange={onDecisionsChange} />
      )}
      {byKind.length > 0 && (
        <div className="problem-kinds">
          <h4>{t('import.byKind')}</h4>
          <ul>
            {byKind.map(({ code, count }) => (
              <li key={code}>
                {t('import.byKindItem', {
                  problem: t(`import.problemNames.${code}`),
                  count: number(count),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h4 id={reportId}>{t('import.reportTitle')}</h4>
      {shown.length === 0 ? (
        <p className="empty">{t('import.noProblems')}</p>
      ) : (
        <>
          {(shown.length < totalProblems || preview.problemsTruncated) && (
            <p className="hint">
              {t('import.shownFirst', {
                shown: number(shown.length),
                total: number(totalProblems),
              })}
            </p>
          )}
          {/* Focusable so that the keyboard can scroll it. */}
          <div className="report-scroll" role="region" aria-labelledby={reportId} tabIndex={0}>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.report.row')}</th>
                  <th scope="col">{t('import.report.column')}</th>
                  <th scope="col">{t('import.report.severity')}</th>
                  <th scope="col">{t('import.report.problem')}</th>
                  <th scope="col">{t('import.report.value')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((problem, index) => (
                  <tr key={index} data-severity={problem.severity}>
                    <td>{problem.row}</td>
                    <td>{problem.column ?? t('import.wholeRow')}</td>
                    <td className="severity">{t(`import.severities.${problem.severity}`)}</td>
                    <td>{problemSentence(t, problem, shape)}</td>
                    <td className="report-value">{problem.value ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {props.saveForm}

      {stale && (
        <div id={staleId} className="import-stale">
          <p>{t('import.stale')}</p>
          <button
            type="button"
            className="button primary"
            aria-disabled={props.busy === 'recheck'}
            onClick={() => {
              if (props.busy === null) props.onRecheck();
            }}
          >
            {props.busy === 'recheck' ? t('import.rechecking') : t('import.recheckChoices')}
          </button>
        </div>
      )}

      <div className="actions import-choices">
        <button
          type="button"
          className="button primary"
          disabled={!canImportAll}
          aria-disabled={busy}
          aria-describedby={canImportAll ? undefined : stale ? staleId : allReasonId}
          onClick={() => start('all')}
        >
          {busy && mode === 'all' ? t('import.importing') : t('import.importAll')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!canImportValid}
          aria-disabled={busy}
          aria-describedby={canImportValid ? undefined : stale ? staleId : validReasonId}
          onClick={() => start('validOnly')}
        >
          {busy && mode === 'validOnly'
            ? t('import.importing')
            : t('import.importValid', { rows: number(preview.validRows) })}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={onBack}
          disabled={props.busy !== null}
        >
          {t('import.back')}
        </button>
      </div>
      {!stale && !canImportAll && preview.invalidRows > 0 && (
        <p id={allReasonId} className="hint import-reason">
          {t('import.importAllBlocked', {
            count: preview.invalidRows,
            formatted: number(preview.invalidRows),
          })}
        </p>
      )}
      {!stale && !canImportValid && (
        <p id={validReasonId} className="hint import-reason">
          {t('import.noValid')}
        </p>
      )}
    </div>
  );
}
