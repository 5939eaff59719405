import { orderReleaseTypes } from '../../api/releaseSeries';
import type { Figure, ReleasesResult } from '../../api/figures';

/** Releases by year × type, as the table and the chart show them. */
export interface ReleaseGrid {
  /** Every year from the first to the last, the empty ones between included. */
  years: string[];
  /** The release types that have a release in some year, in stacking order. */
  types: (string | null)[];
  cell(year: string, type: string | null): Figure | undefined;
}

/**
 * The release types of the window in the order the tables list and the chart stacks them, the
 * dashboard's: early-release types first, in their documented order, so that they read as one
 * block at the bottom of each bar; then the others; "not recorded" last.
 */
export function typeOrder(releases: ReleasesResult): (string | null)[] {
  return orderReleaseTypes(releases.byType.map((b) => b.releaseType));
}

/**
 * The grid of the engine's cells (by year, see figureReleases). The years run over the cells
 * and the window's own years, so that a year without releases shows as an empty bar rather
 * than vanishing from the axis.
 */
export function releaseGrid(releases: ReleasesResult): ReleaseGrid {
  const cells = new Map<string, Figure>();
  const key = (year: string, type: string | null) => `${year}\u0000${type ?? ''}`;
  for (const c of releases.cells) cells.set(key(c.period, c.releaseType), c.figure);
  if (releases.cells.length === 0) return { years: [], types: [], cell: () => undefined };
  const ends = releases.cells.map((c) => Number(c.period));
  for (const end of [releases.from, releases.to])
    if (end !== null) ends.push(Number(end.slice(0, 4)));
  const first = Math.min(...ends);
  const last = Math.max(...ends);
  const years: string[] = [];
  for (let y = first; y <= last; y++) years.push(String(y));
  return {
    years,
    types: typeOrder(releases).filter((type) => releases.cells.some((c) => c.releaseType === type)),
    cell: (year, type) => cells.get(key(year, type)),
  };
}
