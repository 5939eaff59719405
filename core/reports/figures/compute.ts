import type { FiguresReportParams } from '../../api/reports';
import type {
  AtRiskResult,
  EarlyReleaseShareResult,
  Figure,
  ReleasesResult,
} from '../../api/figures';
import type { ReadDb } from '../../db/handle';
import {
  figureAtRisk,
  figureEarlyReleaseShare,
  figureInCustody,
  figureRearrests,
  figureReleases,
} from '../../stats';

/** Every figure of a figures report, each computed once by the figure engine. */
export interface FiguresData {
  asOf: string;
  /** The release window; an end left out reaches back, or forward, indefinitely. */
  window: { from: string | undefined; to: string | undefined };
  inCustody: Figure;
  atRisk: AtRiskResult;
  releases: ReleasesResult;
  /** Null without a start date: a share "since" needs one. */
  share: EarlyReleaseShareResult | null;
  rearrests: Figure;
}

/**
 * The figures of a report with the dashboard's calls (renderer/src/figures/useFigures.ts), so
 * that both show the same numbers for the same date, window and filters. The report states
 * these and a figure snapshot records them (../figureSet.ts): they are computed here only.
 */
export function computeFigures(db: ReadDb, params: FiguresReportParams): FiguresData {
  const { asOf, filters } = params;
  const window = { from: params.releasesFrom, to: params.releasesTo };
  const since = params.earlySince ?? params.releasesFrom;
  return {
    asOf,
    window,
    inCustody: figureInCustody(db, { asOf, filters }),
    atRisk: figureAtRisk(db, { asOf, filters }),
    releases: figureReleases(db, { ...window, groupBy: 'year', filters }),
    share: since === undefined ? null : figureEarlyReleaseShare(db, { since, asOf, filters }),
    rearrests: figureRearrests(db, { ...window, filters }),
  };
}
