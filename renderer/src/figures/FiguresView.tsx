import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportSpec } from '../../../core/api/reports';
import { errorKey } from '../errors';
import { ExportDialog } from '../export/ExportDialog';
import type { ChosenCases } from '../export/useDisclosurePreview';
import { NO_FILTER } from '../list/PersonList';
import { startSpec } from '../reports/draft';
import { PublishedFigures } from '../reports/PublishedFigures';
import { ReportDialog } from '../reports/ReportDialog';
import { AtRiskChart } from './AtRiskChart';
import { Breakdowns } from './Breakdowns';
import { Controls } from './Controls';
import { CustodyChart } from './CustodyChart';
import { CustomCount } from './CustomCount';
import { DrillDown, type DrillRequest } from './DrillDown';
import './figures.css';
import { Bounds, Headlines } from './Headlines';
import { HowCounted } from './HowCounted';
import { useFigureLabels, type FigureLabels } from './labels';
import { newDrill, type DrillMemory, type FiguresMemory } from './memory';
import { PatternDefs } from './palette';
import {
  defaultDraft,
  hasFilters,
  parseDraft,
  releaseWindow,
  type FigureParams,
  type ParamsDraft,
} from './params';
import { countText, ReleasesChart } from './ReleasesChart';
import { useFigures } from './useFigures';

export interface FiguresProps {
  /** What the dashboard showed when it was last left: shown again as it was. */
  initial: FiguresMemory | null;
  /** Back to the case list and person page, with what to show on the next visit. */
  onClose: (memory: FiguresMemory) => void;
  /** Leaves the dashboard for one person's case, with what to show on the way back. */
  onOpenPerson: (personId: string, memory: FiguresMemory) => void;
}

function initialParams(draft: ParamsDraft): FigureParams {
  const parsed = parseDraft(draft);
  if (!parsed.ok) throw new Error('the default parameters must be valid');
  return parsed.params;
}

/**
 * The figures dashboard: every published number computed from the case records as of a date,
 * with its bounds, its definition and the cases behind it.
 */
export function FiguresView({ initial, onClose, onOpenPerson }: FiguresProps) {
  const labels = useFigureLabels();
  const { t } = labels;
  const [draft, setDraft] = useState<ParamsDraft>(() => initial?.draft ?? defaultDraft());
  const [params, setParams] = useState<FigureParams>(() => initialParams(draft));
  const [drill, setDrill] = useState<DrillMemory | null>(initial?.drill ?? null);
  // The open drill-down's progress, kept outside React state: its scrolling must not re-render.
  const drillKept = useRef<DrillMemory | null>(initial?.drill ?? null);
  const [report, setReport] = useState<ReportSpec | null>(null);
  const [publishedOpen, setPublishedOpen] = useState(false);
  const [exporting, setExporting] = useState<ChosenCases | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  /** Where to scroll the dashboard back to once its figures are on the page again. */
  const scrollBack = useRef(initial?.scrollTop ?? 0);
  const leavingForPerson = useRef(false);
  const drillOpener = useRef<HTMLElement | SVGElement | null>(null);
  const { data, loading, error } = useFigures(params);
  const parsed = parseDraft(draft);
  const errors = parsed.ok ? [] : parsed.errors;

  // Focus moves to the dashboard (or the drill-down it was left in), and back to what opened
  // it on "Back to cases".
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!initial?.drill) headingRef.current?.focus();
    return () => {
      if (!leavingForPerson.current && opener?.isConnected) opener.focus();
    };
    // Only on arrival: `initial` is what the dashboard opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const hasData = data !== null;
  useEffect(() => {
    if (!hasData || viewRef.current === null) return;
    viewRef.current.scrollTop = scrollBack.current;
  }, [hasData]);

  function remember(): FiguresMemory {
    return { draft, drill: drillKept.current, scrollTop: viewRef.current?.scrollTop ?? 0 };
  }

  const rememberDrill = useCallback((update: (memory: DrillMemory) => DrillMemory) => {
    if (drillKept.current) drillKept.current = update(drillKept.current);
  }, []);

  function change(next: ParamsDraft) {
    setDraft(next);
    const result = parseDraft(next);
    if (result.ok) setParams(result.params);
  }

  // Stable, so that the memoised charts do not redraw (and lose the focus) on every click.
  const openDrill = useCallback((request: DrillRequest) => {
    const focused = document.activeElement;
    drillOpener.current =
      focused instanceof HTMLElement || focused instanceof SVGElement ? focused : null;
    const memory = newDrill(request);
    drillKept.current = memory;
    setDrill(memory);
  }, []);

  function closeDrill() {
    drillKept.current = null;
    setDrill(null);
    // The dialog is gone from the page before it could give the focus back itself; a dialog
    // restored on the way back from a case has no opener on this page, so the title takes it.
    const opener = drillOpener.current;
    window.setTimeout(() => {
      if (opener?.isConnected) opener.focus();
      else headingRef.current?.focus();
    }, 0);
  }

  function openPerson(personId: string) {
    leavingForPerson.current = true;
    onOpenPerson(personId, remember());
  }

  const releaseWin = useMemo(() => releaseWindow(params), [params]);

  /** The figures report of what the dashboard shows now. */
  function openFiguresReport() {
    const filters = hasFilters(params.filters) ? { filters: params.filters } : {};
    setReport(
      startSpec({
        template: 'figures',
        params: {
          asOf: params.asOf,
          releasesFrom: releaseWin.from,
          releasesTo: releaseWin.to,
          ...filters,
        },
      }),
    );
  }

  /** A list report of the cases behind one number, as of the dashboard's date. */
  function openListReport(personIds: string[], description: string) {
    setReport(
      startSpec({
        template: 'list',
        params: {
          persons: { kind: 'ids', personIds, description: description.slice(0, 300) },
          asOf: params.asOf,
        },
      }),
    );
  }
  const windowText = t('figures.window', {
    from: labels.date(`${releaseWin.from}-01-01`),
    to: labels.date(releaseWin.cutAtAsOf ? releaseWin.to : `${releaseWin.to}-12-31`),
  });

  return (
    <div ref={viewRef} className="figures-view" role="region" aria-labelledby="figures-heading">
      <PatternDefs />
      <div className="figures-head">
        <div>
          <h2 id="figures-heading" ref={headingRef} tabIndex={-1} className="figures-title">
            {t('figures.title')}
          </h2>
          <p className="figures-context">
            {t('figures.context', {
              date: labels.date(params.asOf),
              window: windowText,
              filters: filterText(labels, params),
            })}
          </p>
        </div>
        <div className="figures-head-actions">
          <button type="button" className="button secondary" onClick={openFiguresReport}>
            {t('reports.open')}
          </button>
          <button type="button" className="button secondary" onClick={() => setPublishedOpen(true)}>
            {t('reports.published')}
          </button>
          <button type="button" className="button secondary" onClick={() => window.print()}>
            {t('figures.print')}
          </button>
          <button type="button" className="button primary" onClick={() => onClose(remember())}>
            {t('figures.back')}
          </button>
        </div>
      </div>

      <Controls
        draft={draft}
        errors={errors}
        onChange={change}
        onReset={() => change(defaultDraft())}
      />

      <p role="status" className="figures-status">
        {loading ? t('figures.updating') : ''}
      </p>
      {error && (
        <p role="alert" className="alert">
          {t(errorKey(error))}
        </p>
      )}

      {data && (
        <div className={loading ? 'figures-body figures-stale' : 'figures-body'}>
          <Headlines
            data={data}
            asOf={params.asOf}
            window={releaseWin}
            labels={labels}
            onDrill={openDrill}
          />

          <section className="figures-section" aria-labelledby="figures-releases-heading">
            <h3 id="figures-releases-heading">{t('figures.releases.heading')}</h3>
            <p className="figures-section-lead">
              {t('figures.releases.lead', {
                count: data.releases.early.value,
                early: countText(labels, data.releases.early),
                window: windowText,
              })}{' '}
              <button
                type="button"
                className="button link figures-inline"
                onClick={() =>
                  openDrill({
                    title: t('figures.releases.earlyTitle', {
                      window: windowText,
                      number: countText(labels, data.releases.early),
                    }),
                    definitions: ['early_releases'],
                    figure: data.releases.early,
                  })
                }
              >
                {t('figures.releases.showEarly')}
              </button>
            </p>
            <Bounds figure={data.releases.total} labels={labels} />
            <ReleasesChart
              releases={data.releases}
              window={releaseWin}
              labels={labels}
              onDrill={openDrill}
            />
            <HowCounted definitions={['releases', 'early_releases']} />
          </section>

          <div className="figures-pair">
            <section className="figures-section" aria-labelledby="figures-custody-heading">
              <h3 id="figures-custody-heading">{t('figures.custody.seriesHeading')}</h3>
              <CustodyChart
                series={data.series}
                filters={params.filters}
                labels={labels}
                onDrill={openDrill}
              />
              {data.series.unplaced.count > 0 && (
                <p className="figures-bound">
                  {t('figures.unplaced', {
                    count: data.series.unplaced.count,
                    formatted: labels.number(data.series.unplaced.count),
                  })}
                </p>
              )}
              <HowCounted definitions={['custody_series', 'in_custody']} />
            </section>

            <section className="figures-section" aria-labelledby="figures-risk-heading">
              <h3 id="figures-risk-heading">
                {t('figures.risk.chartHeading', { date: labels.date(params.asOf) })}
              </h3>
              <AtRiskChart atRisk={data.atRisk} labels={labels} onDrill={openDrill} />
              <p className="figures-note">{t('figures.risk.chartNote')}</p>
              <HowCounted definitions={['at_risk', 'at_risk_category', 'at_risk_over_60']} />
            </section>
          </div>

          <section className="figures-section" aria-labelledby="figures-breakdown-heading">
            <h3 id="figures-breakdown-heading">
              {t('figures.breakdown.heading', {
                date: labels.date(params.asOf),
                number: countText(labels, data.inCustody),
              })}
            </h3>
            <Breakdowns breakdowns={data.breakdowns} labels={labels} onDrill={openDrill} />
            <HowCounted definitions={['breakdown', 'in_custody']} />
          </section>

          <section className="figures-section" aria-labelledby="figures-pivot-heading">
            <h3 id="figures-pivot-heading">{t('figures.pivot.heading')}</h3>
            <p className="figures-section-lead">
              {t('figures.pivot.lead', { date: labels.date(params.asOf) })}
            </p>
            <CustomCount
              asOf={params.asOf}
              filters={params.filters}
              labels={labels}
              onDrill={openDrill}
              onApply={(asOf, filters) =>
                change({
                  ...draft,
                  asOf,
                  region: filters.region ?? '',
                  citizenship: filters.citizenship ?? '',
                  sex: filters.sex ?? '',
                })
              }
            />
            <HowCounted definitions={['breakdown', 'in_custody', 'at_risk']} />
          </section>

          <p className="figures-footer">{t('figures.footer')}</p>
        </div>
      )}

      {drill && (
        <DrillDown
          memory={drill}
          onRemember={rememberDrill}
          onClose={closeDrill}
          onOpenPerson={openPerson}
          onReport={openListReport}
          onExport={(personIds, description) => setExporting({ personIds, description })}
        />
      )}
      {exporting && (
        <ExportDialog filter={NO_FILTER} chosen={exporting} onClose={() => setExporting(null)} />
      )}
      {report && <ReportDialog initial={report} onClose={() => setReport(null)} />}
      {publishedOpen && <PublishedFigures onClose={() => setPublishedOpen(false)} />}
    </div>
  );
}

/** "All people", or the filters in words: "region Minsk city, citizenship UA, female". */
function filterText(labels: FigureLabels, params: FigureParams): string {
  const { t } = labels;
  const { filters } = params;
  if (!hasFilters(filters)) return t('figures.noFilters');
  const parts: string[] = [];
  if (filters.region)
    parts.push(
      t('figures.filterRegion', { region: labels.breakdownKey('region', filters.region) }),
    );
  if (filters.citizenship)
    parts.push(t('figures.filterCitizenship', { country: labels.country(filters.citizenship) }));
  if (filters.sex) parts.push(t(`person.sexes.${filters.sex}`));
  return parts.join(', ');
}
