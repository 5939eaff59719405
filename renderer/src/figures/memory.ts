import type { CaseSummary, Figure } from '../../../core/api/figures';
import type { DrillRequest } from './DrillDown';
import type { ParamsDraft } from './params';

/**
 * What the dashboard was showing when the user left it for a case: the workspace keeps it, so
 * that coming back finds the same date, filters, drill-down list and scroll positions. It lives
 * only in memory, like every other view of case data, and goes on lock.
 */
export interface FiguresMemory {
  draft: ParamsDraft;
  drill: DrillMemory | null;
  /** How far the dashboard was scrolled. */
  scrollTop: number;
}

/** The drill-down's lists, in the order the core sorted them. */
export type ListKind = 'counted' | 'maybe' | 'unplaced';

export interface ListMemory {
  /** The figure's ids the list was made from: a different figure starts a fresh list. */
  ids: readonly string[];
  /** The same ids in the list's order (by name), from the core. */
  order: readonly string[];
  /** The summaries loaded so far, a page at a time, in that order. */
  items: CaseSummary[];
  /** How many rows the user asked to see. */
  wanted: number;
}

/**
 * One open drill-down. The dialog writes its progress here as it goes (pages loaded, scroll
 * position, the case opened) rather than into React state: a scroll must not re-render it.
 */
export interface DrillMemory {
  request: DrillRequest;
  /** The figure once it arrived, for a request that asks the core for it. */
  figure: Figure | null;
  lists: Partial<Record<ListKind, ListMemory>>;
  scrollTop: number;
  /** The case the user left for, focused again on the way back. */
  openedId: string | null;
}

export function newDrill(request: DrillRequest): DrillMemory {
  return {
    request,
    figure: typeof request.figure === 'function' ? null : request.figure,
    lists: {},
    scrollTop: 0,
    openedId: null,
  };
}
