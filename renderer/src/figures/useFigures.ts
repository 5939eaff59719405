import { useEffect, useState } from 'react';
import type { ApiResult, ErrorCode } from '../../../core/api/errors';
import {
  BreakdownDimension,
  type AtRiskResult,
  type BreakdownResult,
  type CustodySeriesResult,
  type EarlyReleaseShareResult,
  type Figure,
  type ReleasesResult,
} from '../../../core/api/figures';
import { requestUnlocked } from '../api';
import { releaseWindow, type FigureParams } from './params';

export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = BreakdownDimension.options;

/** Every figure the dashboard shows, for one set of parameters. */
export interface FiguresData {
  inCustody: Figure;
  releases: ReleasesResult;
  atRisk: AtRiskResult;
  share: EarlyReleaseShareResult;
  rearrests: Figure;
  series: CustodySeriesResult;
  breakdowns: BreakdownResult[];
}

interface Loaded {
  key: string;
  data: FiguresData | null;
  error: ErrorCode | null;
}

export interface FiguresState {
  /** The figures of the latest answer: kept while new ones load, so the page does not jump. */
  data: FiguresData | null;
  /** True until the figures for the current parameters have arrived. */
  loading: boolean;
  error: ErrorCode | null;
}

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new FigureError(result.error.code);
  return result.value;
}

class FigureError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

async function loadAll(params: FigureParams): Promise<FiguresData> {
  const { asOf, filters } = params;
  const window = releaseWindow(params);
  const [[inCustody, releases, atRisk, share, rearrests, series], breakdowns] = await Promise.all([
    Promise.all([
      requestUnlocked((api) => api.figureInCustody({ asOf, filters })).then(unwrap),
      requestUnlocked((api) =>
        api.figureReleases({ from: window.from, to: window.to, groupBy: 'year', filters }),
      ).then(unwrap),
      requestUnlocked((api) => api.figureAtRisk({ asOf, filters })).then(unwrap),
      requestUnlocked((api) =>
        api.figureEarlyReleaseShare({ since: window.from, asOf, filters }),
      ).then(unwrap),
      requestUnlocked((api) =>
        api.figureRearrests({ from: window.from, to: window.to, filters }),
      ).then(unwrap),
      requestUnlocked((api) =>
        api.figureCustodySeries({ from: `${window.from}-01`, to: asOf, step: 'month', filters }),
      ).then(unwrap),
    ]),
    Promise.all(
      BREAKDOWN_DIMENSIONS.map((dimension) =>
        requestUnlocked((api) => api.figureBreakdown({ asOf, dimension, filters })).then(unwrap),
      ),
    ),
  ]);
  return { inCustody, releases, atRisk, share, rearrests, series, breakdowns };
}

/** Loads every figure again whenever the parameters change; a stale answer is dropped. */
export function useFigures(params: FigureParams): FiguresState {
  const key = JSON.stringify(params);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    const request: FigureParams = JSON.parse(key) as FigureParams;
    loadAll(request).then(
      (data) => {
        if (current) setLoaded({ key, data, error: null });
      },
      (error: unknown) => {
        if (!current) return;
        const code = error instanceof FigureError ? error.code : 'INTERNAL';
        // The last figures that arrived stay on screen, under the message.
        setLoaded((previous) => ({ key, data: previous?.data ?? null, error: code }));
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  return {
    data: loaded?.data ?? null,
    loading: loaded?.key !== key,
    error: loaded?.key === key ? loaded.error : null,
  };
}
